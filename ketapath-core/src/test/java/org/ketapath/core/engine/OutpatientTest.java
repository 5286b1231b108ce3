package org.ketapath.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.outcome.ResponseResult;
import org.ketapath.core.screening.ClinicalFlag;
import org.ketapath.core.screening.NeuropathicCause;

/** OUTPATIENT-SESSIONS (source 001): 4-hour sessions, in-session titration, session schedule, response. */
class OutpatientTest {

  private static Ep ready() {
    return Ep.outpatient().weight("80").order(-1).verify(-0.5);
  }

  @Test
  @DisplayName("OUT-1: cancer-related neuropathic pain from an accepted cause; pre-existing neuropathy excludes")
  void population() {
    assertThat(ready().at(0).action()).isEqualTo(Action.START_SESSION);
    assertThat(ready().cause(NeuropathicCause.OTHER).at(0).action()).isEqualTo(Action.BLOCKED);
    Decision pre = ready().flag(ClinicalFlag.PREEXISTING_NEUROPATHY, true).at(0);
    assertThat(pre.action()).isEqualTo(Action.BLOCKED);
    assertThat(pre.reasons()).anyMatch(r -> r.rules().contains("OUT-1") && r.text().contains("predates"));
  }

  @Test
  @DisplayName("OUT-2 OUT-3: session 1 starts at 10 mg/h after the baseline is recorded")
  void firstSession() {
    Decision d = ready().at(0);
    assertThat(d.newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("10"));
    assertThat(d.reasons()).anyMatch(r -> r.rules().contains("OUT-2") && r.text().contains("function"));
  }

  @Test
  @DisplayName("OUT-3 (assumption): +5 mg/h every 30 min when tolerated, to 25 mg/h in session 1")
  void inSessionTitration() {
    Ep e = ready().session(0, 1, "10 mg/h", 7);
    assertThat(e.at(0.4).action()).isEqualTo(Action.HOLD);
    Decision up = e.at(0.5);
    assertThat(up.action()).isEqualTo(Action.INCREASE);
    assertThat(up.newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("15"));
    assertThat(up.localChoices()).anyMatch(c -> c.contains("+5 mg/h"));
    e.rate(0.5, Ep.RN, "15 mg/h").rate(1, Ep.RN, "20 mg/h").rate(1.5, Ep.RN, "25 mg/h");
    Decision max = e.at(2);
    assertThat(max.action()).isEqualTo(Action.HOLD);
    assertThat(max.reasons()).anyMatch(r -> r.text().contains("at the maximum for this session, 25 mg/h"));
    assertThat(max.deviations()).isEmpty();
  }

  @Test
  @DisplayName("OUT-2: a session stops at 4 h")
  void sessionLength() {
    Decision d = ready().session(0, 1, "10 mg/h", 7).at(4);
    assertThat(d.action()).isEqualTo(Action.STOP);
    assertThat(d.ruleIds()).contains("OUT-2");
  }

  @Test
  @DisplayName("OUT-3 OUT-6: a side effect steps back to the last tolerated rate, which then is not exceeded")
  void notTolerated() {
    Ep e = ready().session(0, 1, "10 mg/h", 7).rate(0.5, Ep.RN, "15 mg/h").rate(1, Ep.RN, "20 mg/h")
        .sideEffect(1.2, SideEffect.DIZZINESS);
    Decision back = e.at(1.3);
    assertThat(back.action()).isEqualTo(Action.REDUCE);
    assertThat(back.newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("15"));
    assertThat(back.ruleIds()).contains("OUT-6");
    e.rate(1.3, Ep.RN, "15 mg/h");
    Decision stay = e.at(2);
    assertThat(stay.action()).isEqualTo(Action.HOLD);
    assertThat(stay.reasons()).anyMatch(r -> r.text().contains("20 mg/h was not tolerated"));
  }

  @Test
  @DisplayName("OUT-4: session 2 is due a week later and starts at the highest rate tolerated in session 1")
  void secondSession() {
    Ep e = ready().session(0, 1, "10 mg/h", 7).rate(0.5, Ep.RN, "15 mg/h").rate(1, Ep.RN, "20 mg/h")
        .sessionEnd(4, 1, 4);
    Decision wait = e.at(5);
    assertThat(wait.phase()).isEqualTo(Phase.BETWEEN_SESSIONS);
    assertThat(wait.action()).isEqualTo(Action.HOLD);
    assertThat(wait.nextReviewDue()).contains(Ep.h(4 + 7 * 24));
    Decision due = e.at(4 + 7 * 24);
    assertThat(due.action()).isEqualTo(Action.START_SESSION);
    assertThat(due.session()).contains(2);
    assertThat(due.newRate().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("20"));
    assertThat(due.ruleIds()).contains("OUT-4");
  }

  @Test
  @DisplayName("OUT-5: after session 3, a non-responder stops; a responder continues every 28 days")
  void responseAfterThree() {
    Ep non = threeSessions(6, 5);
    Decision stop = non.at(24 * 15 + 5);
    assertThat(stop.action()).isEqualTo(Action.COMPLETE);
    assertThat(stop.reasons()).anyMatch(r -> r.rules().contains("OUT-5") && r.text().contains("not a responder"));
    assertThat(stop.responses()).anySatisfy(r -> assertThat(r.category())
        .isEqualTo(ResponseResult.Category.NON_RESPONDER));
    Ep yes = threeSessions(6, 4);
    Decision go = yes.at(24 * 15 + 5);
    assertThat(go.action()).isEqualTo(Action.HOLD);
    assertThat(go.nextReviewDue()).contains(Ep.h(24 * 14 + 4 + 28 * 24));
    assertThat(go.responses()).anySatisfy(r -> assertThat(r.explanation()).contains("33% reduction"));
  }

  @Test
  @DisplayName("OUT-5 GDL-4: the 70 mg/h maximum never allows more than 0.5 mg/kg/h (30 mg/h at 60 kg)")
  void maximumBoundByWeight() {
    Ep e = Ep.outpatient().weight("60").order(-1).verify(-0.5).session(0, 1, "10 mg/h", 7).sessionEnd(4, 1, 4)
        .session(24 * 7, 2, "25 mg/h", 7).rate(24 * 7 + 0.5, Ep.RN, "30 mg/h");
    Decision d = e.at(24 * 7 + 1);
    assertThat(d.maximum().orElseThrow().mgPerHour()).isEqualTo(MgPerHour.of("30"));
    assertThat(d.action()).isEqualTo(Action.HOLD);
    assertThat(d.ruleIds()).contains("GDL-4");
  }

  private static Ep threeSessions(int baseline, int after) {
    Ep e = ready();
    for (int i = 0; i < 3; i++) {
      double t = 24 * 7 * i;
      e.session(t, i + 1, "10 mg/h", baseline).sessionEnd(t + 4, i + 1, after);
    }
    return e;
  }
}
