package org.ketapath.core.timeline;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.data.DataNode;
import org.ketapath.core.data.LocatedTree;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.protocol.Protocol;
import org.ketapath.core.protocol.ProtocolCatalog;

/**
 * Reads an episode timeline file (format "ketapath-timeline/1", documented in
 * docs/timeline-format.md). Every refusal names the file, the line and the field.
 */
public final class TimelineReader {
  public static final String FORMAT = "ketapath-timeline/1";

  private TimelineReader() {}

  public static Timeline read(String sourceName, InputStream in, ProtocolCatalog catalog) {
    DataNode root = LocatedTree.json(sourceName, in);
    String format = root.string("format");
    if (!format.equals(FORMAT)) {
      throw root.get("format").error("DATA-FORMAT", List.of(), "unsupported format \"" + format + "\"; expected \""
          + FORMAT + "\"");
    }
    String title = root.optString("title").orElse(sourceName);
    DataNode pr = root.object("protocol");
    String id = pr.string("id");
    String version = pr.string("version");
    pr.done();
    Protocol protocol;
    try {
      protocol = catalog.require(id, version);
    } catch (KetaPathException e) {
      throw pr.wrap(e);
    }
    ZoneId zone = root.opt("timeZone").map(z -> {
      try {
        return ZoneId.of(z.text());
      } catch (DateTimeException e) {
        throw z.error("DATA-ZONE", List.of(), "unknown time zone \"" + z.text() + "\"; use e.g. Europe/London");
      }
    }).orElse(ZoneId.of("UTC"));
    var patient = EventJson.patient(root.object("patient"));
    List<EpisodeEvent> events = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    EpisodeEvent previous = null;
    for (DataNode n : root.list("events")) {
      EpisodeEvent e = EventJson.event(n);
      if (!ids.add(e.id())) {
        throw n.get("id").error("EVENT-DUPLICATE", List.of(), "event id \"" + e.id()
            + "\" appears twice; each event is recorded once");
      }
      if (previous != null && e.at().isBefore(previous.at())) {
        throw n.get("at").error("EVENT-ORDER", List.of(), e.at() + " is earlier than the event before it ("
            + previous.at() + "); events must be in time order");
      }
      ProtocolFit.check(protocol, e).ifPresent(m -> {
        throw n.get("type").error("EVENT-PROTOCOL", m.rules(), m.text());
      });
      events.add(e);
      previous = e;
    }
    root.done();
    return new Timeline(sourceName, title, patient, protocol, zone, events);
  }
}
