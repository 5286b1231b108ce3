package org.ketapath.core.timeline;

import java.util.List;
import java.util.Optional;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.protocol.Protocol;
import org.ketapath.core.protocol.TitrationPlan;

/**
 * Whether an event belongs to its protocol's way of giving ketamine. A session protocol (OUT-2) is
 * given in sessions with a baseline recorded before each, never as one open-ended infusion; a
 * continuous infusion has no sessions. An event of the wrong kind would be recorded but never
 * evaluated, so it is refused instead.
 */
public final class ProtocolFit {
  /** Why an event does not fit: plain words and the rules behind them. */
  public record Misfit(String text, List<String> rules) {}

  private ProtocolFit() {}

  public static Optional<Misfit> check(Protocol protocol, EpisodeEvent e) {
    boolean sessions = protocol.titration() instanceof TitrationPlan.Sessions;
    String ref = protocol.ref();
    if (sessions && e instanceof EpisodeEvent.Started) {
      return Optional.of(new Misfit(ref + " is given in sessions: record a sessionStart with the session number, "
          + "the rate and the baseline (NRS, function, satisfaction, analgesic use), not a started infusion",
          List.of("OUT-2", "OUT-4")));
    }
    if (!sessions && (e instanceof EpisodeEvent.SessionStarted || e instanceof EpisodeEvent.SessionEnded)) {
      return Optional.of(new Misfit(ref + " is a continuous infusion, not a course of sessions: record started "
          + "and stopped instead", List.of("OUT-2")));
    }
    return Optional.empty();
  }
}
