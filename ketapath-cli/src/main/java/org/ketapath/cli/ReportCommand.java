package org.ketapath.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ketapath.core.engine.DecisionEngine;
import org.ketapath.core.outcome.CohortReport;
import org.ketapath.core.outcome.EpisodeSummary;
import org.ketapath.core.protocol.ResponseSpec;
import org.ketapath.core.timeline.Timeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** report: cohort outcomes over timelines, in the form the published studies use (OUTC-2). */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Cohort report over episode timelines: counts, response rate with exact 95%% CI, medians, AEs")
public class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TIMELINE", arity = "1..*")
  List<Path> files;

  @Option(names = "--definition", description = "CIVIK_PUBLISHED, CIVIK_REGISTRY or NRS_REDUCTION (default)")
  ResponseSpec.Kind definition = ResponseSpec.Kind.NRS_REDUCTION;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<EpisodeSummary> summaries = new ArrayList<>();
    PrintWriter out = spec.commandLine().getOut();
    for (Path f : files) {
      Timeline t = Files.timeline(f);
      var last = t.events().isEmpty() ? java.time.Instant.EPOCH : t.events().get(t.events().size() - 1).at();
      EpisodeSummary s = DecisionEngine.summarize(t.protocol(), t.patient(), t.events(), last);
      summaries.add(s);
      out.println(f + ": " + s.protocolRef() + ", " + s.infusions() + " infusion(s), baseline IV MEDD "
          + s.baselineParenteralMedd().map(Object::toString).orElse("n/a") + ", " + s.responses().stream()
          .map(r -> r.definition() + " " + r.category() + (r.provisional() ? " (provisional)" : "")).toList());
    }
    out.println();
    CohortReport.of(summaries, definition).lines().forEach(out::println);
    out.flush();
    return 0;
  }
}
