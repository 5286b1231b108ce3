package org.ketapath.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.dose.DoseRate;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.dose.MgPerMl;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.Patient;
import org.ketapath.core.episode.Role;
import org.ketapath.core.opioid.OpioidExposure;
import org.ketapath.core.protocol.Dosing;
import org.ketapath.core.protocol.Protocol;
import org.ketapath.core.protocol.TitrationPlan;
import org.ketapath.core.screening.ClinicalFlag;
import org.ketapath.core.screening.Finding;

/**
 * Everything the engine needs, folded once over the events up to "now". Rate changes are checked
 * here against the order and the protocol as they are folded (DOSE-4, INST-4): deviations are
 * collected, never corrected.
 */
final class EpisodeState {
  final Protocol protocol;
  final Patient patient;
  final Map<ClinicalFlag, Boolean> flags = new EnumMap<>(ClinicalFlag.class);
  Optional<BodyWeight> weight;
  Optional<Integer> ppg;
  EpisodeEvent.Ordered order;
  EpisodeEvent.PharmacistVerified verification;
  Instant startedAt;
  EpisodeEvent.Stopped stopped;
  MgPerHour rate;
  Instant lastChangeAt;
  Instant lastIncreaseAt;
  Instant lastDecreaseAt;
  /** Rate in effect from each time on; zero after a stop or a session end. */
  final List<RatePoint> rates = new ArrayList<>();
  final List<EpisodeEvent.Assessment> nrs = new ArrayList<>();
  EpisodeEvent.Assessment latestPoss;
  EpisodeEvent.VitalSigns latestVitals;
  Instant lastObservationAt;
  final List<Instant> rescues = new ArrayList<>();
  final List<OpioidExposure> exposures = new ArrayList<>();
  final List<EpisodeEvent.OpioidGiven> opioidEvents = new ArrayList<>();
  final List<EpisodeEvent.SideEffectRecorded> sideEffects = new ArrayList<>();
  final List<EpisodeEvent.AdverseEvent> adverseEvents = new ArrayList<>();
  final List<EpisodeEvent.Override> overrides = new ArrayList<>();
  final Map<String, EpisodeEvent.MedicationOrder> medicationOrders = new HashMap<>();
  final List<Session> sessions = new ArrayList<>();
  final List<Deviation> deviations = new ArrayList<>();
  final List<Reason> problems = new ArrayList<>();
  /** PAIN-CRISIS: since when the patient has been comfortable (NRS <= PPG), null when not. */
  Instant comfortSince;
  Instant taperStartedAt;

  record RatePoint(Instant at, MgPerHour rate) {}

  static final class Session {
    final int number;
    final Instant start;
    final MgPerHour startRate;
    final int baselineNrs;
    Instant end;
    Integer endNrs;
    Boolean positiveSubjective;

    Session(int number, Instant start, MgPerHour startRate, int baselineNrs) {
      this.number = number;
      this.start = start;
      this.startRate = startRate;
      this.baselineNrs = baselineNrs;
    }
  }

  private EpisodeState(Protocol protocol, Patient patient) {
    this.protocol = protocol;
    this.patient = patient;
    this.weight = patient.weight();
    this.ppg = patient.ppg();
    this.flags.putAll(patient.flags());
  }

  static EpisodeState fold(Protocol protocol, Patient patient, List<? extends EpisodeEvent> events, Instant now) {
    EpisodeState s = new EpisodeState(protocol, patient);
    for (EpisodeEvent e : events) {
      if (e.at().isAfter(now)) {
        break;
      }
      s.apply(e);
    }
    return s;
  }

  MgPerMl concentration() {
    return order != null && order.concentration().isPresent() ? order.concentration().get()
        : protocol.dosing().concentration().value();
  }

  Optional<MgPerHour> toMgPerHour(DoseRate r) {
    if (r instanceof DoseRate.WeightBased && weight.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(r.toMgPerHour(weight.orElse(null), concentration()));
  }

  /** Effective maximum: protocol cap for this weight, lowered by the order's maximum and, in session 1, OUT-3. */
  Optional<Dosing.Cap> cap() {
    if (weight.isEmpty()) {
      return Optional.empty();
    }
    Dosing.Cap cap = protocol.dosing().capFor(weight.get());
    if (order != null && order.maxRate().isPresent()) {
      Optional<MgPerHour> om = toMgPerHour(order.maxRate().get());
      if (om.isPresent() && om.get().compareTo(cap.rate()) < 0) {
        cap = new Dosing.Cap(om.get(), List.of("DOSE-4"), "order maximum " + order.maxRate().get());
      }
    }
    if (protocol.titration() instanceof TitrationPlan.Sessions sp && currentSession().map(x -> x.number == 1)
        .orElse(sessions.isEmpty())) {
      MgPerHour first = sp.firstSessionMaximum().value();
      if (first.compareTo(cap.rate()) < 0) {
        cap = new Dosing.Cap(first, sp.firstSessionMaximum().rules(), "session 1 maximum " + first);
      }
    }
    return Optional.of(cap);
  }

  Optional<Session> currentSession() {
    if (sessions.isEmpty()) {
      return Optional.empty();
    }
    Session last = sessions.get(sessions.size() - 1);
    return last.end == null ? Optional.of(last) : Optional.empty();
  }

  boolean running() {
    return startedAt != null && stopped == null
        && (!(protocol.titration() instanceof TitrationPlan.Sessions) || currentSession().isPresent());
  }

  Optional<EpisodeEvent.Override> rateOverrideCovering(MgPerHour r) {
    for (int i = overrides.size() - 1; i >= 0; i--) {
      EpisodeEvent.Override o = overrides.get(i);
      if (o.scope() == EpisodeEvent.OverrideScope.RATE_ABOVE_CAP && o.upTo().isPresent()) {
        Optional<MgPerHour> up = toMgPerHour(o.upTo().get());
        if (up.isPresent() && up.get().compareTo(r) >= 0) {
          return Optional.of(o);
        }
      }
    }
    return Optional.empty();
  }

  Map<String, Finding.OverrideNote> findingOverrides() {
    Map<String, Finding.OverrideNote> out = new HashMap<>();
    for (EpisodeEvent.Override o : overrides) {
      if (o.scope() == EpisodeEvent.OverrideScope.FINDING && o.finding().isPresent()) {
        out.put(o.finding().get(), new Finding.OverrideNote(o.by().toString(), o.reason(), o.at()));
      }
    }
    return out;
  }

  boolean durationOverridden() {
    return overrides.stream().anyMatch(o -> o.scope() == EpisodeEvent.OverrideScope.DURATION);
  }

  private void apply(EpisodeEvent e) {
    if (e instanceof EpisodeEvent.Screened sc) {
      flags.putAll(sc.flags());
    } else if (e instanceof EpisodeEvent.WeightRecorded w) {
      weight = Optional.of(w.weight());
    } else if (e instanceof EpisodeEvent.Ordered o) {
      order = o;
    } else if (e instanceof EpisodeEvent.PharmacistVerified v) {
      verification = v;
    } else if (e instanceof EpisodeEvent.Signed) {
      // recorded; the order carries the clinical content
    } else if (e instanceof EpisodeEvent.Started st) {
      startedAt = st.at();
      lastObservationAt = st.at();
      setRate(st, st.rate(), false);
    } else if (e instanceof EpisodeEvent.Assessment a) {
      a.ppg().ifPresent(p -> ppg = Optional.of(p));
      if (a.nrs().isPresent()) {
        nrs.add(a);
        trackComfort(a);
      }
      if (a.poss().isPresent()) {
        latestPoss = a;
      }
      lastObservationAt = a.at();
    } else if (e instanceof EpisodeEvent.VitalSigns v) {
      latestVitals = v;
      lastObservationAt = v.at();
    } else if (e instanceof EpisodeEvent.OpioidGiven og) {
      exposures.add(og.exposure());
      opioidEvents.add(og);
      if (og.exposure() instanceof OpioidExposure.Dose d && d.asNeeded()) {
        rescues.add(d.givenAt());
      }
    } else if (e instanceof EpisodeEvent.MedicationOrder mo) {
      medicationOrders.put(mo.drug() + "|" + mo.prescriberService(), mo);
    } else if (e instanceof EpisodeEvent.RateChange rc) {
      setRate(rc, rc.rate(), rc.taper());
    } else if (e instanceof EpisodeEvent.SideEffectRecorded se) {
      sideEffects.add(se);
    } else if (e instanceof EpisodeEvent.AdverseEvent ae) {
      adverseEvents.add(ae);
    } else if (e instanceof EpisodeEvent.Override ov) {
      overrides.add(ov);
    } else if (e instanceof EpisodeEvent.SessionStarted ss) {
      Optional<MgPerHour> r = toMgPerHour(ss.rate());
      Session session = new Session(ss.session(), ss.at(), r.orElse(MgPerHour.ZERO), ss.baselineNrs());
      sessions.add(session);
      if (startedAt == null) {
        startedAt = ss.at();
      }
      lastObservationAt = ss.at();
      rate = null; // a new session starts from nothing: its start rate is not a step from the last session
      setRate(ss, ss.rate(), false);
    } else if (e instanceof EpisodeEvent.SessionEnded se) {
      currentSession().ifPresent(cs -> {
        cs.end = se.at();
        cs.endNrs = se.nrs().orElse(null);
        cs.positiveSubjective = se.positiveSubjective().orElse(null);
      });
      rate = MgPerHour.ZERO;
      rates.add(new RatePoint(se.at(), MgPerHour.ZERO));
    } else if (e instanceof EpisodeEvent.KetamineBolus kb) {
      checkBolus(kb);
    } else if (e instanceof EpisodeEvent.Stopped st) {
      stopped = st;
      rates.add(new RatePoint(st.at(), MgPerHour.ZERO));
    }
  }

  private void trackComfort(EpisodeEvent.Assessment a) {
    if (startedAt == null || ppg.isEmpty()) {
      return;
    }
    if (a.nrs().get() <= ppg.get()) {
      if (comfortSince == null) {
        comfortSince = a.at();
      }
    } else {
      comfortSince = null;
    }
  }

  private void setRate(EpisodeEvent e, DoseRate written, boolean taper) {
    Optional<MgPerHour> mgh = toMgPerHour(written);
    if (mgh.isEmpty()) {
      problems.add(Reason.of("RATE-NO-WEIGHT", "rate " + written + " at " + e.at()
          + " cannot be interpreted: no body weight recorded", "DOSE-2"));
      return;
    }
    MgPerHour newRate = mgh.get();
    MgPerHour previous = rate;
    boolean increase = previous != null && newRate.compareTo(previous) > 0;
    boolean decrease = previous != null && newRate.compareTo(previous) < 0;
    checkAgainstLimits(e, written, newRate, previous, increase);
    if (decrease && (taper || comfortSince != null) && taperStartedAt == null
        && protocol.titration() instanceof TitrationPlan.NurseTitration) {
      taperStartedAt = e.at();
    }
    rate = newRate;
    lastChangeAt = e.at();
    if (increase) {
      lastIncreaseAt = e.at();
    }
    if (decrease) {
      lastDecreaseAt = e.at();
    }
    rates.add(new RatePoint(e.at(), newRate));
  }

  /** DOSE-4, INST-4: flag (never clamp) a rate above a cap or a nurse step beyond the protocol. */
  private void checkAgainstLimits(EpisodeEvent e, DoseRate written, MgPerHour newRate, MgPerHour previous,
      boolean increase) {
    Optional<Dosing.Cap> cap = cap();
    if (cap.isPresent() && newRate.exceeds(cap.get().rate())) {
      Optional<EpisodeEvent.Override> ov = rateOverrideCovering(newRate);
      if (ov.isEmpty()) {
        List<String> rules = new ArrayList<>(List.of("DOSE-4"));
        cap.get().rules().stream().filter(r -> !rules.contains(r)).forEach(rules::add);
        String as = written instanceof DoseRate.Absolute ? "" : " (" + written + ")";
        deviations.add(new Deviation(e.id(), e.at(), e.by(), "rate " + newRate + as + " is above the "
            + "maximum " + cap.get().rate() + " (" + cap.get().explanation() + ") with no physician override", rules));
      }
    }
    if (!increase || e.by().role() != Role.NURSE) {
      return;
    }
    MgPerHour step = previous == null ? MgPerHour.ZERO : newRate.minus(previous);
    TitrationPlan plan = protocol.titration();
    if (plan instanceof TitrationPlan.NurseTitration nt) {
      if (step.exceeds(nt.step().value())) {
        deviations.add(new Deviation(e.id(), e.at(), e.by(), "nurse increase of " + step + " is more than the "
            + nt.step().value() + " step", nt.step().rules()));
      }
      if (lastChangeAt != null && Duration.between(lastChangeAt, e.at()).compareTo(nt.minInterval().value()) < 0) {
        deviations.add(new Deviation(e.id(), e.at(), e.by(), "nurse increase " + Duration.between(lastChangeAt,
            e.at()).toMinutes() + " min after the last change; at least " + nt.minInterval().value().toMinutes()
            + " min are required", nt.minInterval().rules()));
      }
    } else if (plan instanceof TitrationPlan.ScheduledReview sr && weight.isPresent()) {
      MgPerHour max = sr.step().value().toMgPerHour(weight.get(), concentration());
      if (step.exceeds(max)) {
        deviations.add(new Deviation(e.id(), e.at(), e.by(), "nurse increase of " + step + " is more than the "
            + sr.step().value() + " (" + max + ") step", sr.step().rules()));
      }
    } else if (plan instanceof TitrationPlan.Sessions sp && step.exceeds(sp.step().value())) {
      deviations.add(new Deviation(e.id(), e.at(), e.by(), "nurse increase of " + step + " is more than the "
          + sp.step().value() + " step", sp.step().rules()));
    }
  }

  /** GDL-5: a bolus for acute severe pain stays below 0.35 mg/kg; a larger one is flagged, never accepted silently. */
  private void checkBolus(EpisodeEvent.KetamineBolus kb) {
    if (weight.isEmpty()) {
      deviations.add(new Deviation(kb.id(), kb.at(), kb.by(), "bolus " + kb.dose() + " given with no weight recorded",
          List.of("GDL-5", "DOSE-2")));
      return;
    }
    org.ketapath.core.dose.MgPerKg perKg = kb.dose().perKg(weight.get());
    if (perKg.compareTo(GDL5_BOLUS_LIMIT) >= 0) {
      deviations.add(new Deviation(kb.id(), kb.at(), kb.by(), "bolus " + kb.dose() + " = " + perKg + " is not below "
          + GDL5_BOLUS_LIMIT, List.of("GDL-5", "DOSE-4")));
    }
  }

  /** GDL-5: an analgesic bolus is below this; a ceiling held in code because validation enforces it. */
  static final org.ketapath.core.dose.MgPerKg GDL5_BOLUS_LIMIT = org.ketapath.core.dose.MgPerKg.of("0.35");

  /** Rate in effect at time t (zero before the start). */
  MgPerHour rateAt(Instant t) {
    MgPerHour r = MgPerHour.ZERO;
    for (RatePoint p : rates) {
      if (p.at().isAfter(t)) {
        break;
      }
      r = p.rate();
    }
    return r;
  }

  Optional<EpisodeEvent.Assessment> latestNrs(Instant from, Instant to) {
    for (int i = nrs.size() - 1; i >= 0; i--) {
      EpisodeEvent.Assessment a = nrs.get(i);
      if (!a.at().isAfter(to) && a.at().isAfter(from)) {
        return Optional.of(a);
      }
      if (!a.at().isAfter(from)) {
        break;
      }
    }
    return Optional.empty();
  }

  Optional<EpisodeEvent.Assessment> latestNrsBefore(Instant t) {
    for (int i = nrs.size() - 1; i >= 0; i--) {
      if (!nrs.get(i).at().isAfter(t)) {
        return Optional.of(nrs.get(i));
      }
    }
    return Optional.empty();
  }

  int rescuesIn(Instant from, Instant to) {
    int n = 0;
    for (Instant r : rescues) {
      if (r.isAfter(from) && !r.isAfter(to)) {
        n++;
      }
    }
    return n;
  }

  boolean changedIn(Instant from, Instant to) {
    for (RatePoint p : rates) {
      if (p.at().isAfter(from) && !p.at().isAfter(to)) {
        return true;
      }
    }
    return false;
  }
}
