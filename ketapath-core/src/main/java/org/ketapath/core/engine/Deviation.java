package org.ketapath.core.engine;

import java.time.Instant;
import java.util.List;
import org.ketapath.core.episode.Actor;

/**
 * A recorded rate change that the order or the protocol does not allow and no physician override
 * covers (DOSE-4, INST-4). It is flagged, never accepted silently and never clamped.
 */
public record Deviation(String eventId, Instant at, Actor by, String text, List<String> rules) {
  public Deviation {
    rules = List.copyOf(rules);
  }
}
