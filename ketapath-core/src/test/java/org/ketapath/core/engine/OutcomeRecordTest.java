package org.ketapath.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ketapath.core.dose.Milligrams;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.outcome.EpisodeSummary;

class OutcomeRecordTest {

  @Test
  @DisplayName("OUTC-1: the episode record holds baseline MEDD, rescues, PPG, NRS, rate changes with who, AEs")
  void episodeSummary() {
    Ep e = Ep.civik().morphineInfusion(-30, "5 mg/h").rescue(-5).rescue(-4).nrs(-1, 7).running(0)
        .rate(8.2, Ep.RN, "0.1 mg/kg/h").sideEffect(20, SideEffect.DIZZINESS).adverse(30, 2, true).nrs(100, 4)
        .stop(120);
    EpisodeSummary s = DecisionEngine.summarize(e.protocol, e.patient(), e.events, Ep.h(121));
    // 5 mg/h IV morphine for 24 h plus two 2 mg IV rescues
    assertThat(s.baselineParenteralMedd().orElseThrow().mgPerDay()).isEqualByComparingTo("124");
    assertThat(s.baselineRescues24h()).isEqualTo(2);
    assertThat(s.ppg()).contains(4);
    assertThat(s.nrs()).extracting(EpisodeSummary.NrsPoint::nrs).containsExactly(7, 4);
    assertThat(s.rateChanges()).singleElement().satisfies(r -> {
      assertThat(r.rate().value()).isEqualByComparingTo("7");
      assertThat(r.by()).contains("rn.b");
    });
    assertThat(s.adverseEvents()).hasSize(2);
    assertThat(s.adverseEvents()).anySatisfy(a -> assertThat(a.ctcaeGrade()).contains(2));
    assertThat(s.infusions()).isEqualTo(1);
    assertThat(s.responses()).isNotEmpty().allSatisfy(r -> assertThat(r.provisional()).isFalse());
  }

  @Test
  @DisplayName("GDL-5: a physician's bolus below 0.35 mg/kg is accepted; 0.35 mg/kg or more is flagged")
  void bolus() {
    Ep ok = Ep.painCrisis().weight("80").nrs(-1, 8).add(new EpisodeEvent.KetamineBolus("b1", Ep.h(0), Ep.DOC,
        Milligrams.parse("20 mg", "dose"), Optional.of("test bolus")));
    assertThat(ok.at(0.1).deviations()).isEmpty();
    Ep big = Ep.painCrisis().weight("80").nrs(-1, 8).add(new EpisodeEvent.KetamineBolus("b1", Ep.h(0), Ep.DOC,
        Milligrams.parse("28 mg", "dose"), Optional.empty()));
    assertThat(big.at(0.1).deviations()).singleElement().satisfies(d -> {
      assertThat(d.rules()).contains("GDL-5");
      assertThat(d.text()).contains("0.35 mg/kg");
    });
  }
}
