package org.ketapath.core.episode;

import java.time.Instant;
import java.util.AbstractList;
import java.util.HashSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import org.ketapath.core.KetaPathException;

/**
 * An episode's events, checked once: in time order, each id recorded once. The decision engine
 * trusts a log and checks any other list itself; a prefix of a log is a log.
 */
public final class EpisodeLog extends AbstractList<EpisodeEvent> implements RandomAccess {
  private final List<EpisodeEvent> events;

  private EpisodeLog(List<EpisodeEvent> events) {
    this.events = events;
  }

  /** Checks the sequence and keeps an unmodifiable copy. */
  public static EpisodeLog of(List<? extends EpisodeEvent> events) {
    if (events instanceof EpisodeLog log) {
      return log;
    }
    Set<String> ids = new HashSet<>(Math.max(16, events.size() * 2));
    Instant last = null;
    for (int i = 0; i < events.size(); i++) {
      EpisodeEvent e = events.get(i);
      if (!ids.add(e.id())) {
        throw new KetaPathException("EVENT-DUPLICATE", "events[" + i + "].id", List.of(),
            "event id \"" + e.id() + "\" appears twice; each event is recorded once");
      }
      if (last != null && e.at().isBefore(last)) {
        throw new KetaPathException("EVENT-ORDER", "events[" + i + "].at", List.of(), "event \"" + e.id() + "\" at "
            + e.at() + " is earlier than the event before it (" + last + "); events must be in time order");
      }
      last = e.at();
    }
    return new EpisodeLog(List.copyOf(events));
  }

  /** The first {@code n} events, still a checked log. */
  public EpisodeLog upTo(int n) {
    return new EpisodeLog(events.subList(0, n));
  }

  @Override
  public EpisodeEvent get(int index) {
    return events.get(index);
  }

  @Override
  public int size() {
    return events.size();
  }
}
