package org.ketapath.core.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.dose.DoseRate;
import org.ketapath.core.dose.MgPerMl;
import org.ketapath.core.episode.Actor;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.Patient;
import org.ketapath.core.episode.Role;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.opioid.Opioid;
import org.ketapath.core.opioid.OpioidAmount;
import org.ketapath.core.opioid.OpioidExposure;
import org.ketapath.core.opioid.OpioidRate;
import org.ketapath.core.opioid.OpioidRoute;
import org.ketapath.core.protocol.Protocol;
import org.ketapath.core.protocol.ProtocolCatalog;
import org.ketapath.core.screening.ClinicalFlag;
import org.ketapath.core.screening.NeuropathicCause;

/** Test fixture: an episode built event by event, with times in hours from T0. */
final class Ep {
  static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");
  static final Actor DOC = new Actor("dr.a", Role.PAIN_PHYSICIAN, Optional.of("PAIN_SERVICE"));
  static final Actor RN = new Actor("rn.b", Role.NURSE, Optional.empty());
  static final Actor RX = new Actor("rx.c", Role.PHARMACIST, Optional.empty());

  final Protocol protocol;
  BigDecimal kg = new BigDecimal("70");
  Integer ppg = 4;
  final Map<ClinicalFlag, Boolean> flags = new EnumMap<>(ClinicalFlag.class);
  NeuropathicCause cause;
  final List<EpisodeEvent> events = new ArrayList<>();
  boolean weighed = true;

  private Ep(String protocolId) {
    this.protocol = ProtocolCatalog.builtIn().require(protocolId, "1.0.0");
    for (ClinicalFlag f : List.of(ClinicalFlag.UNCONTROLLED_CARDIOVASCULAR_DISEASE, ClinicalFlag.PREGNANCY,
        ClinicalFlag.ACTIVE_PSYCHOSIS, ClinicalFlag.SEVERE_LIVER_DYSFUNCTION, ClinicalFlag.ELEVATED_INTRACRANIAL_PRESSURE,
        ClinicalFlag.ELEVATED_INTRAOCULAR_PRESSURE, ClinicalFlag.DELIRIUM, ClinicalFlag.RECENT_SEIZURES,
        ClinicalFlag.HISTORY_OF_PSYCHOSIS, ClinicalFlag.ISCHAEMIC_HEART_DISEASE, ClinicalFlag.CYP3A4_INHIBITOR,
        ClinicalFlag.POSTOPERATIVE)) {
      flags.put(f, false);
    }
    for (ClinicalFlag f : List.of(ClinicalFlag.OPIOIDS_OPTIMIZED, ClinicalFlag.NEUROPATHIC_ADJUVANTS_TRIED,
        ClinicalFlag.CENTRAL_SENSITIZATION, ClinicalFlag.INVASIVE_INTERVENTIONS_INAPPROPRIATE)) {
      flags.put(f, true);
    }
  }

  static Ep civik() {
    Ep e = new Ep("CIVIK");
    e.flags.put(ClinicalFlag.HOSPITALIZED, true);
    e.flags.put(ClinicalFlag.TERMINAL_CANCER, true);
    return e;
  }

  static Ep painCrisis() {
    Ep e = new Ep("PAIN-CRISIS");
    e.flags.put(ClinicalFlag.OPIOID_ESCALATION_FAILED, true);
    e.flags.put(ClinicalFlag.ADJUNCTS_CONSIDERED, true);
    e.flags.put(ClinicalFlag.PROCEDURES_CONSIDERED, true);
    return e;
  }

  static Ep outpatient() {
    Ep e = new Ep("OUTPATIENT-SESSIONS");
    e.flags.put(ClinicalFlag.CANCER_RELATED_NEUROPATHIC_PAIN, true);
    e.flags.put(ClinicalFlag.PREEXISTING_NEUROPATHY, false);
    e.cause = NeuropathicCause.CHEMOTHERAPY;
    return e;
  }

  static Instant h(double hours) {
    return T0.plus(Duration.ofSeconds(Math.round(hours * 3600)));
  }

  private String id() {
    return "e" + (events.size() + 1);
  }

  Ep weight(String kg) {
    this.kg = new BigDecimal(kg);
    return this;
  }

  Ep noWeight() {
    this.weighed = false;
    return this;
  }

  Ep ppg(Integer ppg) {
    this.ppg = ppg;
    return this;
  }

  Ep flag(ClinicalFlag f, Boolean v) {
    if (v == null) {
      flags.remove(f);
    } else {
      flags.put(f, v);
    }
    return this;
  }

  Ep cause(NeuropathicCause c) {
    this.cause = c;
    return this;
  }

  Ep add(EpisodeEvent e) {
    events.add(e);
    return this;
  }

  Ep order(double at) {
    return order(at, DOC, null);
  }

  Ep order(double at, Actor by, String max) {
    return add(new EpisodeEvent.Ordered(id(), h(at), by, Optional.of(MgPerMl.of("1")),
        Optional.ofNullable(max).map(m -> DoseRate.parse(m, "maxRate"))));
  }

  Ep verify(double at) {
    return add(new EpisodeEvent.PharmacistVerified(id(), h(at), RX, MgPerMl.of("1"), new BodyWeight(kg, h(at)),
        protocol.dosing().start().value()));
  }

  Ep start(double at, String rate) {
    return add(new EpisodeEvent.Started(id(), h(at), RN, DoseRate.parse(rate, "rate")));
  }

  /** Order, verify and start at the protocol's start dose at time {@code at}. */
  Ep running(double at) {
    return order(at - 1).verify(at - 0.5).start(at, protocol.dosing().start().value().toString());
  }

  Ep nrs(double at, int nrs) {
    return add(new EpisodeEvent.Assessment(id(), h(at), RN, Optional.of(nrs), Optional.empty(), Optional.of(1),
        Optional.empty()));
  }

  Ep poss(double at, int poss) {
    return add(new EpisodeEvent.Assessment(id(), h(at), RN, Optional.empty(), Optional.empty(), Optional.of(poss),
        Optional.empty()));
  }

  Ep vitals(double at, Integer sbp, Integer dbp, Integer hr, Integer rr, Integer spo2) {
    return add(new EpisodeEvent.VitalSigns(id(), h(at), RN, Optional.ofNullable(sbp), Optional.ofNullable(dbp),
        Optional.ofNullable(hr), Optional.ofNullable(rr), Optional.ofNullable(spo2)));
  }

  Ep rescue(double at) {
    return add(new EpisodeEvent.OpioidGiven(id(), h(at), RN, new OpioidExposure.Dose(Opioid.MORPHINE, OpioidRoute.IV,
        OpioidAmount.parse("2 mg", "dose"), h(at), true), Optional.empty()));
  }

  Ep morphineInfusion(double at, String rate) {
    return add(new EpisodeEvent.OpioidGiven(id(), h(at), DOC, new OpioidExposure.Infusion(Opioid.MORPHINE,
        OpioidRoute.IV, OpioidRate.parse(rate, "rate"), h(at), null), Optional.of("PAIN_SERVICE")));
  }

  Ep rate(double at, Actor by, String rate) {
    return add(new EpisodeEvent.RateChange(id(), h(at), by, DoseRate.parse(rate, "rate"), Optional.empty(), false));
  }

  Ep taper(double at, String rate) {
    return add(new EpisodeEvent.RateChange(id(), h(at), DOC, DoseRate.parse(rate, "rate"), Optional.empty(), true));
  }

  Ep sideEffect(double at, SideEffect effect) {
    return add(new EpisodeEvent.SideEffectRecorded(id(), h(at), RN, effect, Optional.empty()));
  }

  Ep adverse(double at, int grade, boolean attributed) {
    return add(new EpisodeEvent.AdverseEvent(id(), h(at), DOC, "hypertension", SideEffect.Category.CARDIOVASCULAR,
        grade, attributed, Optional.empty()));
  }

  Ep override(double at, EpisodeEvent.OverrideScope scope, String finding, String upTo) {
    return add(new EpisodeEvent.Override(id(), h(at), DOC, scope, Optional.ofNullable(finding),
        Optional.ofNullable(upTo).map(u -> DoseRate.parse(u, "upTo")), "documented clinical reason"));
  }

  Ep medicationOrder(double at, String service, boolean active) {
    return add(new EpisodeEvent.MedicationOrder(id(), h(at), new Actor("dr.x", Role.PHYSICIAN, Optional.of(service)),
        "lorazepam 1 mg", EpisodeEvent.MedicationClass.CNS_DEPRESSANT, service, active));
  }

  Ep session(double at, int n, String rate, int baselineNrs) {
    return add(new EpisodeEvent.SessionStarted(id(), h(at), RN, n, DoseRate.parse(rate, "rate"), baselineNrs,
        "walks 1 block", "dissatisfied", "oxycodone 5 mg twice daily"));
  }

  Ep sessionEnd(double at, int n, Integer nrs) {
    return add(new EpisodeEvent.SessionEnded(id(), h(at), RN, n, Optional.ofNullable(nrs), Optional.empty()));
  }

  Ep stop(double at) {
    return add(new EpisodeEvent.Stopped(id(), h(at), DOC, "course complete"));
  }

  Patient patient() {
    return new Patient("p1", Optional.empty(), weighed ? Optional.of(new BodyWeight(kg, T0.minus(Duration.ofHours(2))))
        : Optional.empty(), Optional.ofNullable(ppg), flags, Optional.ofNullable(cause), Optional.empty());
  }

  Decision at(double hours) {
    return DecisionEngine.decide(protocol, patient(), events, h(hours));
  }
}
