package org.ketapath.core.timeline;

import java.time.ZoneId;
import java.util.List;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.Patient;
import org.ketapath.core.protocol.Protocol;

/** An episode as a file: the patient, the protocol version it runs under, and its events in time order. */
public record Timeline(String source, String title, Patient patient, Protocol protocol, ZoneId timeZone,
    List<EpisodeEvent> events) {
  public Timeline {
    events = List.copyOf(events);
  }
}
