package org.ketapath.core.episode;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.dose.DoseRate;
import org.ketapath.core.dose.MgPerMl;
import org.ketapath.core.opioid.OpioidExposure;
import org.ketapath.core.screening.ClinicalFlag;

/**
 * One fact in an episode's append-only record. Current state and recommendations are derived
 * from the sequence; nothing is updated in place.
 */
public sealed interface EpisodeEvent {
  String id();

  Instant at();

  Actor by();

  /** The event type as written in timeline and API JSON. */
  String type();

  /** Documented patient facts (screening inputs) as of this time; merges over earlier values. */
  record Screened(String id, Instant at, Actor by, Map<ClinicalFlag, Boolean> flags) implements EpisodeEvent {
    public String type() {
      return "screened";
    }
  }

  /** A new measured weight (DOSE-2). */
  record WeightRecorded(String id, Instant at, Actor by, BodyWeight weight) implements EpisodeEvent {
    public String type() {
      return "weight";
    }
  }

  /** The order by the pain service (INST-1): bag concentration and an optional order maximum. */
  record Ordered(String id, Instant at, Actor by, Optional<MgPerMl> concentration, Optional<DoseRate> maxRate)
      implements EpisodeEvent {
    public String type() {
      return "ordered";
    }
  }

  record Signed(String id, Instant at, Actor by) implements EpisodeEvent {
    public String type() {
      return "signed";
    }
  }

  /** Pharmacist verification of concentration, weight and dose. */
  record PharmacistVerified(String id, Instant at, Actor by, MgPerMl concentration, BodyWeight weight, DoseRate dose)
      implements EpisodeEvent {
    public String type() {
      return "verified";
    }
  }

  record Started(String id, Instant at, Actor by, DoseRate rate) implements EpisodeEvent {
    public String type() {
      return "started";
    }
  }

  /**
   * A nursing assessment: NRS 0-10, optionally a new personalised pain goal, POSS sedation 1-4,
   * RASS -5..+4, and for outpatient sessions function and satisfaction (OUT-2).
   */
  record Assessment(String id, Instant at, Actor by, Optional<Integer> nrs, Optional<Integer> ppg,
      Optional<Integer> poss, Optional<Integer> rass) implements EpisodeEvent {
    public String type() {
      return "assessment";
    }
  }

  record VitalSigns(String id, Instant at, Actor by, Optional<Integer> systolic, Optional<Integer> diastolic,
      Optional<Integer> heartRate, Optional<Integer> respiratoryRate, Optional<Integer> spo2) implements EpisodeEvent {
    public String type() {
      return "vitals";
    }
  }

  /** An opioid actually given, infused or applied (MEDD-1); an as-needed dose is a rescue. */
  record OpioidGiven(String id, Instant at, Actor by, OpioidExposure exposure, Optional<String> prescriberService)
      implements EpisodeEvent {
    public String type() {
      return "opioid";
    }
  }

  /** An active order for an opioid or CNS depressant, checked against INST-7. */
  record MedicationOrder(String id, Instant at, Actor by, String drug, MedicationClass medicationClass,
      String prescriberService, boolean active) implements EpisodeEvent {
    public String type() {
      return "medicationOrder";
    }
  }

  /** A ketamine rate change (titration, taper or reduction) with who made it and why. */
  record RateChange(String id, Instant at, Actor by, DoseRate rate, Optional<String> reason, boolean taper)
      implements EpisodeEvent {
    public String type() {
      return taper ? "taperStep" : "rateChange";
    }
  }

  record SideEffectRecorded(String id, Instant at, Actor by, SideEffect effect, Optional<String> resolution)
      implements EpisodeEvent {
    public String type() {
      return "sideEffect";
    }
  }

  /** An adverse event with CTCAE grade and attribution (CIVIK-8, OUT-6). */
  record AdverseEvent(String id, Instant at, Actor by, String term, SideEffect.Category category, int ctcaeGrade,
      boolean attributedToKetamine, Optional<String> resolution) implements EpisodeEvent {
    public String type() {
      return "adverseEvent";
    }
  }

  /** A physician's documented override (DOSE-4, GDL-3, INST-9): always with a reason. */
  record Override(String id, Instant at, Actor by, OverrideScope scope, Optional<String> finding,
      Optional<DoseRate> upTo, String reason) implements EpisodeEvent {
    public String type() {
      return "override";
    }
  }

  /** Start of an outpatient session with its OUT-2 baseline. */
  record SessionStarted(String id, Instant at, Actor by, int session, DoseRate rate, int baselineNrs,
      String function, String satisfaction, String analgesicUse) implements EpisodeEvent {
    public String type() {
      return "sessionStart";
    }
  }

  record SessionEnded(String id, Instant at, Actor by, int session, Optional<Integer> nrs,
      Optional<Boolean> positiveSubjective) implements EpisodeEvent {
    public String type() {
      return "sessionEnd";
    }
  }

  /** A ketamine bolus, given only by a physician (GDL-5): a test bolus or for acute severe pain. */
  record KetamineBolus(String id, Instant at, Actor by, org.ketapath.core.dose.Milligrams dose,
      Optional<String> reason) implements EpisodeEvent {
    public String type() {
      return "ketamineBolus";
    }
  }

  record Stopped(String id, Instant at, Actor by, String reason) implements EpisodeEvent {
    public String type() {
      return "stopped";
    }
  }

  /** What an override may cover. */
  enum OverrideScope {
    /** A blocking screening finding (GDL-3, INST-1, ...). */
    FINDING,
    /** A rate above the protocol or order maximum, up to a stated rate (DOSE-4). */
    RATE_ABOVE_CAP,
    /** Continuing beyond the typical course (INST-9). */
    DURATION
  }

  /** INST-7 medication classes. */
  enum MedicationClass {
    OPIOID,
    CNS_DEPRESSANT,
    OTHER
  }
}
