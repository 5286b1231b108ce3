package org.ketapath.core.timeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.data.DataNode;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.dose.DoseRate;
import org.ketapath.core.dose.MgPerMl;
import org.ketapath.core.episode.Actor;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.EpisodeEvent.MedicationClass;
import org.ketapath.core.episode.EpisodeEvent.OverrideScope;
import org.ketapath.core.episode.PainMechanism;
import org.ketapath.core.episode.Patient;
import org.ketapath.core.episode.Role;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.opioid.Opioid;
import org.ketapath.core.opioid.OpioidAmount;
import org.ketapath.core.opioid.OpioidExposure;
import org.ketapath.core.opioid.OpioidRate;
import org.ketapath.core.opioid.OpioidRoute;
import org.ketapath.core.screening.ClinicalFlag;
import org.ketapath.core.screening.NeuropathicCause;

/**
 * Reads one episode event (and the patient header) from JSON, refusing anything out of range with
 * the field and the rule named: NRS outside 0-10, negative doses, unknown units, an override without
 * a reason or by someone who may not override. Shared by the replay file format and the server API.
 */
public final class EventJson {
  private EventJson() {}

  public static final List<String> TYPES = List.of("screened", "weight", "ordered", "signed", "verified", "started",
      "assessment", "vitals", "opioid", "rescue", "medicationOrder", "rateChange", "taperStep", "sideEffect",
      "adverseEvent", "override", "sessionStart", "sessionEnd", "ketamineBolus", "stopped");

  public static EpisodeEvent event(DataNode n) {
    String id = n.string("id");
    Instant at = n.instant("at");
    String type = n.string("type");
    Actor by = actor(n.object("by"));
    EpisodeEvent e = switch (type) {
      case "screened" -> new EpisodeEvent.Screened(id, at, by, flags(n.object("flags")));
      case "weight" -> new EpisodeEvent.WeightRecorded(id, at, by, weight(n, at));
      case "ordered" -> {
        requireRole(n, by, Role.PAIN_PHYSICIAN, "INST-1", "only a pain-service physician orders ketamine");
        yield new EpisodeEvent.Ordered(id, at, by, n.opt("concentration").map(EventJson::concentration),
            n.opt("maxRate").map(DataNode::doseRate));
      }
      case "signed" -> {
        requireRole(n, by, Role.PAIN_PHYSICIAN, "INST-1", "only a pain-service physician signs the order");
        yield new EpisodeEvent.Signed(id, at, by);
      }
      case "verified" -> {
        requireRole(n, by, Role.PHARMACIST, "DOSE-3", "only a pharmacist verifies the order");
        yield new EpisodeEvent.PharmacistVerified(id, at, by, concentration(n.get("concentration")),
            new BodyWeight(positive(n.get("weightKg")), at), n.get("dose").doseRate());
      }
      case "started" -> new EpisodeEvent.Started(id, at, by, n.get("rate").doseRate());
      case "assessment" -> {
        Optional<Integer> nrs = score(n, "nrs", 0, 10, "NRS is 0-10");
        Optional<Integer> ppg = score(n, "ppg", 0, 10, "the personalised pain goal is an NRS, 0-10");
        Optional<Integer> poss = score(n, "poss", 1, 4, "POSS is 1-4");
        Optional<Integer> rass = score(n, "rass", -5, 4, "RASS is -5 to +4");
        if (nrs.isEmpty() && ppg.isEmpty() && poss.isEmpty() && rass.isEmpty()) {
          throw n.error("DATA-MISSING", List.of("DOSE-5"), "an assessment needs at least one of nrs, ppg, poss, rass");
        }
        yield new EpisodeEvent.Assessment(id, at, by, nrs, ppg, poss, rass);
      }
      case "vitals" -> {
        EpisodeEvent.VitalSigns v = new EpisodeEvent.VitalSigns(id, at, by,
            score(n, "systolic", 40, 300, "systolic BP in mm Hg"), score(n, "diastolic", 20, 200, "diastolic BP in mm Hg"),
            score(n, "heartRate", 20, 250, "heart rate per minute"),
            score(n, "respiratoryRate", 0, 80, "respiratory rate per minute"), score(n, "spo2", 50, 100, "SpO2 in %"));
        if (v.systolic().isEmpty() && v.diastolic().isEmpty() && v.heartRate().isEmpty()
            && v.respiratoryRate().isEmpty() && v.spo2().isEmpty()) {
          throw n.error("DATA-MISSING", List.of("INST-5"), "vital signs need at least one value");
        }
        yield v;
      }
      case "opioid", "rescue" -> opioid(n, id, at, by, type.equals("rescue"));
      case "medicationOrder" -> new EpisodeEvent.MedicationOrder(id, at, by, n.string("drug"),
          n.enumValue("class", MedicationClass.class), n.string("prescriberService"), n.bool("active", true));
      case "rateChange", "taperStep" -> new EpisodeEvent.RateChange(id, at, by, n.get("rate").doseRate(),
          n.optString("reason"), type.equals("taperStep"));
      case "sideEffect" -> new EpisodeEvent.SideEffectRecorded(id, at, by, n.enumValue("effect", SideEffect.class),
          n.optString("resolution"));
      case "adverseEvent" -> new EpisodeEvent.AdverseEvent(id, at, by, n.string("term"),
          n.enumValue("category", SideEffect.Category.class), n.integerIn("ctcaeGrade", 1, 5, List.of("CIVIK-8")),
          n.get("attributedToKetamine").bool(), n.optString("resolution"));
      case "override" -> {
        requireRole(n, by, Role.PAIN_PHYSICIAN, "DOSE-4", "only the ordering pain physician may override");
        OverrideScope scope = n.enumValue("scope", OverrideScope.class);
        Optional<String> finding = n.optString("finding");
        Optional<DoseRate> upTo = n.opt("upTo").map(DataNode::doseRate);
        if (scope == OverrideScope.FINDING && finding.isEmpty()) {
          throw n.error("DATA-MISSING", List.of("GDL-3"), "an override of a screening finding names the finding");
        }
        if (scope == OverrideScope.RATE_ABOVE_CAP && upTo.isEmpty()) {
          throw n.error("DATA-MISSING", List.of("DOSE-4"), "a rate override states the rate it allows (upTo)");
        }
        String reason = n.optString("reason").orElseThrow(() -> n.error("DATA-MISSING", List.of("DOSE-4"),
            "an override needs a reason"));
        yield new EpisodeEvent.Override(id, at, by, scope, finding, upTo, reason);
      }
      case "sessionStart" -> {
        DataNode base = n.object("baseline");
        int nrs = score(base, "nrs", 0, 10, "NRS is 0-10").orElseThrow(() -> base.error("DATA-MISSING",
            List.of("OUT-2"), "baseline.nrs is recorded before each session"));
        String function = base.optString("function").orElseThrow(() -> base.error("DATA-MISSING", List.of("OUT-2"),
            "baseline.function is recorded before each session"));
        String satisfaction = base.optString("satisfaction").orElseThrow(() -> base.error("DATA-MISSING",
            List.of("OUT-2"), "baseline.satisfaction is recorded before each session"));
        String analgesics = base.optString("analgesicUse").orElseThrow(() -> base.error("DATA-MISSING",
            List.of("OUT-2"), "baseline.analgesicUse is recorded before each session"));
        base.done();
        yield new EpisodeEvent.SessionStarted(id, at, by, n.integerIn("session", 1, 1000, List.of("OUT-4")),
            n.get("rate").doseRate(), nrs, function, satisfaction, analgesics);
      }
      case "sessionEnd" -> new EpisodeEvent.SessionEnded(id, at, by, n.integerIn("session", 1, 1000, List.of("OUT-4")),
          score(n, "nrs", 0, 10, "NRS is 0-10"), n.optBool("positiveSubjective"));
      case "ketamineBolus" -> {
        if (by.role() != Role.PAIN_PHYSICIAN && by.role() != Role.PHYSICIAN) {
          throw n.get("by").error("EVENT-ROLE", List.of("GDL-5", "INST-4"), "only a physician gives a ketamine bolus;"
              + " recorded by " + by.role());
        }
        yield new EpisodeEvent.KetamineBolus(id, at, by, n.get("dose").as(d -> org.ketapath.core.dose.Milligrams
            .parse(d.text(), d.path())), n.optString("reason"));
      }
      case "stopped" -> new EpisodeEvent.Stopped(id, at, by, n.string("reason"));
      default -> throw n.get("type").error("DATA-ENUM", List.of(), "unknown event type \"" + type + "\"; known: "
          + String.join(", ", TYPES));
    };
    n.optString("note");
    n.done();
    return e;
  }

  private static EpisodeEvent opioid(DataNode n, String id, Instant at, Actor by, boolean rescue) {
    Opioid drug = n.get("drug").as(x -> Opioid.parse(x.text(), x.path()));
    Optional<String> prescriber = n.optString("prescriberService");
    OpioidExposure x;
    try {
      if (n.has("dose")) {
        OpioidRoute route = n.get("route").as(r -> OpioidRoute.parse(r.text(), r.path()));
        boolean asNeeded = rescue || n.bool("asNeeded", false);
        OpioidAmount amount = n.get("dose").as(d -> OpioidAmount.parse(d.text(), d.path()));
        x = new OpioidExposure.Dose(drug, route, amount, at, asNeeded);
      } else if (n.has("patch")) {
        OpioidRate rate = n.get("patch").as(d -> OpioidRate.parse(d.text(), d.path()));
        x = new OpioidExposure.Patch(drug, rate, at, n.optInstant("removedAt").orElse(null));
      } else if (n.has("rate")) {
        OpioidRoute route = n.get("route").as(r -> OpioidRoute.parse(r.text(), r.path()));
        OpioidRate rate = n.get("rate").as(d -> OpioidRate.parse(d.text(), d.path()));
        x = new OpioidExposure.Infusion(drug, route, rate, at, n.optInstant("until").orElse(null));
      } else {
        throw n.error("DATA-MISSING", List.of("MEDD-1"), "an opioid event needs dose, rate (infusion) or patch");
      }
    } catch (org.ketapath.core.data.DataException e) {
      throw e;
    } catch (KetaPathException e) {
      throw n.wrap(e);
    }
    n.opt("route");
    n.opt("asNeeded");
    n.opt("removedAt");
    n.opt("until");
    return new EpisodeEvent.OpioidGiven(id, at, by, x, prescriber);
  }

  public static Actor actor(DataNode n) {
    Actor a = new Actor(n.string("id"), n.enumValue("role", Role.class), n.optString("service"));
    n.done();
    return a;
  }

  public static Patient patient(DataNode n) {
    String id = n.string("id");
    Optional<String> label = n.optString("label");
    Optional<BodyWeight> weight = n.optObject("weight").map(w -> {
      BodyWeight bw = new BodyWeight(positive(w.get("kg")), w.instant("measuredAt"));
      w.done();
      return bw;
    });
    Optional<Integer> ppg = score(n, "ppg", 0, 10, "the personalised pain goal is an NRS, 0-10");
    Map<ClinicalFlag, Boolean> flags = n.optObject("flags").map(EventJson::flags).orElse(Map.of());
    Optional<NeuropathicCause> cause = n.optEnum("neuropathicCause", NeuropathicCause.class);
    Optional<PainMechanism> mech = n.optEnum("painMechanism", PainMechanism.class);
    n.done();
    return new Patient(id, label, weight, ppg, flags, cause, mech);
  }

  static Map<ClinicalFlag, Boolean> flags(DataNode n) {
    Map<ClinicalFlag, Boolean> out = new EnumMap<>(ClinicalFlag.class);
    for (String name : n.fieldNames()) {
      DataNode v = n.get(name);
      ClinicalFlag f = ClinicalFlag.byKey(name).orElseThrow(() -> v.error("DATA-ENUM", List.of(),
          "unknown clinical flag \"" + name + "\""));
      out.put(f, v.bool());
    }
    n.done();
    return out;
  }

  private static BodyWeight weight(DataNode n, Instant at) {
    Instant measured = n.optInstant("measuredAt").orElse(at);
    return new BodyWeight(positive(n.get("kg")), measured);
  }

  private static BigDecimal positive(DataNode n) {
    BigDecimal d = n.decimal();
    if (d.signum() <= 0) {
      throw n.error("DATA-RANGE", List.of("DOSE-2"), "must be above zero, got " + d.toPlainString());
    }
    return d;
  }

  private static MgPerMl concentration(DataNode n) {
    String t = n.text();
    String[] parts = t.split("\\s+");
    if (parts.length != 2 || !parts[1].equalsIgnoreCase("mg/mL")) {
      throw n.error("DATA-UNIT", List.of("DOSE-3"), "concentration must be written like \"1 mg/mL\", got \"" + t + "\"");
    }
    try {
      return new MgPerMl(new BigDecimal(parts[0]));
    } catch (NumberFormatException e) {
      throw n.error("DATA-UNIT", List.of("DOSE-3"), "\"" + t + "\" does not start with a number");
    } catch (KetaPathException e) {
      throw n.wrap(e);
    }
  }

  private static Optional<Integer> score(DataNode n, String name, int min, int max, String what) {
    Optional<DataNode> c = n.opt(name);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    int v = c.get().integer();
    if (v < min || v > max) {
      throw c.get().error("DATA-RANGE", List.of(), what + "; got " + v);
    }
    return Optional.of(v);
  }

  private static void requireRole(DataNode n, Actor by, Role role, String rule, String why) {
    if (by.role() != role) {
      throw n.get("by").error("EVENT-ROLE", List.of(rule), why + "; recorded by " + by.role());
    }
  }
}
