package org.ketapath.server.episode;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.server.security.Role;
import org.ketapath.server.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Who may append what, and when: the role of each event type (INST-1, INST-4), the order of the
 * episode's life (screened, ordered, signed, verified, running, stopped, closed) and the dose
 * limits a write must respect (DOSE-4, GDL-4). Refusals name the rule; nothing is clamped.
 */
public final class EpisodeRules {
  private static final Set<Role> PHYSICIAN = EnumSet.of(Role.PAIN_PHYSICIAN);
  private static final Set<Role> BEDSIDE = EnumSet.of(Role.PAIN_PHYSICIAN, Role.NURSE);
  private static final Map<EventType, Set<Role>> WRITERS = new EnumMap<>(EventType.class);

  static {
    for (EventType t : EventType.values()) {
      WRITERS.put(t, BEDSIDE);
    }
    WRITERS.put(EventType.SCREENED, PHYSICIAN);
    WRITERS.put(EventType.ORDERED, PHYSICIAN);
    WRITERS.put(EventType.SIGNED, PHYSICIAN);
    WRITERS.put(EventType.BOLUS, PHYSICIAN);
    WRITERS.put(EventType.OVERRIDE, PHYSICIAN);
    WRITERS.put(EventType.OUTCOME, PHYSICIAN);
    WRITERS.put(EventType.PHARMACIST_VERIFIED, EnumSet.of(Role.PHARMACIST));
  }

  private EpisodeRules() {}

  public static Set<Role> writers(EventType type) {
    return WRITERS.get(type);
  }

  /** The role under which the actor writes this event, or a 403 naming the rule. */
  public static Role actingRole(EventType type, Actor actor) {
    Set<Role> allowed = WRITERS.get(type);
    for (Role r : List.of(Role.PAIN_PHYSICIAN, Role.PHARMACIST, Role.NURSE)) {
      if (allowed.contains(r) && actor.has(r)) {
        return r;
      }
    }
    List<String> rules = switch (type) {
      case ORDERED, SIGNED, OVERRIDE -> List.of("INST-1");
      case BOLUS -> List.of("INST-4", "GDL-5");
      default -> List.of();
    };
    throw new ApiProblem(HttpStatus.FORBIDDEN, "ROLE-FORBIDDEN", null, rules,
        "recording " + type + " needs the role " + allowed + "; you have " + actor.roles());
  }

  /** Checks a write against the episode's current state. Returns the acting role. */
  public static Role check(EpisodeState s, EventType type, JsonNode p, Actor actor) {
    Role role = actingRole(type, actor);
    String status = s.status();
    switch (type) {
      case SCREENED -> requireStatus(s, type, "NEW", "SCREENED");
      case ORDERED -> {
        requireStatus(s, type, "NEW", "SCREENED");
        BigDecimal weight = EpisodeProjector.decimal(p, "weightKg", null);
        MgPerHour start = Rates.mgPerHour(EpisodeProjector.quantity(p, "startRate", null), weight, "startRate");
        MgPerHour max = Rates.mgPerHour(EpisodeProjector.quantity(p, "maxRate", null), weight, "maxRate");
        requireConcentration(p);
        Rates.requireWithinGdl4(max, weight, "maxRate");
        if (start.exceeds(max)) {
          throw ApiProblem.invalid("ORDER-START-ABOVE-MAX", "startRate", List.of("DOSE-4"),
              "startRate " + start + " is above the order's maxRate " + max);
        }
      }
      case SIGNED -> requireStatus(s, type, "ORDERED");
      case PHARMACIST_VERIFIED -> {
        requireStatus(s, type, "SIGNED");
        verifyAgainstOrder(s, p);
      }
      case STARTED -> {
        requireStatus(s, type, "VERIFIED");
        requireWithinOrder(s, p, role, "rate");
      }
      case RATE_CHANGE -> {
        requireStatus(s, type, "RUNNING");
        requireWithinOrder(s, p, role, "rate");
      }
      case TAPER_STEP -> {
        requireStatus(s, type, "RUNNING");
        MgPerHour rate = Rates.mgPerHour(EpisodeProjector.quantity(p, "rate", null), s.weightKg(), "rate");
        if (s.currentRate() != null && !Rates.mgPerHour(s.currentRate(), s.weightKg(), "rate").exceeds(rate)) {
          throw ApiProblem.invalid("TAPER-NOT-LOWER", "rate", List.of("INST-8"),
              "a taper step must lower the rate below the current " + s.currentRate());
        }
      }
      case BOLUS -> {
        requireStatus(s, type, "RUNNING");
        requireBolusBelowGdl5(s, p);
      }
      case RESCUE_DOSE -> {
        requireNotClosed(s, type);
        Quantity dose = EpisodeProjector.quantity(p, "dose", null);
        if (dose == null || !"mg".equals(dose.unit())) {
          throw ApiProblem.invalid("DOSE-UNIT", "dose.unit", List.of("DOSE-1", "MEDD-1"),
              "a rescue opioid dose is recorded in mg" + (dose == null ? "" : ", not '" + dose.unit() + "'"));
        }
      }
      case STOPPED -> requireStatus(s, type, "RUNNING");
      case OUTCOME -> requireStatus(s, type, "STOPPED");
      case OVERRIDE -> {
        if (p.path("reason").asText("").isBlank()) {
          throw ApiProblem.invalid("OVERRIDE-REASON", "reason", List.of("DOSE-4"), "an override needs a reason");
        }
        requireNotClosed(s, type);
      }
      default -> requireNotClosed(s, type);
    }
    if ("CLOSED".equals(status) && type != EventType.OUTCOME) {
      requireNotClosed(s, type);
    }
    return role;
  }

  /** GDL-5: a bolus for acute severe pain stays below 0.35 mg/kg. */
  private static void requireBolusBelowGdl5(EpisodeState s, JsonNode p) {
    Quantity dose = EpisodeProjector.quantity(p, "dose", null);
    if (dose == null || !("mg".equals(dose.unit()) || "mg/kg".equals(dose.unit()))) {
      throw ApiProblem.invalid("DOSE-UNIT", "dose.unit", List.of("DOSE-1", "GDL-5"),
          "a bolus is written in mg or mg/kg" + (dose == null ? "" : ", not '" + dose.unit() + "'"));
    }
    if (s.weightKg() == null) {
      throw ApiProblem.invalid("WEIGHT-MISSING", "dose", List.of("DOSE-2", "GDL-5"),
          "a bolus needs the episode's verified weight to check the 0.35 mg/kg limit");
    }
    BigDecimal perKg = "mg/kg".equals(dose.unit()) ? dose.value()
        : dose.value().divide(s.weightKg(), java.math.MathContext.DECIMAL64);
    if (perKg.compareTo(new BigDecimal("0.35")) >= 0) {
      throw ApiProblem.invalid("BOLUS-ABOVE-GDL-5", "dose", List.of("GDL-5", "DOSE-4"),
          "a bolus of " + perKg.round(new java.math.MathContext(3)).toPlainString()
              + " mg/kg is not below 0.35 mg/kg (GDL-5); it is refused, not reduced");
    }
  }

  private static void requireConcentration(JsonNode p) {
    Quantity c = EpisodeProjector.quantity(p, "concentration", null);
    if (c == null) {
      throw ApiProblem.invalid("CONCENTRATION-MISSING", "concentration", List.of("DOSE-3"),
          "the bag concentration in mg/mL is required");
    }
    if (!"mg/mL".equals(c.unit())) {
      throw ApiProblem.invalid("DOSE-UNIT", "concentration.unit", List.of("DOSE-1", "DOSE-3"),
          "concentration must be in mg/mL, not '" + c.unit() + "'");
    }
  }

  /** Pharmacist verification: concentration, weight and dose must match what was ordered. */
  private static void verifyAgainstOrder(EpisodeState s, JsonNode p) {
    requireConcentration(p);
    Quantity c = EpisodeProjector.quantity(p, "concentration", null);
    if (s.concentration() != null && c.value().compareTo(s.concentration().value()) != 0) {
      throw ApiProblem.invalid("VERIFY-MISMATCH", "concentration", List.of("DOSE-3"),
          "verified concentration " + c + " differs from the ordered " + s.concentration());
    }
    BigDecimal weight = EpisodeProjector.decimal(p, "weightKg", null);
    if (weight == null) {
      throw ApiProblem.invalid("WEIGHT-MISSING", "weightKg", List.of("DOSE-2"), "the verified weight in kg is required");
    }
    if (s.weightKg() != null && weight.compareTo(s.weightKg()) != 0) {
      throw ApiProblem.invalid("VERIFY-MISMATCH", "weightKg", List.of("DOSE-2"),
          "verified weight " + weight.toPlainString() + " kg differs from the order's " + s.weightKg().toPlainString()
              + " kg; the order must be corrected first");
    }
    MgPerHour dose = Rates.mgPerHour(EpisodeProjector.quantity(p, "dose", null), weight, "dose");
    if (s.orderedStartRate() != null) {
      MgPerHour ordered = Rates.mgPerHour(s.orderedStartRate(), weight, "dose");
      if (dose.compareTo(ordered) != 0) {
        throw ApiProblem.invalid("VERIFY-MISMATCH", "dose", List.of("DOSE-3", "DOSE-4"),
            "verified dose " + dose + " differs from the ordered start rate " + ordered);
      }
    }
  }

  /**
   * A rate above the order's maximum is refused for a nurse (INST-4) and accepted for a pain
   * physician only with an override reason (DOSE-4). GDL-4 cannot be overridden.
   */
  private static void requireWithinOrder(EpisodeState s, JsonNode p, Role role, String field) {
    MgPerHour rate = Rates.mgPerHour(EpisodeProjector.quantity(p, field, null), s.weightKg(), field);
    Rates.requireWithinGdl4(rate, s.weightKg(), field);
    if (s.orderedMaxRate() == null) {
      return;
    }
    MgPerHour max = Rates.mgPerHour(s.orderedMaxRate(), s.weightKg(), "maxRate");
    if (!rate.exceeds(max)) {
      return;
    }
    if (role != Role.PAIN_PHYSICIAN) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "ABOVE-ORDER-NURSE", field, List.of("INST-4", "DOSE-4"),
          field + " " + rate + " is above the order's maximum " + max
              + "; a nurse titrates only within the order, and only a pain physician's override may exceed it");
    }
    if (p.path("overrideReason").asText("").isBlank()) {
      throw ApiProblem.invalid("ABOVE-ORDER", field, List.of("DOSE-4"),
          field + " " + rate + " is above the order's maximum " + max
              + "; it is refused unless recorded as an override with a reason (overrideReason)");
    }
  }

  private static void requireStatus(EpisodeState s, EventType type, String... allowed) {
    for (String a : allowed) {
      if (a.equals(s.status())) {
        return;
      }
    }
    throw new ApiProblem(HttpStatus.CONFLICT, "EPISODE-STATE", null, List.of(),
        type + " cannot be recorded while the episode is " + s.status() + " (needs " + String.join(" or ", allowed) + ")",
        Map.of("currentVersion", s.version(), "state", s));
  }

  private static void requireNotClosed(EpisodeState s, EventType type) {
    if ("CLOSED".equals(s.status())) {
      throw new ApiProblem(HttpStatus.CONFLICT, "EPISODE-CLOSED", null, List.of(),
          type + " cannot be recorded: the episode is closed", Map.of("currentVersion", s.version(), "state", s));
    }
  }
}
