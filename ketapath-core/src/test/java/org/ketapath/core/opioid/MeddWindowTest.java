package org.ketapath.core.opioid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketapath.core.opioid.Exposures.END;
import static org.ketapath.core.opioid.Exposures.START;
import static org.ketapath.core.opioid.Exposures.dose;
import static org.ketapath.core.opioid.Exposures.hoursAfterStart;
import static org.ketapath.core.opioid.Exposures.hoursBeforeEnd;
import static org.ketapath.core.opioid.Exposures.infusion;
import static org.ketapath.core.opioid.Exposures.patch;
import static org.ketapath.core.opioid.Exposures.rescue;
import static org.ketapath.core.opioid.Exposures.table;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ketapath.core.KetaPathException;

/** MEDD-1: what falls inside the 24 h window (windowEnd - 24 h, windowEnd], and how much of it. */
@Tag("MEDD-1")
class MeddWindowTest {

  @Test
  @DisplayName("MEDD-1: the window is the 24 h ending at windowEnd")
  void windowIsTheDayEndingAtWindowEnd() {
    MeddResult r = MeddCalculator.calculate(table("us-palliative"), List.of(), END);
    assertThat(r.windowStart()).isEqualTo(END.minus(Duration.ofHours(24)));
    assertThat(r.windowEnd()).isEqualTo(END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("0");
    assertThat(r.lines()).isEmpty();
  }

  @Test
  @DisplayName("MEDD-1: a dose exactly at windowStart is excluded, a dose exactly at windowEnd is included")
  void windowIsOpenAtTheStartAndClosedAtTheEnd() {
    MeddResult r = MeddCalculator.calculate(table("us-palliative"), List.of(
        dose("morphine", "oral", "10 mg", START),
        dose("morphine", "oral", "20 mg", END),
        dose("morphine", "oral", "40 mg", END.plusSeconds(1)),
        dose("morphine", "oral", "80 mg", START.minusSeconds(1))), END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("20");
    assertThat(r.lines()).extracting(MeddLine::index).containsExactly(1);
  }

  @Test
  @DisplayName("MEDD-1: a dose one second after windowStart counts")
  void doseJustInsideTheStartCounts() {
    MeddResult r = MeddCalculator.calculate(table("us-palliative"),
        List.of(dose("morphine", "oral", "10 mg", START.plusSeconds(1))), END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("10");
  }

  @Test
  @DisplayName("MEDD-1 [cdc-2022-clinical]: a 75 mcg/h patch removed 12 h into the window counts half (90)")
  void patchRemovedHalfwayCountsHalf() {
    MeddResult r = MeddCalculator.calculate(table("cdc-2022-clinical"),
        List.of(patch("75 mcg/h", START.minus(Duration.ofHours(60)), hoursAfterStart(12))), END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("90");
    MeddLine line = r.lines().get(0);
    assertThat(line.hoursInWindow()).hasValueSatisfying(h -> assertThat(h).isEqualByComparingTo("12"));
    assertThat(line.amountInWindow().value()).isEqualByComparingTo("900");
    assertThat(line.amountInWindow().unit()).isEqualTo(OpioidUnit.MCG);
    assertThat(line.given()).contains("75 mcg/h", "12 h");
    assertThat(line.calculation()).contains("2.4", "12/24", "= 90 mg oral morphine");
  }

  @Test
  @DisplayName("MEDD-1 [cdc-2022-clinical]: a patch applied 6 h before windowEnd counts 6 h")
  void patchAppliedLateCountsItsHours() {
    MeddResult r = MeddCalculator.calculate(table("cdc-2022-clinical"),
        List.of(patch("100 mcg/h", hoursBeforeEnd(6), null)), END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("60");
  }

  @Test
  @DisplayName("MEDD-1/MEDD-2 [us-palliative]: an IV morphine infusion started 6 h before windowEnd counts 6 h")
  void infusionStartedSixHoursBeforeEndCountsSixHours() {
    MeddResult r = MeddCalculator.calculate(table("us-palliative"),
        List.of(infusion("morphine", "IV", "2 mg/h", hoursBeforeEnd(6), null)), END);
    MeddLine line = r.lines().get(0);
    assertThat(line.hoursInWindow()).hasValueSatisfying(h -> assertThat(h).isEqualByComparingTo("6"));
    assertThat(line.amountInWindow().value()).isEqualByComparingTo("12");
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("36");
    assertThat(r.parenteral()).hasValueSatisfying(p -> assertThat(p.mgPerDay()).isEqualByComparingTo("12"));
  }

  @Test
  @DisplayName("MEDD-1: infusions count only the hours they overlap the window")
  void infusionsAreProratedByOverlap() {
    ConversionTable t = table("us-palliative");
    // ran the whole window and beyond, still running
    assertThat(MeddCalculator.calculate(t, List.of(
        infusion("morphine", "IV", "1 mg/h", START.minus(Duration.ofDays(3)), null)), END).oral().mgPerDay())
        .isEqualByComparingTo("72");
    // stopped before the window
    assertThat(MeddCalculator.calculate(t, List.of(
        infusion("morphine", "IV", "1 mg/h", START.minus(Duration.ofDays(3)), START)), END).lines()).isEmpty();
    // starts after the window
    assertThat(MeddCalculator.calculate(t, List.of(
        infusion("morphine", "IV", "1 mg/h", END, null)), END).lines()).isEmpty();
    // 90 minutes inside the window
    assertThat(MeddCalculator.calculate(t, List.of(
        infusion("morphine", "SC", "2 mg/h", hoursAfterStart(1), hoursAfterStart(2.5))), END).oral().mgPerDay())
        .isEqualByComparingTo("9");
  }

  @Test
  @DisplayName("MEDD-1 [us-palliative]: an IV fentanyl infusion in mcg/h converts per mcg")
  void fentanylInfusionInMicrograms() {
    MeddResult r = MeddCalculator.calculate(table("us-palliative"),
        List.of(infusion("fentanyl", "IV", "25 mcg/h", START.minus(Duration.ofHours(2)), null)), END);
    assertThat(r.lines().get(0).amountInWindow()).isEqualTo(new OpioidAmount(new BigDecimal("600"), OpioidUnit.MCG));
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("180");
    assertThat(r.parenteral().orElseThrow().mgPerDay()).isEqualByComparingTo("60");
  }

  @Test
  @DisplayName("MEDD-1: a dose written in mcg converts exactly against a per-mg factor")
  void microgramDoseAgainstPerMgFactor() {
    MeddResult r = MeddCalculator.calculate(table("us-palliative"),
        List.of(dose("hydromorphone", "IV", "500 mcg", hoursAfterStart(3))), END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("10");
  }

  @Test
  @DisplayName("MEDD-1: rescue doses in the window are counted and included in the sum")
  void rescueDosesAreCountedAndSummed() {
    MeddResult r = MeddCalculator.calculate(table("us-palliative"), List.of(
        dose("morphine", "oral", "30 mg", hoursAfterStart(2)),
        dose("morphine", "oral", "30 mg", hoursAfterStart(14)),
        rescue("morphine", "oral", "10 mg", hoursAfterStart(4)),
        rescue("morphine", "oral", "10 mg", hoursAfterStart(9)),
        rescue("morphine", "oral", "10 mg", hoursAfterStart(17)),
        rescue("morphine", "SC", "5 mg", hoursAfterStart(22)),
        rescue("morphine", "oral", "10 mg", START.minus(Duration.ofHours(1))),
        rescue("morphine", "oral", "10 mg", START)), END);
    assertThat(r.rescueDoses()).isEqualTo(4);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("105");
    assertThat(r.lines()).filteredOn(MeddLine::asNeeded).hasSize(4);
    assertThat(r.lines().get(2).toString()).contains("exposures[2]", "(rescue)");
  }

  @Test
  @DisplayName("MEDD-1: each line shows what was given, the factor with its source, and the contribution")
  void linesLetAPharmacistRedoTheSum() {
    MeddResult r = MeddCalculator.calculate(table("cdc-2022-clinical"), List.of(
        dose("oxycodone", "oral", "10 mg", hoursAfterStart(2)),
        dose("oxycodone", "oral", "10 mg", hoursAfterStart(14))), END);
    MeddLine line = r.lines().get(0);
    assertThat(line.drug()).isEqualTo(Opioid.OXYCODONE);
    assertThat(line.route()).isEqualTo(OpioidRoute.ORAL);
    assertThat(line.amountInWindow()).hasToString("10 mg");
    assertThat(line.hoursInWindow()).isEmpty();
    assertThat(line.factor().factor()).isEqualByComparingTo("1.5");
    assertThat(line.factor().source()).contains("CDC 2022");
    assertThat(line.contribution().mgPerDay()).isEqualByComparingTo("15");
    assertThat(line.calculation()).isEqualTo("10 mg x 1.5 oral morphine mg per mg = 15 mg oral morphine");
    assertThat(r.lines().stream().map(l -> l.contribution().mgPerDay()).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(r.oral().mgPerDay());
    assertThat(r.explain()).contains("MEDD 30 mg/day oral morphine", "cdc-2022-clinical@1.0", "WARNING");
  }

  @Test
  @DisplayName("MEDD-1: full precision is kept; only the text is rounded")
  void precisionIsKeptAndOnlyTextIsRounded() {
    MeddResult r = MeddCalculator.calculate(table("us-palliative"),
        List.of(dose("morphine", "oral", "100 mg", hoursAfterStart(2))), END);
    MorphineEquivalent iv = r.parenteral().orElseThrow();
    assertThat(iv.mgPerDay().precision()).isGreaterThan(20);
    assertThat(iv).hasToString("33.3 mg/day IV morphine");
    assertThat(new MorphineEquivalent(new BigDecimal("376"), OpioidRoute.ORAL)).hasToString("376 mg/day oral morphine");
  }

  @Test
  void missingInputsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> MeddCalculator.calculate(table("us-palliative"), List.of(), null))
        .isInstanceOf(KetaPathException.class).hasMessageContaining("windowEnd");
    List<OpioidExposure> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> MeddCalculator.calculate(table("us-palliative"), withNull, END))
        .isInstanceOf(KetaPathException.class).hasMessageContaining("exposures[0] is missing");
  }
}
