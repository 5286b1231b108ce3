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

  @Option(names = "--definition", description = "only this response definition: CIVIK_PUBLISHED, CIVIK_REGISTRY "
      + "or NRS_REDUCTION (default: every definition each protocol computes, side by side)")
  ResponseSpec.Kind definition;

  @Option(names = "--pooled", description = "also pool all protocols into one report, labelled as pooled "
      + "(protocols differ in dose, schedule and response definition: read a pooled rate with care)")
  boolean pooled;

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
    // OUTC-2: one report per protocol version, never pooled unless asked for and labelled.
    for (CohortReport.Stratum stratum : CohortReport.byProtocol(summaries)) {
      out.println();
      out.println("== " + stratum.protocolRef() + ": " + stratum.episodes().size() + " episode(s) ==");
      print(out, stratum.episodes(), definition != null ? List.of(definition) : stratum.definitions());
    }
    if (pooled) {
      out.println();
      out.println("== POOLED ACROSS PROTOCOLS (" + String.join(", ", CohortReport.byProtocol(summaries).stream()
          .map(CohortReport.Stratum::protocolRef).toList()) + "): " + summaries.size() + " episode(s) ==");
      print(out, summaries, List.of(definition != null ? definition : ResponseSpec.Kind.NRS_REDUCTION));
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, List<EpisodeSummary> episodes, List<ResponseSpec.Kind> definitions) {
    CohortReport last = null;
    for (ResponseSpec.Kind k : definitions) {
      last = CohortReport.of(episodes, k);
      last.responseLines().forEach(out::println);
    }
    if (last == null) {
      last = CohortReport.of(episodes, ResponseSpec.Kind.NRS_REDUCTION);
    }
    last.cohortLines().forEach(out::println);
  }
}
