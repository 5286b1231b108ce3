package org.ketapath.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.opioid.ConversionTable;
import org.ketapath.core.opioid.ConversionTables;
import org.ketapath.core.opioid.MeddCalculator;
import org.ketapath.core.opioid.MeddLine;
import org.ketapath.core.opioid.MeddResult;
import org.ketapath.core.opioid.OpioidExposure;
import org.ketapath.core.timeline.Timeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** medd: morphine-equivalent daily dose over the 24 h before a time, from a timeline's opioid events. */
@Command(name = "medd", mixinStandardHelpOptions = true,
    description = {"Compute oral and parenteral MEDD over the 24 h before --at from a timeline's opioid events.",
        "Never use MEDD to calculate a dose when switching opioids."})
public class MeddCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TIMELINE")
  Path file;

  @Option(names = "--at", description = "end of the 24 h window (default: the last event)")
  Instant at;

  @Option(names = "--table", description = "conversion table id@version (default: the protocol's table)")
  String table;

  @Option(names = "--tables", description = "list the conversion tables and exit")
  boolean listTables;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (listTables) {
      for (ConversionTable t : ConversionTables.builtIn()) {
        out.println(t.ref());
      }
      out.flush();
      return 0;
    }
    Timeline t = Files.timeline(file);
    String ref = table != null ? table : t.protocol().meddTable().value();
    int sep = ref.indexOf('@');
    if (sep < 0) {
      throw new org.ketapath.core.KetaPathException("MEDD-TABLE", "--table", List.of("MEDD-1"),
          "--table must be id@version, e.g. us-palliative@1.0");
    }
    ConversionTable ct = ConversionTables.builtIn(ref.substring(0, sep), ref.substring(sep + 1));
    Instant end = at != null ? at : t.events().isEmpty() ? Instant.EPOCH : t.events().get(t.events().size() - 1).at();
    List<OpioidExposure> exposures = t.events().stream().filter(e -> e instanceof EpisodeEvent.OpioidGiven)
        .map(e -> ((EpisodeEvent.OpioidGiven) e).exposure()).toList();
    MeddResult r = MeddCalculator.calculate(ct, exposures, end);
    out.println("MEDD over " + r.windowStart() + " .. " + r.windowEnd() + " with " + r.tableRef());
    for (MeddLine line : r.lines()) {
      out.println("  " + line);
    }
    out.println("oral MEDD: " + r.oral());
    out.println("parenteral MEDD: " + r.parenteral().map(Object::toString).orElse("not available with this table"));
    out.println("rescue doses: " + r.rescueDoses());
    for (String w : r.warnings()) {
      out.println("warning: " + w);
    }
    out.flush();
    return 0;
  }
}
