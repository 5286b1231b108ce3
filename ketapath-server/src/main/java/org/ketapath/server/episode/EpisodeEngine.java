package org.ketapath.server.episode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.engine.Decision;
import org.ketapath.core.engine.DecisionEngine;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.Patient;
import org.ketapath.core.outcome.EpisodeSummary;
import org.ketapath.core.protocol.Protocol;
import org.ketapath.core.protocol.ProtocolCatalog;
import org.ketapath.core.timeline.DecisionJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The adapter to the clinical core: turns stored events into core events, loads the patient facts
 * the engine needs, and asks the pure decision engine for the current recommendation with the
 * server's "now". It decides nothing itself.
 */
@Component
public class EpisodeEngine {
  private final ProtocolCatalog catalog = ProtocolCatalog.builtIn();
  private final ZoneId zone;

  public EpisodeEngine(@Value("${ketapath.time-zone:UTC}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public ProtocolCatalog catalog() {
    return catalog;
  }

  public Protocol protocol(EpisodeHeader h) {
    return catalog.require(h.protocolId(), h.protocolVersion());
  }

  /** The patient as the engine sees it: the latest weight (DOSE-2) and pain facts; the rest comes from events. */
  public static Patient patient(UUID patientId, EventStore.PatientFacts f) {
    Optional<BodyWeight> weight = f.kg() == null ? Optional.empty()
        : Optional.of(new BodyWeight(f.kg().stripTrailingZeros(), f.measuredAt()));
    return new Patient(patientId.toString(), Optional.empty(), weight, Optional.empty(), Map.of(),
        Optional.ofNullable(f.cause()).map(org.ketapath.core.screening.NeuropathicCause::valueOf),
        Optional.ofNullable(f.mechanism()).map(org.ketapath.core.episode.PainMechanism::valueOf));
  }

  /** Clinical time order: late charting is recorded later but sorted by its time. */
  static final Comparator<StoredEvent> CLINICAL_ORDER =
      Comparator.comparing(StoredEvent::occurredAt).thenComparingInt(StoredEvent::seq);

  /** Core events in clinical time order (late charting is recorded later but sorted by its time). */
  public static List<EpisodeEvent> coreEvents(List<StoredEvent> stored) {
    List<StoredEvent> sorted = new ArrayList<>(stored);
    sorted.sort(CLINICAL_ORDER);
    List<EpisodeEvent> out = new ArrayList<>(sorted.size());
    for (StoredEvent e : sorted) {
      out.add(TimelineEvents.parseStored(e));
    }
    return out;
  }

  public Decision decide(EpisodeHeader h, Patient patient, List<EpisodeEvent> events, Instant now) {
    return DecisionEngine.decide(protocol(h), patient, events, now, zone);
  }

  public EpisodeSummary summarize(EpisodeHeader h, Patient patient, List<EpisodeEvent> events, Instant now) {
    return DecisionEngine.summarize(protocol(h), patient, events, now);
  }

  public static JsonNode json(Decision d) {
    return DecisionJson.toJson(d);
  }

  /** A decision as JSON, or the core's refusal when the record cannot be evaluated. */
  public JsonNode decisionJson(EpisodeHeader h, Patient patient, List<EpisodeEvent> events, Instant now) {
    try {
      return json(decide(h, patient, events, now));
    } catch (KetaPathException e) {
      var node = CanonicalJson.object();
      node.put("error", e.getMessage());
      node.put("code", e.code());
      return node;
    }
  }

}
