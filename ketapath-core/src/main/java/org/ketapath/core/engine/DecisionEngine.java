package org.ketapath.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.dose.RateSet;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.EpisodeLog;
import org.ketapath.core.episode.Patient;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.opioid.ConversionTable;
import org.ketapath.core.opioid.ConversionTables;
import org.ketapath.core.opioid.MeddCalculator;
import org.ketapath.core.opioid.MeddResult;
import org.ketapath.core.outcome.ResponseResult;
import org.ketapath.core.protocol.Course;
import org.ketapath.core.protocol.Dosing;
import org.ketapath.core.protocol.Monitoring;
import org.ketapath.core.protocol.Param;
import org.ketapath.core.protocol.Protocol;
import org.ketapath.core.protocol.TitrationPlan;
import org.ketapath.core.screening.Finding;
import org.ketapath.core.screening.Screening;
import org.ketapath.core.screening.ScreeningInput;

/**
 * The decision engine: a pure function of (protocol version, patient, the episode's events, now)
 * that returns the current recommendation with reasons, rule IDs and next-due times (DOSE-5). It
 * never reads the clock: "now" is an argument, so every decision can be replayed exactly.
 */
public final class DecisionEngine {
  private DecisionEngine() {}

  public static Decision decide(Protocol protocol, Patient patient, List<? extends EpisodeEvent> events, Instant now) {
    return decide(protocol, patient, events, now, ZoneOffset.UTC);
  }

  /**
   * As {@link #decide(Protocol, Patient, List, Instant)}, writing the times in its reasons in the
   * ward's time zone. Events are checked for time order and unique ids unless they come as an
   * {@link EpisodeLog}, which was checked when it was made.
   */
  public static Decision decide(Protocol protocol, Patient patient, List<? extends EpisodeEvent> events, Instant now,
      ZoneId zone) {
    EpisodeState s = EpisodeState.fold(protocol, patient, EpisodeLog.of(events), now);
    Builder b = new Builder(protocol, now, zone);
    b.deviations.addAll(s.deviations);
    s.problems.forEach(b::reason);
    if (protocol.titration() instanceof TitrationPlan.Sessions sp) {
      sessions(s, sp, b, now);
    } else {
      continuous(s, b, now);
    }
    return b.build(s);
  }

  /**
   * OUTC-1: the episode's outcome record as of {@code now}: baseline MEDD (the 24 h before the
   * start), rescues, PPG, pain mechanism, NRS series, rate changes with who and why, adverse events,
   * and the responses (final when stopped, provisional otherwise).
   */
  public static org.ketapath.core.outcome.EpisodeSummary summarize(Protocol protocol, Patient patient,
      List<? extends EpisodeEvent> events, Instant now) {
    EpisodeState s = EpisodeState.fold(protocol, patient, EpisodeLog.of(events), now);
    Optional<MeddResult> baseline = Optional.empty();
    if (s.startedAt != null && !s.exposures.isEmpty()) {
      try {
        baseline = Optional.of(MeddCalculator.calculate(meddTable(protocol), s.exposures, s.startedAt));
      } catch (KetaPathException e) {
        baseline = Optional.empty();
      }
    }
    List<org.ketapath.core.outcome.EpisodeSummary.NrsPoint> nrs = s.nrs.stream()
        .map(a -> new org.ketapath.core.outcome.EpisodeSummary.NrsPoint(a.at(), a.nrs().get())).toList();
    List<org.ketapath.core.outcome.EpisodeSummary.RateChangeNote> changes = new ArrayList<>();
    List<org.ketapath.core.outcome.EpisodeSummary.AdverseNote> aes = new ArrayList<>();
    for (EpisodeEvent e : events) {
      if (e.at().isAfter(now)) {
        break;
      }
      if (e instanceof EpisodeEvent.RateChange rc) {
        s.toMgPerHour(rc.rate()).ifPresent(r -> changes.add(new org.ketapath.core.outcome.EpisodeSummary
            .RateChangeNote(rc.at(), r, rc.by().toString(), rc.reason().orElse(rc.taper() ? "taper" : ""))));
      } else if (e instanceof EpisodeEvent.AdverseEvent ae) {
        aes.add(new org.ketapath.core.outcome.EpisodeSummary.AdverseNote(ae.at(), ae.term(), ae.category(),
            Optional.of(ae.ctcaeGrade()), ae.resolution()));
      } else if (e instanceof EpisodeEvent.SideEffectRecorded se) {
        aes.add(new org.ketapath.core.outcome.EpisodeSummary.AdverseNote(se.at(), se.effect().label(),
            se.effect().category(), Optional.empty(), se.resolution()));
      }
    }
    Instant end = s.stopped != null ? s.stopped.at() : now;
    // Sessions: a response is final once its session has ended; an infusion's once it has stopped.
    boolean provisional = s.sessions.isEmpty() ? s.stopped == null : s.currentSession().isPresent();
    List<ResponseResult> responses = s.startedAt == null ? List.of() : Responses.evaluate(s, end, provisional);
    int infusions = s.sessions.isEmpty() ? (s.startedAt == null ? 0 : 1) : s.sessions.size();
    Instant before = s.startedAt == null ? now : s.startedAt;
    return new org.ketapath.core.outcome.EpisodeSummary(patient.id(), protocol.ref(), patient.painMechanism(),
        baseline.map(MeddResult::oral), baseline.flatMap(MeddResult::parenteral),
        s.rescuesIn(before.minus(Duration.ofHours(24)), before), s.ppg, nrs, changes, aes, infusions,
        Optional.ofNullable(s.startedAt), Optional.ofNullable(s.stopped).map(EpisodeEvent::at), responses);
  }

  // ---------------------------------------------------------------------------------------
  // Continuous infusions (CIVIK, PAIN-CRISIS)

  private static void continuous(EpisodeState s, Builder b, Instant now) {
    Protocol p = s.protocol;
    if (s.stopped != null) {
      completed(s, b);
      return;
    }
    if (s.startedAt == null) {
      beforeStart(s, b, now, p.dosing().start(), "Start");
      return;
    }
    b.phase = Phase.TITRATION;
    if (!weightUsable(s, b, now)) {
      return;
    }
    BodyWeight w = s.weight.orElseThrow();
    Dosing.Cap cap = s.cap().orElseThrow();
    b.current = Optional.of(rates(s, s.rate));
    b.maximum = Optional.of(rates(s, cap.rate()));
    Duration elapsed = Duration.between(s.startedAt, now);
    assessmentDue(s, b, now);

    if (stopForSafety(s, b)) {
      return;
    }
    if (aboveCap(s, b, cap)) {
      return;
    }
    if (p.course().isPresent()) {
      Course c = p.course().get();
      if (elapsed.compareTo(c.duration().value()) >= 0) {
        if (c.atEnd() == Course.AtEnd.STOP) {
          b.primary(Action.STOP, Optional.empty());
          b.phase = Phase.TITRATION;
          b.reason("COURSE-END", "the " + hours(c.duration().value()) + " course is complete: stop the infusion",
              c.duration().rules());
          return;
        }
        if (!s.durationOverridden()) {
          b.also(Action.DOCUMENT_REASON);
          b.also(Action.NOTIFY_PAIN_SERVICE);
          b.reason("COURSE-LONG", "the infusion has run " + hours(elapsed) + ", beyond the typical "
              + hours(c.duration().value()) + ": continuing needs a documented reason from the pain service",
              c.duration().rules());
        }
      }
    }
    boolean hold = safetyHolds(s, b, now, titrationWindow(p));
    if (p.titration() instanceof TitrationPlan.ScheduledReview sr) {
      scheduledReview(s, sr, b, now, w, cap, hold);
    } else if (p.titration() instanceof TitrationPlan.NurseTitration nt) {
      nurseTitration(s, nt, b, now, cap, hold);
    }
  }

  private static void beforeStart(EpisodeState s, Builder b, Instant now, Param<org.ketapath.core.dose.DoseRate> start,
      String verb) {
    Protocol p = s.protocol;
    b.phase = Phase.NOT_STARTED;
    List<Finding> findings = screen(s, now);
    b.screening = findings;
    b.reason("EVIDENCE", "ketamine is not routine care for cancer pain: a last-resort adjuvant to opioids "
        + "(ESMO 2018 Level II Grade D; NCCN 2019: a double-blind RCT found no benefit over placebo)", List.of("GDL-1"));
    List<Finding> blocking = findings.stream().filter(Finding::blocks).toList();
    if (!blocking.isEmpty()) {
      b.primary(Action.BLOCKED, Optional.empty());
      for (Finding f : blocking) {
        b.reason("SCREEN-BLOCK", f.reason() + " [" + f.key() + "]; a pain physician may override with a reason",
            f.rules());
      }
      // The physician weighing an override sees what it would lead to; nothing is recommended yet.
      if (s.protocol.weight().value().problem(s.weight, now).isEmpty()) {
        Dosing.Cap cap = s.cap().orElseThrow();
        b.maximum = Optional.of(rates(s, cap.rate()));
        MgPerHour would = start.value().toMgPerHour(s.weight.get(), s.concentration());
        b.reason("IF-OVERRIDDEN", "once the blocking findings are overridden, " + verb.toLowerCase(java.util.Locale.ROOT) + " at "
            + start.value() + " = " + (would.exceeds(cap.rate()) ? cap.rate() + " (the maximum)" : would.toString())
            + " for " + s.weight.get() + "; maximum " + cap.rate(), start.rules());
      }
      return;
    }
    if (!weightUsable(s, b, now)) {
      return;
    }
    MgPerHour startRate = start.value().toMgPerHour(s.weight.get(), s.concentration());
    Dosing.Cap cap = s.cap().orElseThrow();
    b.maximum = Optional.of(rates(s, cap.rate()));
    List<String> rules = new ArrayList<>(start.rules());
    String text = verb + " at " + start.value() + " = " + startRate + " for " + s.weight.get();
    if (startRate.exceeds(cap.rate())) {
      text += "; that is above the maximum " + cap.rate() + " (" + cap.explanation() + "), so start at the maximum";
      startRate = cap.rate();
      rules.add("DOSE-4");
      rules.addAll(cap.rules());
    }
    b.primary(Action.START, Optional.of(rates(s, startRate)));
    b.reason("START", text, rules);
    start.localChoiceNote().ifPresent(b.localChoices::add);
    if (s.order == null) {
      b.reason("ORDER-NEEDED", "needs an order from " + String.join(", ", p.orderingServices().value())
          + " before it can start", p.orderingServices().rules());
    } else if (s.verification == null) {
      b.reason("VERIFY-NEEDED", "the order awaits pharmacist verification of concentration, weight and dose",
          List.of("DOSE-3"));
    }
    findings.stream().filter(Finding::warns).forEach(f -> b.reason("SCREEN-WARN", f.reason(), f.rules()));
    findings.stream().filter(f -> f.override().isPresent()).forEach(f -> b.reason("SCREEN-OVERRIDDEN", f.reason()
        + " [" + f.key() + "]: overridden by " + f.override().get().by() + ": " + f.override().get().reason(),
        f.rules()));
  }

  static List<Finding> screen(EpisodeState s, Instant now) {
    Protocol p = s.protocol;
    Optional<MeddResult> medd = Optional.empty();
    Optional<String> meddProblem = Optional.empty();
    try {
      medd = Optional.of(MeddCalculator.calculate(meddTable(p), s.exposures, now));
    } catch (KetaPathException e) {
      meddProblem = Optional.of(e.getMessage());
    }
    Optional<Integer> latest = s.latestNrsBefore(now).flatMap(EpisodeEvent.Assessment::nrs);
    ScreeningInput in = new ScreeningInput(s.flags, medd, meddProblem, s.rescuesIn(now.minus(Duration.ofHours(24)),
        now), latest, s.ppg, s.patient.neuropathicCause(),
        s.order == null ? Optional.empty() : s.order.by().service(), p.orderingServices().value());
    return Screening.evaluate(p.screening(), in, s.findingOverrides());
  }

  static ConversionTable meddTable(Protocol p) {
    String ref = p.meddTable().value();
    int at = ref.indexOf('@');
    return ConversionTables.builtIn(ref.substring(0, at), ref.substring(at + 1));
  }

  private static boolean weightUsable(EpisodeState s, Builder b, Instant now) {
    Optional<String> problem = s.protocol.weight().value().problem(s.weight, now);
    if (problem.isPresent()) {
      if (s.running()) {
        b.primary(Action.HOLD, Optional.empty());
        b.also(Action.NOTIFY_PAIN_SERVICE);
        b.reason("WEIGHT", problem.get() + "; no weight-based change can be calculated until then", List.of("DOSE-2"));
      } else {
        b.primary(Action.BLOCKED, Optional.empty());
        b.reason("WEIGHT", problem.get(), List.of("DOSE-2"));
      }
      return false;
    }
    return true;
  }

  /** CIVIK-8, GDL-6: unacceptable toxicity or deep sedation stops the infusion. */
  private static boolean stopForSafety(EpisodeState s, Builder b) {
    Protocol p = s.protocol;
    int grade = p.stopAtCtcaeGrade().value();
    Instant since = s.currentSession().map(x -> x.start).orElse(s.startedAt);
    for (EpisodeEvent.AdverseEvent ae : s.adverseEvents) {
      if (ae.attributedToKetamine() && ae.ctcaeGrade() >= grade && !ae.at().isBefore(since)) {
        b.primary(Action.STOP, Optional.empty());
        b.also(Action.NOTIFY_PAIN_SERVICE);
        b.reason("TOXICITY", "adverse event \"" + ae.term() + "\" CTCAE grade " + ae.ctcaeGrade()
            + " attributed to ketamine: unacceptable toxicity, stop the infusion", p.stopAtCtcaeGrade().rules());
        p.stopAtCtcaeGrade().localChoiceNote().ifPresent(b.localChoices::add);
        return true;
      }
    }
    Monitoring m = p.monitoring();
    if (s.latestPoss != null && !s.latestPoss.at().isBefore(since)
        && s.latestPoss.poss().get() >= m.sedation().value().stopAtPoss()) {
      b.primary(Action.STOP, Optional.empty());
      b.also(Action.NOTIFY_PAIN_SERVICE);
      b.reason("SEDATION-STOP", "POSS " + s.latestPoss.poss().get() + " (somnolent, minimal or no response): stop the "
          + "infusion and call the pain service now", m.sedation().rules());
      m.sedation().localChoiceNote().ifPresent(b.localChoices::add);
      return true;
    }
    return false;
  }

  /** DOSE-4: a running rate above the maximum with no override is reduced to the maximum, never accepted. */
  private static boolean aboveCap(EpisodeState s, Builder b, Dosing.Cap cap) {
    if (!s.rate.exceeds(cap.rate())) {
      return false;
    }
    Optional<EpisodeEvent.Override> ov = s.rateOverrideCovering(s.rate);
    if (ov.isPresent()) {
      b.reason("OVERRIDE-RATE", "running at " + s.rate + ", above the maximum " + cap.rate() + ", under an override by "
          + ov.get().by() + ": " + ov.get().reason(), List.of("DOSE-4"));
      return false;
    }
    List<String> rules = new ArrayList<>(List.of("DOSE-4"));
    rules.addAll(cap.rules());
    b.primary(Action.REDUCE, Optional.of(rates(s, cap.rate())));
    b.also(Action.NOTIFY_PAIN_SERVICE);
    b.reason("ABOVE-CAP", "running at " + s.rate + ", above the maximum " + cap.rate() + " (" + cap.explanation()
        + ") with no physician override: reduce to the maximum and call the pain service", rules);
    return true;
  }

  /** Signals that call the pain service and withhold any increase (INST-5, INST-6, GDL-6, INST-7). */
  private static boolean safetyHolds(EpisodeState s, Builder b, Instant now, Duration window) {
    Protocol p = s.protocol;
    Monitoring m = p.monitoring();
    boolean hold = false;
    EpisodeEvent.VitalSigns v = s.latestVitals;
    Instant since = s.currentSession().map(x -> x.start).orElse(s.startedAt);
    if (v != null && !v.at().isBefore(since)) {
      Monitoring.VitalLimits lim = m.vitalLimits().value();
      List<String> out = new ArrayList<>();
      v.systolic().filter(x -> x > lim.systolicAbove()).ifPresent(x -> out.add("systolic BP " + x + " > "
          + lim.systolicAbove()));
      v.diastolic().filter(x -> x > lim.diastolicAbove()).ifPresent(x -> out.add("diastolic BP " + x + " > "
          + lim.diastolicAbove()));
      v.heartRate().filter(x -> x > lim.heartRateAbove()).ifPresent(x -> out.add("heart rate " + x + " > "
          + lim.heartRateAbove()));
      v.respiratoryRate().filter(x -> x <= lim.respiratoryRateAtOrBelow()).ifPresent(x -> out.add("respiratory rate "
          + x + " <= " + lim.respiratoryRateAtOrBelow()));
      if (!out.isEmpty()) {
        hold = true;
        b.also(Action.NOTIFY_PAIN_SERVICE);
        b.reason("VITALS", String.join(", ", out) + " at " + b.t(v.at()) + ": call the pain service; no increase",
            m.vitalLimits().rules());
        m.vitalLimits().localChoiceNote().ifPresent(b.localChoices::add);
      }
      int o2 = m.oxygenAtOrBelowSpo2().value();
      if (v.spo2().isPresent() && v.spo2().get() <= o2) {
        hold = true;
        b.also(Action.GIVE_OXYGEN);
        b.also(Action.NOTIFY_PAIN_SERVICE);
        b.reason("SPO2", "SpO2 " + v.spo2().get() + "%: low-flow oxygen by nasal cannula to keep SpO2 above " + o2
            + "%; no increase", m.oxygenAtOrBelowSpo2().rules());
        m.oxygenAtOrBelowSpo2().localChoiceNote().ifPresent(b.localChoices::add);
      }
    }
    if (s.latestPoss != null && !s.latestPoss.at().isBefore(since)
        && s.latestPoss.poss().get() >= m.sedation().value().holdAtPoss()) {
      hold = true;
      b.also(Action.NOTIFY_PAIN_SERVICE);
      b.reason("SEDATION", "POSS " + s.latestPoss.poss().get() + " (frequently drowsy): no increase; call the pain "
          + "service", m.sedation().rules());
      m.sedation().localChoiceNote().ifPresent(b.localChoices::add);
    }
    Instant from = later(now.minus(window), s.lastChangeAt == null ? since : s.lastChangeAt);
    Set<SideEffect> recent = new LinkedHashSet<>();
    for (EpisodeEvent.SideEffectRecorded se : s.sideEffects) {
      if (!se.at().isBefore(from) && !se.at().isBefore(since) && !se.at().isAfter(now)) {
        recent.add(se.effect());
      }
    }
    for (EpisodeEvent.AdverseEvent ae : s.adverseEvents) {
      if (!ae.at().isBefore(from) && !ae.at().isBefore(since)) {
        recent.add(SideEffect.OTHER);
      }
    }
    if (!recent.isEmpty()) {
      hold = true;
      List<String> names = recent.stream().map(SideEffect::label).toList();
      boolean notify = recent.stream().anyMatch(m.notifySideEffects().value()::contains);
      if (notify) {
        b.also(Action.NOTIFY_PAIN_SERVICE);
      }
      b.reason("SIDE-EFFECT", "side effects since the last change (" + String.join(", ", names) + "): no increase"
          + (notify ? "; call the pain service" : ""), m.notifySideEffects().rules());
      if (recent.stream().anyMatch(SideEffect::psychotomimetic)) {
        b.also(Action.CONSIDER_PRN_PSYCHOTOMIMETIC);
        b.reason("PRN", "psychotomimetic effects: consider " + m.psychotomimeticPrn().value(),
            m.psychotomimeticPrn().rules());
      }
    }
    if (p.suspendOtherDepressants().map(Param::value).orElse(false)) {
      List<String> services = p.orderingServices().value();
      List<String> others = new ArrayList<>();
      for (EpisodeEvent.MedicationOrder mo : s.medicationOrders.values()) {
        if (mo.active() && mo.medicationClass() != EpisodeEvent.MedicationClass.OTHER
            && !services.contains(mo.prescriberService())) {
          others.add(mo.drug() + " (" + mo.prescriberService() + ")");
        }
      }
      for (EpisodeEvent.OpioidGiven og : s.opioidEvents) {
        if (og.prescriberService().isPresent() && !services.contains(og.prescriberService().get())
            && !og.at().isBefore(s.startedAt)) {
          others.add(og.exposure().drug() + " given on an order from " + og.prescriberService().get());
        }
      }
      if (!others.isEmpty()) {
        b.also(Action.NOTIFY_PAIN_SERVICE);
        b.reason("OTHER-DEPRESSANT", "opioids or CNS depressants not ordered by the pain service: "
            + String.join("; ", others) + ". Suspend them; the pain service manages all opioid prescribing",
            p.suspendOtherDepressants().get().rules());
      }
    }
    return hold;
  }

  private static Duration titrationWindow(Protocol p) {
    TitrationPlan t = p.titration();
    if (t instanceof TitrationPlan.ScheduledReview sr) {
      return sr.reviewEvery().value();
    }
    if (t instanceof TitrationPlan.NurseTitration nt) {
      return nt.minInterval().value();
    }
    return ((TitrationPlan.Sessions) t).stepEvery().value();
  }

  /** CIVIK-4/5: reviews every 8 h from the start. */
  private static void scheduledReview(EpisodeState s, TitrationPlan.ScheduledReview sr, Builder b, Instant now,
      BodyWeight w, Dosing.Cap cap, boolean hold) {
    Duration every = sr.reviewEvery().value();
    long k = Duration.between(s.startedAt, now).toSeconds() / every.toSeconds();
    Instant nextReview = s.startedAt.plus(every.multipliedBy(k + 1));
    b.nextReview = Optional.of(nextReview);
    if (k == 0) {
      b.primary(Action.HOLD, Optional.empty());
      b.reason("FIRST-REVIEW", "first titration review " + hours(every) + " after the start, at " + b.t(nextReview),
          sr.reviewEvery().rules());
      return;
    }
    Instant review = s.startedAt.plus(every.multipliedBy(k));
    Instant windowStart = review.minus(every);
    Optional<EpisodeEvent.Assessment> nrs = s.latestNrs(windowStart, review);
    int rescues = s.rescuesIn(windowStart, review);
    int ppg = s.ppg.orElse(-1);
    List<String> why = new ArrayList<>();
    boolean painAbove = false;
    if (nrs.isEmpty()) {
      why.add("no NRS recorded in the " + hours(every) + " before the review at " + b.t(review));
    } else if (s.ppg.isEmpty()) {
      why.add("no personalised pain goal recorded");
    } else {
      int n = nrs.get().nrs().get();
      painAbove = n > ppg;
      why.add("latest NRS " + n + (painAbove ? " > " : " <= ") + "PPG " + ppg);
    }
    int needed = sr.rescuesInWindowAtLeast().value();
    boolean rescuesMet = rescues >= needed;
    why.add(rescues + " rescue dose" + (rescues == 1 ? "" : "s") + " in the past " + hours(every)
        + (rescuesMet ? " (>= " : " (< ") + needed + ")");
    sr.painAbovePpg().localChoiceNote().ifPresent(b.localChoices::add);
    List<String> rules = new ArrayList<>(sr.step().rules());
    String reviewText = "review at " + b.t(review) + ": " + String.join("; ", why);
    if (!(painAbove || rescuesMet)) {
      b.primary(Action.HOLD, Optional.empty());
      b.reason("REVIEW-KEEP", reviewText + ": keep the rate", rules);
      return;
    }
    if (s.changedIn(review, now)) {
      b.primary(Action.HOLD, Optional.empty());
      b.reason("REVIEW-DONE", reviewText + "; the rate was changed after this review; next review at " + b.t(nextReview),
          rules);
      return;
    }
    MgPerHour atReview = s.rateAt(review);
    MgPerHour target = atReview.plus(sr.step().value().toMgPerHour(w, s.concentration()));
    // Side effects recorded in the review's own window withhold its increase until the next review,
    // even after they age out of the current window: CIVIK changes the rate only at reviews.
    List<String> inWindow = s.sideEffects.stream().filter(x -> x.at().isAfter(windowStart) && !x.at().isAfter(review))
        .map(x -> x.effect().label()).distinct().toList();
    if (hold || !inWindow.isEmpty()) {
      b.primary(Action.HOLD, Optional.empty());
      b.reason("REVIEW-WITHHELD", reviewText + ": an increase is indicated but withheld"
          + (inWindow.isEmpty() ? " for the signals above" : " (side effects in the review window: "
          + String.join(", ", inWindow) + ")") + "; next review at " + b.t(nextReview), concat(rules,
          s.protocol.monitoring().notifySideEffects().rules()));
      return;
    }
    if (atReview.compareTo(cap.rate()) >= 0) {
      b.primary(Action.HOLD, Optional.empty());
      b.also(Action.NOTIFY_PAIN_SERVICE);
      rules.addAll(cap.rules());
      b.reason("AT-MAX", reviewText + ": an increase is indicated but the rate is at the maximum " + cap.rate() + " ("
          + cap.explanation() + "); call the pain service", rules);
      return;
    }
    String text = reviewText + ": increase by " + sr.step().value() + " to " + target.perKg(w);
    if (target.exceeds(cap.rate())) {
      text += "; a full step would pass the maximum " + cap.rate() + ", so increase to the maximum";
      target = cap.rate();
      rules.addAll(cap.rules());
    }
    b.primary(Action.INCREASE, Optional.of(rates(s, target)));
    b.reason("REVIEW-INCREASE", text, rules);
  }

  /** INST-4/8: nurse titration every 2 h, comfort hold about 24 h, taper, stop below 10 mg/h. */
  private static void nurseTitration(EpisodeState s, TitrationPlan.NurseTitration nt, Builder b, Instant now,
      Dosing.Cap cap, boolean hold) {
    Optional<EpisodeEvent.Assessment> latest = s.latestNrs(s.startedAt.minusSeconds(1), now);
    String ppgText = s.ppg.map(x -> "PPG " + x).orElse("no personalised pain goal");
    nt.inadequatePain().localChoiceNote().ifPresent(b.localChoices::add);
    if (s.taperStartedAt != null) {
      b.phase = Phase.TAPER;
      nt.taperStep().localChoiceNote().ifPresent(b.localChoices::add);
      if (s.rate.compareTo(nt.stopBelow().value()) < 0) {
        b.primary(Action.STOP, Optional.empty());
        b.reason("TAPER-STOP", "rate " + s.rate + " is below " + nt.stopBelow().value()
            + ": the infusion can be stopped", nt.stopBelow().rules());
        return;
      }
      boolean painBack = latest.isPresent() && s.ppg.isPresent() && latest.get().nrs().get() > s.ppg.get()
          && latest.get().at().isAfter(s.taperStartedAt);
      if (painBack) {
        b.primary(Action.HOLD, Optional.empty());
        b.also(Action.NOTIFY_PAIN_SERVICE);
        b.reason("TAPER-PAIN", "pain returned during the taper (NRS " + latest.get().nrs().get() + " > " + ppgText
            + "): hold the taper and call the pain service", List.of("INST-5", "INST-8"));
        return;
      }
      Instant lastStep = s.lastDecreaseAt == null ? s.taperStartedAt : s.lastDecreaseAt;
      Instant due = lastStep.plus(nt.taperEvery().value());
      if (now.isBefore(due)) {
        b.primary(Action.HOLD, Optional.empty());
        b.nextReview = Optional.of(due);
        b.reason("TAPER-WAIT", "tapering: next step down of " + nt.taperStep().value() + " at " + b.t(due),
            nt.taperEvery().rules());
        return;
      }
      MgPerHour target = s.rate.minus(nt.taperStep().value().min(s.rate));
      b.primary(Action.TAPER, Optional.of(rates(s, target)));
      b.nextReview = Optional.of(now.plus(nt.taperEvery().value()));
      b.reason("TAPER-STEP", "taper by " + nt.taperStep().value() + " to " + target + " (every "
          + hours(nt.taperEvery().value()) + ")" + (target.compareTo(nt.stopBelow().value()) < 0
          ? "; below " + nt.stopBelow().value() + " the infusion can then be stopped" : ""),
          concat(nt.taperStep().rules(), nt.taperEvery().rules()));
      return;
    }
    if (s.comfortSince != null) {
      b.phase = Phase.COMFORT_HOLD;
      Instant taperAt = s.comfortSince.plus(nt.holdWhenComfortable().value());
      if (now.isBefore(taperAt)) {
        b.primary(Action.HOLD, Optional.empty());
        b.nextReview = Optional.of(taperAt);
        b.reason("COMFORT-HOLD", "comfortable since " + b.t(s.comfortSince) + " (NRS " + latest.map(a -> a.nrs().get()
            .toString()).orElse("?") + " <= " + ppgText + "): hold this rate about "
            + hours(nt.holdWhenComfortable().value()) + ", then taper from " + b.t(taperAt),
            nt.holdWhenComfortable().rules());
        return;
      }
      b.phase = Phase.TAPER;
      MgPerHour target = s.rate.minus(nt.taperStep().value().min(s.rate));
      nt.taperStep().localChoiceNote().ifPresent(b.localChoices::add);
      b.primary(Action.TAPER, Optional.of(rates(s, target)));
      b.nextReview = Optional.of(now.plus(nt.taperEvery().value()));
      b.reason("TAPER-BEGIN", "comfortable for " + hours(nt.holdWhenComfortable().value()) + " since "
          + b.t(s.comfortSince) + ": begin the taper by " + nt.taperStep().value() + " to " + target,
          concat(nt.holdWhenComfortable().rules(), nt.taperStep().rules()));
      return;
    }
    b.phase = Phase.TITRATION;
    if (latest.isEmpty() || s.ppg.isEmpty()) {
      b.primary(Action.HOLD, Optional.empty());
      b.nextReview = Optional.of(now.plus(nt.minInterval().value()));
      b.reason("NO-PAIN-SCORE", latest.isEmpty() ? "no pain score since the start: assess NRS before titrating"
          : "no personalised pain goal recorded: record one to judge pain control", nt.inadequatePain().rules());
      return;
    }
    int n = latest.get().nrs().get();
    Instant allowedAt = s.lastChangeAt.plus(nt.minInterval().value());
    String painText = "NRS " + n + " > " + ppgText + " (inadequate pain control)";
    if (hold) {
      b.primary(Action.HOLD, Optional.empty());
      b.nextReview = Optional.of(later(allowedAt, now.plus(nt.minInterval().value())));
      b.reason("TITRATE-WITHHELD", painText + ": no increase because of the signals above", nt.step().rules());
      return;
    }
    if (s.rate.compareTo(cap.rate()) >= 0) {
      b.primary(Action.HOLD, Optional.empty());
      b.also(Action.NOTIFY_PAIN_SERVICE);
      b.nextReview = Optional.of(now.plus(nt.minInterval().value()));
      b.reason("AT-MAX", painText + " at the maximum " + cap.rate() + " (" + cap.explanation()
          + "): call the pain service", concat(List.of("INST-5"), cap.rules()));
      return;
    }
    if (now.isBefore(allowedAt)) {
      b.primary(Action.HOLD, Optional.empty());
      b.nextReview = Optional.of(allowedAt);
      b.reason("TITRATE-WAIT", painText + "; last change at " + b.t(s.lastChangeAt) + ": the next increase is allowed at "
          + b.t(allowedAt), nt.minInterval().rules());
      return;
    }
    MgPerHour target = s.rate.plus(nt.step().value());
    List<String> rules = new ArrayList<>(nt.step().rules());
    String text = painText + ": increase by " + nt.step().value() + " to " + target;
    if (target.exceeds(cap.rate())) {
      text = painText + ": increase to the maximum " + cap.rate() + " (a full step of " + nt.step().value()
          + " would pass it)";
      target = cap.rate();
      rules.addAll(cap.rules());
    }
    b.primary(Action.INCREASE, Optional.of(rates(s, target)));
    b.nextReview = Optional.of(now.plus(nt.minInterval().value()));
    b.reason("TITRATE-INCREASE", text, rules);
  }

  private static void completed(EpisodeState s, Builder b) {
    b.phase = Phase.STOPPED;
    b.primary(Action.COMPLETE, Optional.empty());
    b.reason("STOPPED", "stopped at " + b.t(s.stopped.at()) + " by " + s.stopped.by() + ": " + s.stopped.reason(),
        List.of());
    Param<List<String>> after = s.protocol.afterCare();
    for (String line : after.value()) {
      b.reason("AFTER-CARE", line, after.rules());
    }
    b.responses = Responses.evaluate(s, s.stopped.at(), false);
  }

  // ---------------------------------------------------------------------------------------
  // Outpatient sessions (OUT-2..6)

  private static void sessions(EpisodeState s, TitrationPlan.Sessions sp, Builder b, Instant now) {
    if (s.stopped != null) {
      completed(s, b);
      return;
    }
    Optional<EpisodeState.Session> open = s.currentSession();
    if (open.isPresent()) {
      inSession(s, sp, open.get(), b, now);
      return;
    }
    int next = s.sessions.size() + 1;
    b.session = Optional.of(next);
    if (next == 1) {
      beforeStart(s, b, now, s.protocol.dosing().start(), "Session 1: start");
      if (b.action == Action.START) {
        b.action = Action.START_SESSION;
        b.reason("OUT-2", "before the session record NRS, function, satisfaction and analgesic use",
            sp.sessionLength().rules());
      }
      return;
    }
    b.phase = Phase.BETWEEN_SESSIONS;
    EpisodeState.Session last = s.sessions.get(s.sessions.size() - 1);
    b.responses = Responses.evaluate(s, last.end, false);
    int early = sp.earlySessions().value();
    Instant due;
    if (last.number < early) {
      due = last.end.plus(sp.earlySessionInterval().value());
      b.reason("NEXT-SESSION", "session " + next + " of the first " + early + " is due " + days(sp
          .earlySessionInterval().value()) + " after session " + last.number + ", at a higher dose as tolerated",
          sp.earlySessionInterval().rules());
    } else {
      Optional<ResponseResult> resp = b.responses.stream().filter(r -> r.definition()
          == org.ketapath.core.protocol.ResponseSpec.Kind.NRS_REDUCTION).findFirst();
      if (resp.isEmpty() || !resp.get().category().responded()) {
        b.primary(Action.COMPLETE, Optional.empty());
        b.reason("NON-RESPONDER", "not a responder after session " + last.number + " ("
            + resp.map(ResponseResult::explanation).orElse("no response recorded") + "): no further sessions",
            List.of("OUT-5"));
        return;
      }
      due = last.end.plus(sp.maintenanceInterval().value());
      b.reason("MAINTENANCE", "responder (" + resp.get().explanation() + "): continue about every "
          + days(sp.maintenanceInterval().value()), sp.maintenanceInterval().rules());
    }
    if (!weightUsable(s, b, now)) {
      return;
    }
    MgPerHour startRate = sp.laterSessionStart().value() == TitrationPlan.LaterSessionStart.PREVIOUS_HIGHEST_TOLERATED
        ? highestTolerated(s, last) : s.protocol.dosing().start().value().toMgPerHour(s.weight.get(), s.concentration());
    sp.laterSessionStart().localChoiceNote().ifPresent(b.localChoices::add);
    Dosing.Cap cap = s.protocol.dosing().capFor(s.weight.get());
    b.maximum = Optional.of(rates(s, cap.rate()));
    List<String> rules = new ArrayList<>(sp.laterSessionStart().rules());
    String text = "session " + next + " starts at " + startRate + " (highest rate tolerated in session "
        + last.number + ")";
    if (startRate.exceeds(cap.rate())) {
      text += "; that is above the maximum " + cap.rate() + " (" + cap.explanation() + "), so start at the maximum";
      startRate = cap.rate();
      rules.addAll(cap.rules());
    }
    b.nextReview = Optional.of(due);
    if (now.isBefore(due)) {
      b.primary(Action.HOLD, Optional.empty());
      b.reason("SESSION-DUE", "next: session " + next + " due at " + b.t(due) + "; " + text, rules);
      return;
    }
    b.primary(Action.START_SESSION, Optional.of(rates(s, startRate)));
    b.reason("SESSION-START", text + "; record NRS, function, satisfaction and analgesic use first", rules);
  }

  private static void inSession(EpisodeState s, TitrationPlan.Sessions sp, EpisodeState.Session cur, Builder b,
      Instant now) {
    b.phase = Phase.IN_SESSION;
    b.session = Optional.of(cur.number);
    if (!weightUsable(s, b, now)) {
      return;
    }
    Dosing.Cap cap = s.cap().orElseThrow();
    b.current = Optional.of(rates(s, s.rate));
    b.maximum = Optional.of(rates(s, cap.rate()));
    assessmentDue(s, b, now);
    Instant end = cur.start.plus(sp.sessionLength().value());
    if (!now.isBefore(end)) {
      b.primary(Action.STOP, Optional.empty());
      b.reason("SESSION-END", "session " + cur.number + " has run " + hours(sp.sessionLength().value())
          + ": stop the infusion and record the NRS", sp.sessionLength().rules());
      return;
    }
    if (stopForSafety(s, b) || aboveCap(s, b, cap)) {
      return;
    }
    boolean hold = safetyHolds(s, b, now, sp.stepEvery().value());
    Instant nextStep = s.lastChangeAt.plus(sp.stepEvery().value());
    b.nextReview = Optional.of(nextStep.isBefore(end) ? nextStep : end);
    sp.step().localChoiceNote().ifPresent(b.localChoices::add);
    boolean sideEffectSinceChange = s.sideEffects.stream().anyMatch(x -> !x.at().isBefore(s.lastChangeAt));
    if (sideEffectSinceChange && s.rate.compareTo(cur.startRate) > 0) {
      MgPerHour back = highestToleratedBelow(s, cur, s.rate);
      b.primary(Action.REDUCE, Optional.of(rates(s, back)));
      b.reason("NOT-TOLERATED", "not tolerated at " + s.rate + ": go back to " + back
          + ", the last rate tolerated in this session, and record how the adverse event resolved",
          List.of("OUT-3", "OUT-6"));
      return;
    }
    Optional<MgPerHour> notTolerated = lowestNotTolerated(s, cur);
    if (hold) {
      b.primary(Action.HOLD, Optional.empty());
      b.reason("SESSION-WITHHELD", "no increase because of the signals above", sp.step().rules());
      return;
    }
    if (s.rate.compareTo(cap.rate()) >= 0) {
      b.primary(Action.HOLD, Optional.empty());
      b.reason("SESSION-MAX", "at the maximum for this session, " + cap.rate() + " (" + cap.explanation() + ")",
          cap.rules());
      return;
    }
    if (now.isBefore(nextStep)) {
      b.primary(Action.HOLD, Optional.empty());
      b.reason("SESSION-WAIT", "tolerated so far: next step of " + sp.step().value() + " at " + b.t(nextStep),
          sp.stepEvery().rules());
      return;
    }
    MgPerHour target = s.rate.plus(sp.step().value());
    if (notTolerated.isPresent() && target.compareTo(notTolerated.get()) >= 0) {
      b.primary(Action.HOLD, Optional.empty());
      b.reason("SESSION-TOLERANCE", notTolerated.get() + " was not tolerated earlier in this session: stay at "
          + s.rate, List.of("OUT-3", "OUT-6"));
      return;
    }
    List<String> rules = concat(sp.step().rules(), sp.stepEvery().rules());
    String text = "tolerated for " + minutes(Duration.between(s.lastChangeAt, now)) + " at " + s.rate
        + ": increase by " + sp.step().value() + " to " + target;
    if (target.exceeds(cap.rate())) {
      text = "tolerated at " + s.rate + ": increase to the session maximum " + cap.rate();
      target = cap.rate();
      rules = concat(rules, cap.rules());
    }
    b.primary(Action.INCREASE, Optional.of(rates(s, target)));
    b.nextReview = Optional.of(now.plus(sp.stepEvery().value()).isBefore(end) ? now.plus(sp.stepEvery().value())
        : end);
    b.reason("SESSION-INCREASE", text, rules);
  }

  /** The highest tolerated rate of the session below {@code below}, or the session's start rate. */
  static MgPerHour highestToleratedBelow(EpisodeState s, EpisodeState.Session session, MgPerHour below) {
    MgPerHour best = session.startRate;
    for (Segment seg : segments(s, session)) {
      if (!seg.sideEffect && seg.rate.compareTo(below) < 0 && seg.rate.compareTo(best) > 0) {
        best = seg.rate;
      }
    }
    return best;
  }

  /** The lowest rate of the session at which a side effect was recorded, if any. */
  static Optional<MgPerHour> lowestNotTolerated(EpisodeState s, EpisodeState.Session session) {
    MgPerHour worst = null;
    for (Segment seg : segments(s, session)) {
      if (seg.sideEffect && (worst == null || seg.rate.compareTo(worst) < 0)) {
        worst = seg.rate;
      }
    }
    return Optional.ofNullable(worst);
  }

  private record Segment(MgPerHour rate, boolean sideEffect) {}

  private static List<Segment> segments(EpisodeState s, EpisodeState.Session session) {
    List<EpisodeState.RatePoint> pts = s.rates.stream().filter(p -> !p.at().isBefore(session.start)
        && (session.end == null || p.at().isBefore(session.end))).toList();
    List<Segment> out = new ArrayList<>();
    for (int i = 0; i < pts.size(); i++) {
      Instant from = pts.get(i).at();
      Instant to = i + 1 < pts.size() ? pts.get(i + 1).at() : session.end;
      boolean bad = s.sideEffects.stream().anyMatch(x -> !x.at().isBefore(from) && (to == null || x.at().isBefore(to)));
      out.add(new Segment(pts.get(i).rate(), bad));
    }
    return out;
  }

  /** The highest rate of a session at which no side effect was recorded (OUT-4). */
  static MgPerHour highestTolerated(EpisodeState s, EpisodeState.Session session) {
    MgPerHour best = null;
    for (Segment seg : segments(s, session)) {
      if (!seg.sideEffect && !seg.rate.isZero() && (best == null || seg.rate.compareTo(best) > 0)) {
        best = seg.rate;
      }
    }
    return best == null ? session.startRate : best;
  }

  // ---------------------------------------------------------------------------------------

  private static void assessmentDue(EpisodeState s, Builder b, Instant now) {
    Instant start = s.currentSession().map(x -> x.start).orElse(s.startedAt);
    Instant last = s.lastObservationAt == null || s.lastObservationAt.isBefore(start) ? start : s.lastObservationAt;
    Monitoring m = s.protocol.monitoring();
    Instant due = last.plus(m.intervalAt(Duration.between(start, last)));
    b.nextAssessment = Optional.of(due);
    m.assessmentSchedule().localChoiceNote().ifPresent(b.localChoices::add);
    if (now.isAfter(due)) {
      b.overdue = true;
      b.also(Action.ASSESS_NOW);
      b.reason("ASSESSMENT-OVERDUE", "an assessment was due at " + b.t(due) + " (last at " + b.t(last) + ")",
          m.assessmentSchedule().rules());
    }
  }

  static RateSet rates(EpisodeState s, MgPerHour rate) {
    return RateSet.of(rate, s.weight.orElseThrow(), s.concentration(), s.protocol.dosing().pump().value());
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    b.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }

  static String hours(Duration d) {
    long h = d.toHours();
    return d.toMinutesPart() == 0 ? h + " h" : d.toMinutes() + " min";
  }

  private static String minutes(Duration d) {
    return d.toMinutes() + " min";
  }

  private static String days(Duration d) {
    return d.toDays() + " days";
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", Locale.ENGLISH);

  /** Collects the parts of a decision. */
  static final class Builder {
    final Protocol protocol;
    final Instant now;
    Phase phase = Phase.NOT_STARTED;
    Action action;
    Optional<RateSet> newRate = Optional.empty();
    Optional<RateSet> current = Optional.empty();
    Optional<RateSet> maximum = Optional.empty();
    final Set<Action> also = new LinkedHashSet<>();
    final List<Reason> reasons = new ArrayList<>();
    final List<Deviation> deviations = new ArrayList<>();
    final Set<String> localChoices = new LinkedHashSet<>();
    List<Finding> screening = List.of();
    List<ResponseResult> responses = List.of();
    Optional<Instant> nextAssessment = Optional.empty();
    Optional<Instant> nextReview = Optional.empty();
    Optional<Integer> session = Optional.empty();
    boolean overdue;

    final DateTimeFormatter format;

    Builder(Protocol protocol, Instant now, ZoneId zone) {
      this.protocol = protocol;
      this.now = now;
      this.format = TIME.withZone(zone);
    }

    /** A time as a nurse reads it: "Tue 05 Mar 12:00" in the ward's zone. */
    String t(Instant i) {
      return format.format(i);
    }

    void primary(Action a, Optional<RateSet> rate) {
      if (action == null) {
        action = a;
        newRate = rate;
      }
    }

    void also(Action a) {
      also.add(a);
    }

    void reason(Reason r) {
      reasons.add(r);
    }

    void reason(String code, String text, List<String> rules) {
      reasons.add(new Reason(code, text, rules));
    }

    Decision build(EpisodeState s) {
      Action a = action == null ? Action.HOLD : action;
      also.remove(a);
      Set<String> rules = new TreeSet<>();
      reasons.forEach(r -> rules.addAll(r.rules()));
      deviations.forEach(d -> rules.addAll(d.rules()));
      if (!deviations.isEmpty()) {
        rules.add("DOSE-4");
      }
      if (nextReview.isPresent() && !nextReview.get().isAfter(now)) {
        nextReview = Optional.empty();
      }
      if (responses.isEmpty() && s.startedAt != null && a != Action.COMPLETE) {
        responses = Responses.evaluate(s, now, true);
      }
      return new Decision(now, protocol.ref(), phase, a, List.copyOf(also), session, current, newRate, maximum,
          reasons, List.copyOf(rules), nextAssessment, overdue, nextReview, deviations, screening, responses,
          List.copyOf(localChoices));
    }
  }
}
