package org.ketapath.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.screening.ClinicalFlag;
import org.ketapath.core.screening.Finding;

/** Guideline-level rules (GDL-*) and the dose-safety rules (DOSE-4, DOSE-5) across protocols. */
class GuidelineRulesTest {

  @Test
  @DisplayName("GDL-1: the evidence (not routine care; negative RCT) is shown wherever ketamine is ordered")
  void evidenceAtOrdering() {
    for (Ep e : List.of(Ep.civik().morphineInfusion(-30, "5 mg/h").nrs(-1, 7), Ep.painCrisis().nrs(-1, 8),
        Ep.outpatient())) {
      Decision d = e.at(0);
      assertThat(d.reasons()).anySatisfy(r -> {
        assertThat(r.rules()).containsExactly("GDL-1");
        assertThat(r.text()).contains("not routine care").contains("Grade D").contains("RCT");
      });
    }
  }

  @Test
  @DisplayName("GDL-2: undocumented step therapy warns and may be acknowledged; it never passes silently or blocks")
  void stepTherapy() {
    Decision d = Ep.painCrisis().flag(ClinicalFlag.NEUROPATHIC_ADJUVANTS_TRIED, null).nrs(-1, 8).at(0);
    assertThat(d.action()).isEqualTo(Action.START);
    Finding f = d.screening().stream().filter(x -> x.key().equals("step-therapy:neuropathicAdjuvantsTried"))
        .findFirst().orElseThrow();
    assertThat(f.status()).isEqualTo(Finding.Status.NOT_DOCUMENTED);
    assertThat(f.warns()).isTrue();
    assertThat(d.reasons()).anyMatch(r -> r.code().equals("SCREEN-WARN") && r.rules().contains("GDL-2"));
  }

  @Test
  @DisplayName("GDL-3: a contraindication blocks until the ordering physician overrides it with a reason")
  void contraindication() {
    Ep e = Ep.painCrisis().flag(ClinicalFlag.PREGNANCY, true).nrs(-1, 8);
    Decision blocked = e.at(0);
    assertThat(blocked.action()).isEqualTo(Action.BLOCKED);
    assertThat(blocked.reasons()).anyMatch(r -> r.rules().contains("GDL-3") && r.text().contains("pregnancy"));
    assertThat(blocked.newRate()).as("nothing is recommended while blocked").isEmpty();
    assertThat(blocked.maximum()).as("the physician weighing an override sees the maximum").isPresent();
    assertThat(blocked.reasons()).anyMatch(r -> r.code().equals("IF-OVERRIDDEN") && r.rules().contains("INST-3")
        && r.text().contains("start at 0.1 mg/kg/h = 7 mg/h for 70 kg; maximum 14 mg/h"));
    assertThat(blocked.maximum().get().mgPerHour().toString()).isEqualTo("14 mg/h");
    e.override(0.5, EpisodeEvent.OverrideScope.FINDING, "contraindication:pregnancy", null);
    Decision after = e.at(1);
    assertThat(after.action()).isEqualTo(Action.START);
    assertThat(after.reasons()).anyMatch(r -> r.code().equals("SCREEN-OVERRIDDEN") && r.text().contains("dr.a"));
    assertThat(after.screening()).anySatisfy(f -> assertThat(f.override()).isPresent());
  }

  @Test
  @DisplayName("GDL-3: an undocumented contraindication is reported for checking rather than assumed absent")
  void undocumentedContraindication() {
    Decision d = Ep.painCrisis().flag(ClinicalFlag.SEVERE_LIVER_DYSFUNCTION, null).nrs(-1, 8).at(0);
    assertThat(d.screening()).anySatisfy(f -> {
      assertThat(f.key()).isEqualTo("contraindication:severeLiverDysfunction");
      assertThat(f.status()).isEqualTo(Finding.Status.NOT_DOCUMENTED);
    });
  }

  @Test
  @DisplayName("GDL-6: POSS 3 withholds increases and calls; POSS 4 stops the infusion")
  void sedation() {
    Decision three = Ep.painCrisis().nrs(-1, 8).running(0).nrs(1.9, 8).poss(1.95, 3).at(2);
    assertThat(three.action()).isEqualTo(Action.HOLD);
    assertThat(three.alsoDo()).contains(Action.NOTIFY_PAIN_SERVICE);
    Decision four = Ep.painCrisis().nrs(-1, 8).running(0).poss(1, 4).at(1.1);
    assertThat(four.action()).isEqualTo(Action.STOP);
    assertThat(four.ruleIds()).contains("GDL-6");
  }

  @Test
  @DisplayName("GDL-7: a postoperative patient gets a warning")
  void postoperative() {
    Decision d = Ep.painCrisis().flag(ClinicalFlag.POSTOPERATIVE, true).nrs(-1, 8).at(0);
    assertThat(d.reasons()).anyMatch(r -> r.rules().contains("GDL-7") && r.text().contains("postoperatively"));
  }

  @Test
  @DisplayName("DOSE-2: no weight blocks the start with a plain reason")
  void noWeight() {
    Decision d = Ep.painCrisis().noWeight().nrs(-1, 8).at(0);
    assertThat(d.action()).isEqualTo(Action.BLOCKED);
    assertThat(d.newRate()).isEmpty();
    assertThat(d.reasons()).anyMatch(r -> r.rules().contains("DOSE-2") && r.text().contains("No body weight"));
  }

  @Test
  @DisplayName("DOSE-5: every decision of a running infusion has reasons with rule IDs and a next assessment time")
  void explained() {
    Ep e = Ep.civik().morphineInfusion(-30, "5 mg/h").nrs(-1, 7).running(0);
    for (double h = 0; h < 120; h += 1.5) {
      Decision d = e.at(h);
      assertThat(d.reasons()).isNotEmpty();
      assertThat(d.reasons()).allSatisfy(r -> assertThat(r.text()).isNotBlank());
      assertThat(d.ruleIds()).isNotEmpty();
      assertThat(d.nextAssessmentDue()).isPresent();
    }
  }

  @Test
  @DisplayName("DOSE-5: the observation schedule tightens at the start and an overdue assessment is flagged")
  void assessmentSchedule() {
    Ep e = Ep.painCrisis().nrs(-1, 8).running(0);
    assertThat(e.at(0.1).nextAssessmentDue()).contains(Ep.h(0.25));
    Decision late = e.at(0.5);
    assertThat(late.assessmentOverdue()).isTrue();
    assertThat(late.alsoDo()).contains(Action.ASSESS_NOW);
  }

  @Test
  @DisplayName("events out of time order or with a repeated id are refused by the engine")
  void sequence() {
    Ep e = Ep.painCrisis().nrs(1, 8).nrs(0, 7);
    assertThatThrownBy(() -> e.at(2)).isInstanceOf(KetaPathException.class).hasMessageContaining("time order");
    Ep dup = Ep.painCrisis().nrs(0, 8);
    dup.events.add(dup.events.get(0));
    assertThatThrownBy(() -> dup.at(2)).isInstanceOf(KetaPathException.class).hasMessageContaining("appears twice");
  }

  @Test
  @DisplayName("the engine is a pure function: the same inputs give the same decision")
  void deterministic() {
    Ep e = Ep.civik().morphineInfusion(-30, "5 mg/h").nrs(-1, 7).running(0).nrs(7, 6);
    assertThat(e.at(8)).isEqualTo(e.at(8));
    assertThat(Instant.parse("2024-05-01T16:00:00Z")).isEqualTo(Ep.h(8));
  }
}
