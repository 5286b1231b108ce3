package org.ketapath.server.episode;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ketapath.core.dose.MgPerHour;

/** Derives an episode's current state from its header and events: a pure fold, no I/O. */
public final class EpisodeProjector {
  private EpisodeProjector() {}

  public static EpisodeState project(EpisodeHeader h, List<StoredEvent> events) {
    String status = "NEW";
    BigDecimal weight = null;
    Quantity concentration = null;
    Quantity start = null;
    Quantity max = null;
    Quantity current = null;
    Instant startedAt = null;
    Instant lastChange = null;
    Instant lastAssessment = null;
    Integer lastNrs = null;
    Integer goal = null;
    int rescues = 0;
    int overrides = 0;
    Instant stoppedAt = null;
    String outcome = null;
    List<String> warnings = new ArrayList<>();
    for (StoredEvent e : events) {
      JsonNode p = e.payload();
      EventType type = EventType.parse(e.type()).orElse(null);
      if (type == null) {
        warnings.add("event " + e.seq() + " has an unknown type " + e.type());
        continue;
      }
      switch (type) {
        case SCREENED -> {
          status = "SCREENED";
          if (p.hasNonNull("painGoal")) {
            goal = p.get("painGoal").asInt();
          }
        }
        case ORDERED -> {
          status = "ORDERED";
          weight = decimal(p, "weightKg", weight);
          concentration = quantity(p, "concentration", concentration);
          start = quantity(p, "startRate", start);
          max = quantity(p, "maxRate", max);
        }
        case SIGNED -> status = "SIGNED";
        case PHARMACIST_VERIFIED -> {
          status = "VERIFIED";
          weight = decimal(p, "weightKg", weight);
          concentration = quantity(p, "concentration", concentration);
        }
        case STARTED -> {
          status = "RUNNING";
          startedAt = e.occurredAt();
          lastChange = e.occurredAt();
          current = normalised(quantity(p, "rate", null), weight);
        }
        case RATE_CHANGE, TAPER_STEP -> {
          current = normalised(quantity(p, "rate", current), weight);
          lastChange = e.occurredAt();
        }
        case ASSESSMENT -> {
          lastAssessment = e.occurredAt();
          if (p.hasNonNull("nrs")) {
            lastNrs = p.get("nrs").asInt();
          }
        }
        case RESCUE_DOSE -> rescues++;
        case OVERRIDE -> overrides++;
        case STOPPED -> {
          status = "STOPPED";
          stoppedAt = e.occurredAt();
          current = null;
        }
        case OUTCOME -> {
          status = "CLOSED";
          outcome = p.path("response").asText(null);
        }
        default -> { }
      }
    }
    int version = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
    return new EpisodeState(h.id(), h.patientId(), h.protocolId(), h.protocolVersion(), h.ward(), version, status,
        weight, concentration, start == null ? null : normalisedOrSelf(start, weight),
        max == null ? null : normalisedOrSelf(max, weight), current, startedAt, lastChange, lastAssessment, lastNrs,
        goal, rescues, overrides, stoppedAt, outcome, List.copyOf(warnings));
  }

  private static Quantity normalised(Quantity q, BigDecimal weight) {
    if (q == null) {
      return null;
    }
    return normalisedOrSelf(q, weight);
  }

  /** mg/h when it can be computed; otherwise the quantity as written. */
  private static Quantity normalisedOrSelf(Quantity q, BigDecimal weight) {
    if (MgPerHour.UNIT.equals(q.unit()) || weight != null) {
      try {
        return Rates.asQuantity(Rates.mgPerHour(q, weight, "rate"));
      } catch (RuntimeException e) {
        return q;
      }
    }
    return q;
  }

  static BigDecimal decimal(JsonNode p, String field, BigDecimal fallback) {
    JsonNode n = p.get(field);
    return n != null && n.isNumber() ? n.decimalValue() : fallback;
  }

  static Quantity quantity(JsonNode p, String field, Quantity fallback) {
    JsonNode n = p.get(field);
    if (n == null || !n.isObject() || !n.path("value").isNumber() || !n.path("unit").isTextual()) {
      return fallback;
    }
    return new Quantity(n.get("value").decimalValue(), n.get("unit").asText());
  }
}
