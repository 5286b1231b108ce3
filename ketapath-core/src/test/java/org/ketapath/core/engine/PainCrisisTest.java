package org.ketapath.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.episode.Actor;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.Role;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.screening.ClinicalFlag;
import org.ketapath.core.screening.Finding;

/** PAIN-CRISIS (source 003): pain-service ordering, 0.1 mg/kg/h start, nurse titration, hold, taper, stop. */
class PainCrisisTest {

  private static Ep crisis(String kg) {
    return Ep.painCrisis().weight(kg).nrs(-2, 8);
  }

  @Test
  @DisplayName("INST-1: an order from a service that is not a specialised pain service blocks the start")
  void orderingService() {
    Actor icu = new Actor("dr.icu", Role.PAIN_PHYSICIAN, Optional.of("ICU"));
    Decision d = crisis("100").order(-1, icu, null).at(0);
    assertThat(d.action()).isEqualTo(Action.BLOCKED);
    assertThat(d.screening()).anySatisfy(f -> {
      assertThat(f.key()).isEqualTo("ordering-service");
      assertThat(f.blocks()).isTrue();
      assertThat(f.reason()).contains("ordered by ICU");
    });
    assertThat(crisis("100").order(-1).at(0).action()).isEqualTo(Action.START);
  }

  @Test
  @DisplayName("INST-2: the indication must be documented; adjuncts and procedures considered are warnings")
  void indication() {
    Decision none = crisis("100").flag(ClinicalFlag.OPIOID_ESCALATION_FAILED, false).at(0);
    assertThat(none.action()).isEqualTo(Action.BLOCKED);
    assertThat(none.reasons()).anyMatch(r -> r.rules().contains("INST-2"));
    Decision limited = crisis("100").flag(ClinicalFlag.OPIOID_ESCALATION_FAILED, false)
        .flag(ClinicalFlag.OPIOID_ESCALATION_LIMITED_BY_SIDE_EFFECTS, true).flag(ClinicalFlag.PROCEDURES_CONSIDERED, null)
        .at(0);
    assertThat(limited.action()).isEqualTo(Action.START);
    assertThat(limited.screening()).anySatisfy(f -> {
      assertThat(f.key()).isEqualTo("alternatives-considered:proceduresConsidered");
      assertThat(f.warns()).isTrue();
    });
  }

  @Test
  @DisplayName("INST-3: start 0.1 mg/kg/h (case 1: 100 kg -> 10 mg/h; case 2: 70 kg -> 7 mg/h)")
  void startRates() {
    assertThat(crisis("100").order(-1).at(0).newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("10"));
    assertThat(crisis("70").order(-1).at(0).newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("7"));
  }

  @Test
  @DisplayName("INST-3: the maximum is the lower of 0.2 mg/kg/h and 20 mg/h (14 mg/h at 70 kg, 20 mg/h at 120 kg)")
  void maximum() {
    assertThat(crisis("70").running(0).at(1).maximum().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("14"));
    assertThat(crisis("120").running(0).at(1).maximum().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("20"));
  }

  @Test
  @DisplayName("INST-3 DOSE-4: a heavy patient's weight-based start above 20 mg/h starts at the maximum, said so")
  void heavyStart() {
    Decision d = crisis("250").order(-1).at(0);
    assertThat(d.newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("20"));
    assertThat(d.reasons()).anyMatch(r -> r.text().contains("above the maximum") && r.rules().contains("DOSE-4"));
  }

  @Test
  @DisplayName("INST-4: inadequate pain, no side effects: +2 mg/h, no sooner than 2 h after the last change")
  void nurseTitration() {
    Ep e = crisis("100").running(0).nrs(1.5, 7);
    Decision early = e.at(1.6);
    assertThat(early.action()).isEqualTo(Action.HOLD);
    assertThat(early.nextReviewDue()).contains(Ep.h(2));
    Decision due = e.at(2);
    assertThat(due.action()).isEqualTo(Action.INCREASE);
    assertThat(due.newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("12"));
    assertThat(due.ruleIds()).contains("INST-4");
  }

  @Test
  @DisplayName("INST-4 DOSE-4: a nurse step larger than 2 mg/h, or sooner than 2 h, is a deviation")
  void nurseLimits() {
    Decision big = crisis("100").running(0).nrs(1.9, 7).rate(2, Ep.RN, "15 mg/h").at(2.1);
    assertThat(big.deviations()).anySatisfy(d -> assertThat(d.text()).contains("more than the 2 mg/h step"));
    Decision soon = crisis("100").running(0).nrs(0.9, 7).rate(1, Ep.RN, "12 mg/h").at(1.1);
    assertThat(soon.deviations()).anySatisfy(d -> assertThat(d.text()).contains("60 min after the last change"));
    Decision doc = crisis("100").running(0).rate(1, Ep.DOC, "15 mg/h").at(1.1);
    assertThat(doc.deviations()).isEmpty();
  }

  @Test
  @DisplayName("INST-4: at the maximum with pain still inadequate, call the pain service")
  void atMaximum() {
    Decision d = crisis("70").running(0).rate(1, Ep.DOC, "14 mg/h").nrs(3.5, 8).at(4);
    assertThat(d.action()).isEqualTo(Action.HOLD);
    assertThat(d.alsoDo()).contains(Action.NOTIFY_PAIN_SERVICE);
  }

  @Test
  @DisplayName("INST-5: BP > 160/100, HR > 110 or RR <= 8 call the pain service and withhold increases")
  void vitals() {
    Ep base = crisis("100").running(0).nrs(1.9, 8);
    for (Integer[] v : new Integer[][] {{165, 80, 90, 16}, {150, 101, 90, 16}, {130, 80, 111, 16}, {130, 80, 90, 8}}) {
      Decision d = crisis("100").running(0).nrs(1.9, 8).vitals(1.95, v[0], v[1], v[2], v[3], 97).at(2);
      assertThat(d.action()).as("vitals %s", (Object) v).isEqualTo(Action.HOLD);
      assertThat(d.alsoDo()).contains(Action.NOTIFY_PAIN_SERVICE);
      assertThat(d.ruleIds()).contains("INST-5");
    }
    assertThat(base.vitals(1.95, 160, 100, 110, 9, 97).at(2).action()).isEqualTo(Action.INCREASE);
  }

  @Test
  @DisplayName("INST-6: SpO2 at or below 90% asks for low-flow oxygen")
  void oxygen() {
    Decision d = crisis("100").running(0).vitals(1, 120, 70, 80, 14, 90).at(1.1);
    assertThat(d.alsoDo()).contains(Action.GIVE_OXYGEN);
    assertThat(d.ruleIds()).contains("INST-6");
    assertThat(crisis("100").running(0).vitals(1, 120, 70, 80, 14, 91).at(1.1).alsoDo())
        .doesNotContain(Action.GIVE_OXYGEN);
  }

  @Test
  @DisplayName("INST-5 GDL-6: hallucinations call the pain service and suggest lorazepam or haloperidol")
  void psychotomimetic() {
    Decision d = crisis("100").running(0).nrs(1.8, 8).sideEffect(1.9, SideEffect.HALLUCINATIONS).at(2);
    assertThat(d.action()).isEqualTo(Action.HOLD);
    assertThat(d.alsoDo()).contains(Action.NOTIFY_PAIN_SERVICE, Action.CONSIDER_PRN_PSYCHOTOMIMETIC);
    assertThat(d.reasons()).anyMatch(r -> r.text().contains("lorazepam 0.5-1 mg") && r.rules().contains("GDL-6"));
  }

  @Test
  @DisplayName("INST-7: a CNS depressant ordered by another service is flagged while ketamine runs")
  void otherDepressants() {
    Decision d = crisis("100").medicationOrder(-1.8, "ICU", true).running(0).at(0.5);
    assertThat(d.alsoDo()).contains(Action.NOTIFY_PAIN_SERVICE);
    assertThat(d.reasons()).anyMatch(r -> r.rules().contains("INST-7") && r.text().contains("lorazepam 1 mg (ICU)"));
    Decision suspended = crisis("100").medicationOrder(-1.8, "ICU", true).medicationOrder(-1.6, "ICU", false).running(0)
        .at(0.5);
    assertThat(suspended.reasons()).noneMatch(r -> r.rules().contains("INST-7"));
    Decision own = crisis("100").medicationOrder(-1.8, "PAIN_SERVICE", true).running(0).at(0.5);
    assertThat(own.reasons()).noneMatch(r -> r.rules().contains("INST-7"));
  }

  @Test
  @DisplayName("INST-8: comfortable -> hold about 24 h -> taper 2 mg/h every 4 h -> stop below 10 mg/h")
  void courseShape() {
    Ep e = crisis("100").running(0).rate(2, Ep.RN, "12 mg/h").nrs(3, 3);
    Decision hold = e.at(4);
    assertThat(hold.phase()).isEqualTo(Phase.COMFORT_HOLD);
    assertThat(hold.action()).isEqualTo(Action.HOLD);
    assertThat(hold.nextReviewDue()).contains(Ep.h(27));
    Decision taper = e.at(27);
    assertThat(taper.action()).isEqualTo(Action.TAPER);
    assertThat(taper.newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("10"));
    assertThat(taper.localChoices()).anyMatch(c -> c.contains("taper 2 mg/h"));
    e.taper(27.1, "10 mg/h");
    assertThat(e.at(29).action()).isEqualTo(Action.HOLD);
    Decision step = e.at(31.1);
    assertThat(step.action()).isEqualTo(Action.TAPER);
    assertThat(step.newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("8"));
    e.taper(31.2, "8 mg/h");
    Decision stop = e.at(31.3);
    assertThat(stop.action()).isEqualTo(Action.STOP);
    assertThat(stop.ruleIds()).contains("INST-8");
  }

  @Test
  @DisplayName("INST-8: pain returning during the taper holds it and calls the pain service")
  void painDuringTaper() {
    Decision d = crisis("100").running(0).rate(2, Ep.DOC, "16 mg/h").nrs(3, 3).taper(27, "14 mg/h").nrs(29, 7).at(29.1);
    assertThat(d.phase()).isEqualTo(Phase.TAPER);
    assertThat(d.action()).isEqualTo(Action.HOLD);
    assertThat(d.alsoDo()).contains(Action.NOTIFY_PAIN_SERVICE);
  }

  @Test
  @DisplayName("INST-9: beyond 6 days continuing needs a documented reason, unless one is recorded")
  void duration() {
    Decision d = crisis("100").running(0).nrs(140, 7).at(145);
    assertThat(d.alsoDo()).contains(Action.DOCUMENT_REASON);
    assertThat(d.ruleIds()).contains("INST-9");
    Decision ok = crisis("100").running(0).override(144.5, EpisodeEvent.OverrideScope.DURATION, null, null)
        .nrs(144.6, 7).at(145);
    assertThat(ok.alsoDo()).doesNotContain(Action.DOCUMENT_REASON);
  }

  @Test
  @DisplayName("INST-10: after the stop, the after-care plan is shown")
  void afterCare() {
    Decision d = crisis("100").running(0).stop(40).at(40);
    assertThat(d.action()).isEqualTo(Action.COMPLETE);
    assertThat(d.reasons()).anyMatch(r -> r.rules().contains("INST-10") && r.text().contains("intrathecal pump"));
  }

  @Test
  @DisplayName("DOSE-4: case 2's 15 mg/h at 70 kg is a deviation until a physician override covers it")
  void case2Override() {
    Ep e = crisis("70").order(-1, Ep.DOC, "20 mg/h").verify(-0.5).start(0, "0.1 mg/kg/h").rate(20, Ep.DOC, "15 mg/h");
    Decision before = e.at(20.5);
    assertThat(before.action()).isEqualTo(Action.REDUCE);
    assertThat(before.newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("14"));
    assertThat(before.deviations()).singleElement().satisfies(d -> assertThat(d.rules()).contains("DOSE-4", "INST-3"));
    e.override(21, EpisodeEvent.OverrideScope.RATE_ABOVE_CAP, null, "20 mg/h").rate(30, Ep.DOC, "18 mg/h");
    Decision after = e.at(30.5);
    assertThat(after.action()).isNotEqualTo(Action.REDUCE);
    assertThat(after.deviations()).hasSize(1); // the 15 mg/h entry stays flagged; 18 mg/h is covered
    assertThat(after.reasons()).anyMatch(r -> r.code().equals("OVERRIDE-RATE"));
  }

  @Test
  @DisplayName("DOSE-2: a stale weight holds titration of a running infusion and calls the pain service")
  void staleWeight() {
    Decision d = crisis("100").running(0).nrs(200, 8).at(200);
    assertThat(d.action()).isEqualTo(Action.HOLD);
    assertThat(d.alsoDo()).contains(Action.NOTIFY_PAIN_SERVICE);
    assertThat(d.reasons()).anyMatch(r -> r.rules().contains("DOSE-2") && r.text().contains("re-weigh"));
    assertThat(d.screening()).isEmpty();
    assertThat(d.screening().stream().anyMatch(Finding::blocks)).isFalse();
  }
}
