package org.ketapath.core.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ketapath.core.engine.Action;
import org.ketapath.core.engine.Decision;
import org.ketapath.core.engine.DecisionEngine;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.EpisodeLog;

/**
 * Replays a timeline: the decision after every event, and at every titration review that falls due
 * between two events (or before {@code until}). Pure: time comes only from the file.
 */
public final class Replay {
  /** Guards against a review schedule that would never end; far more than a 5-day course needs. */
  static final int MAX_REVIEWS_BETWEEN_EVENTS = 500;

  private Replay() {}

  /** One printed step: the event that triggered it (empty for a review) and the decision. */
  public record Step(Optional<EpisodeEvent> event, Decision decision) {
    public String trigger() {
      return event.map(EpisodeEvent::type).orElse("review");
    }
  }

  public static List<Step> run(Timeline t, Optional<Instant> until) {
    EpisodeLog events = EpisodeLog.of(t.events());
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      EpisodeLog upTo = events.upTo(i + 1);
      EpisodeEvent e = events.get(i);
      Decision d = DecisionEngine.decide(t.protocol(), t.patient(), upTo, e.at(), t.timeZone());
      out.add(new Step(Optional.of(e), d));
      Instant limit = i + 1 < events.size() ? events.get(i + 1).at() : until.orElse(e.at());
      int guard = 0;
      while (d.nextReviewDue().isPresent() && d.nextReviewDue().get().isBefore(limit)
          && d.action() != Action.COMPLETE && guard++ < MAX_REVIEWS_BETWEEN_EVENTS) {
        d = DecisionEngine.decide(t.protocol(), t.patient(), upTo, d.nextReviewDue().get(), t.timeZone());
        out.add(new Step(Optional.empty(), d));
      }
    }
    return out;
  }
}
