package org.ketapath.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.outcome.ResponseResult;
import org.ketapath.core.protocol.ResponseSpec;
import org.ketapath.core.screening.ClinicalFlag;
import org.ketapath.core.screening.Finding;

/** CIVIK (source 000): screening, weight-based start, 8-hourly review, ceiling, 5 days, response, toxicity. */
class CivikTest {

  /** A refractory patient: IV morphine 5 mg/h for the past day (IV MEDD 120 mg/day) and NRS 7 > PPG 4. */
  private static Ep refractory() {
    return Ep.civik().morphineInfusion(-30, "5 mg/h").nrs(-1, 7);
  }

  private static Finding finding(Decision d, String key) {
    return d.screening().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("CIVIK-1: a patient not hospitalised is not eligible")
  void populationBlocks() {
    Decision d = refractory().flag(ClinicalFlag.HOSPITALIZED, false).at(0);
    assertThat(d.action()).isEqualTo(Action.BLOCKED);
    assertThat(finding(d, "civik-population").blocks()).isTrue();
    assertThat(finding(d, "civik-population").rules()).contains("CIVIK-1");
  }

  @Test
  @DisplayName("CIVIK-2 MEDD-2: IV MEDD >= 120 and NRS above the PPG is refractory; the IV MEDD is shown")
  void refractoryPasses() {
    Decision d = refractory().at(0);
    Finding f = finding(d, "civik-refractory");
    assertThat(f.status()).isEqualTo(Finding.Status.PASS);
    assertThat(f.reason()).contains("IV MEDD 120 mg/day >= 120 (us-palliative@1.0)").contains("NRS 7 > PPG 4");
    assertThat(d.action()).isEqualTo(Action.START);
  }

  @Test
  @DisplayName("CIVIK-2: IV MEDD below 120 mg/day blocks even with many rescues")
  void lowMeddBlocks() {
    Ep e = Ep.civik().morphineInfusion(-30, "4 mg/h");
    for (int i = 0; i < 5; i++) {
      e.rescue(-10 + i);
    }
    Decision d = e.nrs(-1, 7).at(0);
    assertThat(d.action()).isEqualTo(Action.BLOCKED);
    assertThat(finding(d, "civik-refractory").reason()).contains("IV MEDD").contains("< 120");
  }

  @Test
  @DisplayName("CIVIK-2: >= 4 rescues in 24 h make pain refractory when NRS is at the goal")
  void rescuesAlternative() {
    Ep e = Ep.civik().morphineInfusion(-30, "5 mg/h");
    for (int i = 0; i < 4; i++) {
      e.rescue(-10 + i);
    }
    assertThat(finding(e.nrs(-1, 3).at(0), "civik-refractory").status()).isEqualTo(Finding.Status.PASS);
    Ep three = Ep.civik().morphineInfusion(-30, "5 mg/h").rescue(-3).rescue(-2).rescue(-1.5).nrs(-1, 3);
    assertThat(finding(three.at(0), "civik-refractory").status()).isEqualTo(Finding.Status.FAIL);
  }

  @Test
  @DisplayName("CIVIK-3 DOSE-3: start at 0.05 mg/kg/h, shown in mg/h and pump mL/h")
  void start() {
    Decision d = refractory().weight("64").order(-1).verify(-0.5).at(0);
    assertThat(d.action()).isEqualTo(Action.START);
    assertThat(d.newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("3.2"));
    assertThat(d.newRate().orElseThrow().pumpRate().value()).isEqualByComparingTo("3.2");
    assertThat(d.ruleIds()).contains("CIVIK-3", "GDL-1");
  }

  @Test
  @DisplayName("CIVIK-4: at the 8 h review, NRS above the PPG increases by 0.05 mg/kg/h")
  void reviewIncreasesForPain() {
    Ep e = refractory().running(0).nrs(7.5, 6);
    assertThat(e.at(7.9).action()).isEqualTo(Action.HOLD);
    Decision d = e.at(8);
    assertThat(d.action()).isEqualTo(Action.INCREASE);
    assertThat(d.newRate().orElseThrow().mgPerKgPerHour().value()).isEqualByComparingTo("0.1");
    assertThat(d.nextReviewDue()).contains(Ep.h(16));
    assertThat(d.ruleIds()).contains("CIVIK-4");
    assertThat(d.localChoices()).anyMatch(c -> c.contains("latest NRS"));
  }

  @Test
  @DisplayName("CIVIK-4: two rescues in the past 8 h increase even when NRS is at the goal")
  void reviewIncreasesForRescues() {
    Decision d = refractory().running(0).rescue(2).rescue(6).nrs(7, 3).at(8);
    assertThat(d.action()).isEqualTo(Action.INCREASE);
    Decision one = refractory().running(0).rescue(6).nrs(7, 3).at(8);
    assertThat(one.action()).isEqualTo(Action.HOLD);
    assertThat(one.reasons()).anyMatch(r -> r.code().equals("REVIEW-KEEP"));
  }

  @Test
  @DisplayName("CIVIK-4 (assumption): the latest NRS in the window counts, not the worst")
  void latestNrsCounts() {
    assertThat(refractory().running(0).nrs(3, 8).nrs(7, 4).at(8).action()).isEqualTo(Action.HOLD);
    assertThat(refractory().running(0).nrs(3, 2).nrs(7, 6).at(8).action()).isEqualTo(Action.INCREASE);
  }

  @Test
  @DisplayName("CIVIK-4: an increase applied after the review holds until the next review")
  void appliedIncreaseHolds() {
    Decision d = refractory().running(0).nrs(7.5, 6).rate(8.2, Ep.RN, "0.1 mg/kg/h").at(9);
    assertThat(d.action()).isEqualTo(Action.HOLD);
    assertThat(d.deviations()).isEmpty();
  }

  @Test
  @DisplayName("CIVIK-5: never above 0.5 mg/kg/h; at the ceiling the pain service is called")
  void ceiling() {
    Ep e = refractory().running(0).rate(1, Ep.DOC, "0.5 mg/kg/h").nrs(7.5, 8);
    Decision d = e.at(8);
    assertThat(d.action()).isEqualTo(Action.HOLD);
    assertThat(d.alsoDo()).contains(Action.NOTIFY_PAIN_SERVICE);
    assertThat(d.ruleIds()).contains("CIVIK-5");
    Decision near = refractory().running(0).rate(1, Ep.DOC, "0.48 mg/kg/h").nrs(7.5, 8).at(8);
    assertThat(near.newRate().orElseThrow().mgPerKgPerHour().value()).isEqualByComparingTo("0.5");
  }

  @Test
  @DisplayName("CIVIK-5 DOSE-4: a recorded rate above 0.5 mg/kg/h is a deviation and is reduced, never accepted")
  void aboveCeilingIsDeviation() {
    Decision d = refractory().running(0).rate(2, Ep.RN, "0.6 mg/kg/h").at(3);
    assertThat(d.action()).isEqualTo(Action.REDUCE);
    assertThat(d.newRate().orElseThrow().mgPerKgPerHour().value()).isEqualByComparingTo("0.5");
    assertThat(d.deviations()).anySatisfy(dv -> assertThat(dv.rules()).contains("DOSE-4", "CIVIK-5"));
    // the same nurse entry is also far more than one CIVIK-4 step: both are flagged
    assertThat(d.deviations()).anySatisfy(dv -> assertThat(dv.text()).contains("more than the 0.05 mg/kg/h"));
  }

  @Test
  @DisplayName("CIVIK-6: the infusion stops at 120 h")
  void fiveDays() {
    Ep e = refractory().running(0);
    assertThat(e.at(119.9).action()).isNotEqualTo(Action.STOP);
    Decision d = e.at(120);
    assertThat(d.action()).isEqualTo(Action.STOP);
    assertThat(d.ruleIds()).contains("CIVIK-6");
  }

  @Test
  @DisplayName("CIVIK-7: complete, partial and none over the final 24 h, published and registry side by side")
  void response() {
    Decision complete = refractory().running(0).rescue(100).nrs(110, 4).stop(120).at(121);
    assertThat(category(complete, ResponseSpec.Kind.CIVIK_PUBLISHED)).isEqualTo(ResponseResult.Category.COMPLETE);
    assertThat(category(complete, ResponseSpec.Kind.CIVIK_REGISTRY)).isEqualTo(ResponseResult.Category.RESPONDER);
    Decision partial = refractory().running(0).nrs(110, 5).stop(120).at(121);
    assertThat(category(partial, ResponseSpec.Kind.CIVIK_PUBLISHED)).isEqualTo(ResponseResult.Category.PARTIAL);
    assertThat(category(partial, ResponseSpec.Kind.CIVIK_REGISTRY)).isEqualTo(ResponseResult.Category.NON_RESPONDER);
    Ep many = refractory().running(0);
    for (int i = 0; i < 4; i++) {
      many.rescue(100 + i);
    }
    Decision none = many.nrs(110, 3).stop(120).at(121);
    assertThat(category(none, ResponseSpec.Kind.CIVIK_PUBLISHED)).isEqualTo(ResponseResult.Category.NONE);
    assertThat(category(none, ResponseSpec.Kind.CIVIK_REGISTRY)).isEqualTo(ResponseResult.Category.NON_RESPONDER);
    assertThat(category(complete, ResponseSpec.Kind.NRS_REDUCTION)).isEqualTo(ResponseResult.Category.RESPONDER);
  }

  @Test
  @DisplayName("CIVIK-7 CIVIK-8: unacceptable toxicity makes a non-responder whatever the pain")
  void toxicityNonResponder() {
    Decision d = refractory().running(0).adverse(50, 3, true).nrs(110, 2).stop(120).at(121);
    assertThat(category(d, ResponseSpec.Kind.CIVIK_PUBLISHED)).isEqualTo(ResponseResult.Category.NONE);
  }

  @Test
  @DisplayName("CIVIK-8 (assumption): a grade 3 adverse event attributed to ketamine stops the infusion")
  void toxicityStops() {
    Decision d = refractory().running(0).adverse(10, 3, true).at(10.1);
    assertThat(d.action()).isEqualTo(Action.STOP);
    assertThat(d.alsoDo()).contains(Action.NOTIFY_PAIN_SERVICE);
    assertThat(d.ruleIds()).contains("CIVIK-8");
    assertThat(d.localChoices()).anyMatch(c -> c.contains("CTCAE grade 3"));
    assertThat(refractory().running(0).adverse(10, 2, true).at(10.1).action()).isNotEqualTo(Action.STOP);
    assertThat(refractory().running(0).adverse(10, 3, false).at(10.1).action()).isNotEqualTo(Action.STOP);
  }

  @Test
  @DisplayName("CIVIK-4 GDL-6: side effects in the review window withhold the increase until the next review")
  void sideEffectWithholds() {
    Ep e = refractory().running(0).sideEffect(3, SideEffect.VIVID_DREAMS).nrs(7.5, 7);
    Decision d = e.at(8);
    assertThat(d.action()).isEqualTo(Action.HOLD);
    assertThat(d.reasons()).anyMatch(r -> r.code().equals("REVIEW-WITHHELD"));
    assertThat(e.at(12).action()).isEqualTo(Action.HOLD);
  }

  private static ResponseResult.Category category(Decision d, ResponseSpec.Kind kind) {
    return d.responses().stream().filter(r -> r.definition() == kind).findFirst().orElseThrow().category();
  }
}
