package org.ketapath.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ketapath.core.timeline.DecisionJson;
import org.ketapath.core.timeline.Replay;
import org.ketapath.core.timeline.Timeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** replay: the decision at every event and at every review that falls due between events. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Replay an episode timeline (docs/timeline-format.md) and print the decision at every event",
        "and at every titration review that falls due between events."})
public class ReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TIMELINE", description = "timeline JSON file")
  Path file;

  @Option(names = "--json", description = "print one JSON object per decision (JSON lines)")
  boolean json;

  @Option(names = "--until", description = "also print reviews due after the last event, up to this instant")
  Instant until;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Timeline t = Files.timeline(file);
    List<Replay.Step> steps = Replay.run(t, Optional.ofNullable(until));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      for (Replay.Step s : steps) {
        var node = DecisionJson.toJson(s.decision());
        var line = DecisionJson.mapper().createObjectNode();
        line.put("trigger", s.trigger());
        s.event().ifPresent(e -> line.put("event", e.id()));
        line.setAll(node);
        out.println(DecisionJson.mapper().writeValueAsString(line));
      }
    } else {
      new TableRenderer(t, out).render(steps);
    }
    out.flush();
    return 0;
  }
}
