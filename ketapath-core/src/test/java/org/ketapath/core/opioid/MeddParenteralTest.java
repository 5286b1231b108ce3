package org.ketapath.core.opioid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketapath.core.opioid.Exposures.END;
import static org.ketapath.core.opioid.Exposures.START;
import static org.ketapath.core.opioid.Exposures.dose;
import static org.ketapath.core.opioid.Exposures.hoursAfterStart;
import static org.ketapath.core.opioid.Exposures.infusion;
import static org.ketapath.core.opioid.Exposures.table;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ketapath.core.KetaPathException;

/** MEDD-2: the parenteral figure, its route basis, and tables that do not cover a route. */
@Tag("MEDD-2")
class MeddParenteralTest {
  /** CIVIK-2: refractory needs IV MEDD >= 120 mg/day. */
  private static final BigDecimal CIVIK_IV_MEDD = new BigDecimal("120");

  /** Oral morphine 60 mg five times in the day: 300 mg/day oral. */
  private static final List<OpioidExposure> ORAL_MORPHINE_300 = List.of(
      dose("morphine", "oral", "60 mg", hoursAfterStart(1)),
      dose("morphine", "oral", "60 mg", hoursAfterStart(6)),
      dose("morphine", "oral", "60 mg", hoursAfterStart(11)),
      dose("morphine", "oral", "60 mg", hoursAfterStart(16)),
      dose("morphine", "oral", "60 mg", hoursAfterStart(21)));

  @Test
  @DisplayName("MEDD-2: the same 300 mg/day oral morphine is 100 mg/day IV (us-palliative, below CIVIK 120) "
      + "but 150 mg/day SC (uk-palliative, above it)")
  void usAndUkTablesCanFlipTheCivikThreshold() {
    MeddResult us = MeddCalculator.calculate(table("us-palliative"), ORAL_MORPHINE_300, END);
    MeddResult uk = MeddCalculator.calculate(table("uk-palliative"), ORAL_MORPHINE_300, END);

    assertThat(us.oral().mgPerDay()).isEqualByComparingTo("300");
    assertThat(uk.oral().mgPerDay()).isEqualByComparingTo("300");

    MorphineEquivalent usIv = us.parenteral().orElseThrow();
    MorphineEquivalent ukSc = uk.parenteral().orElseThrow();
    assertThat(usIv.basis()).isEqualTo(OpioidRoute.IV);
    assertThat(usIv.mgPerDay()).isEqualByComparingTo("100");
    assertThat(ukSc.basis()).isEqualTo(OpioidRoute.SC);
    assertThat(ukSc.mgPerDay()).isEqualByComparingTo("150");

    assertThat(usIv.atLeast(CIVIK_IV_MEDD)).isFalse();
    assertThat(ukSc.atLeast(CIVIK_IV_MEDD)).isTrue();
    assertThat(usIv).hasToString("100 mg/day IV morphine");
    assertThat(ukSc).hasToString("150 mg/day SC morphine");
  }

  @Test
  @DisplayName("MEDD-2: a mixed regimen gives different parenteral MEDD under us-palliative and uk-palliative")
  void mixedRegimenDiffersBetweenTables() {
    List<OpioidExposure> regimen = List.of(
        dose("oxycodone", "oral", "40 mg", hoursAfterStart(2)),
        dose("oxycodone", "oral", "40 mg", hoursAfterStart(14)),
        dose("hydromorphone", "oral", "4 mg", hoursAfterStart(5)),
        dose("hydromorphone", "oral", "4 mg", hoursAfterStart(17)));
    // us: 80 x 1.5 + 8 x 4 = 152 oral -> 50.67 IV; uk: 80 x 1.5 + 8 x 7.5 = 180 oral -> 90 SC
    MeddResult us = MeddCalculator.calculate(table("us-palliative"), regimen, END);
    MeddResult uk = MeddCalculator.calculate(table("uk-palliative"), regimen, END);
    assertThat(us.oral().mgPerDay()).isEqualByComparingTo("152");
    assertThat(uk.oral().mgPerDay()).isEqualByComparingTo("180");
    assertThat(us.parenteral().orElseThrow()).hasToString("50.7 mg/day IV morphine");
    assertThat(uk.parenteral().orElseThrow().mgPerDay()).isEqualByComparingTo("90");
  }

  @Test
  @DisplayName("MEDD-2: IV morphine keeps its parenteral amount on both the US IV and the UK SC basis")
  void ivMorphineInfusionIsConsistentOnEachBasis() {
    List<OpioidExposure> infusion = List.of(
        infusion("morphine", "IV", "4.5 mg/h", START.minus(Duration.ofHours(12)), null));
    assertThat(MeddCalculator.calculate(table("us-palliative"), infusion, END).parenteral().orElseThrow().mgPerDay())
        .isEqualByComparingTo("108");
    assertThat(MeddCalculator.calculate(table("uk-palliative"), infusion, END).parenteral().orElseThrow().mgPerDay())
        .isEqualByComparingTo("108");
    assertThat(MeddCalculator.calculate(table("anzca-fpm-2021"), infusion, END).oral().mgPerDay())
        .isEqualByComparingTo("324");
  }

  @Test
  @DisplayName("MEDD-2: the CDC table has no parenteral ratio, so it gives oral MEDD only")
  void cdcGivesNoParenteralMedd() {
    MeddResult r = MeddCalculator.calculate(table("cdc-2022-clinical"), ORAL_MORPHINE_300, END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("300");
    assertThat(r.parenteral()).isEmpty();
  }

  @Test
  @DisplayName("MEDD-2: the CDC table refuses IV hydromorphone, naming the drug, the route and the table, "
      + "and suggests a palliative table")
  void cdcRefusesIvHydromorphone() {
    List<OpioidExposure> exposures = List.of(
        dose("morphine", "oral", "30 mg", hoursAfterStart(2)),
        dose("hydromorphone", "IV", "1 mg", hoursAfterStart(4)));
    assertThatThrownBy(() -> MeddCalculator.calculate(table("cdc-2022-clinical"), exposures, END))
        .isInstanceOfSatisfying(KetaPathException.class, e -> {
          assertThat(e.code()).isEqualTo("MEDD-UNCOVERED");
          assertThat(e.field()).isEqualTo("exposures[1]");
          assertThat(e.ruleIds()).contains("MEDD-1");
          assertThat(e.getMessage()).contains("hydromorphone IV", "cdc-2022-clinical@1.0", "palliative table",
              "us-palliative@1.0");
        });
  }

  @Test
  @DisplayName("MEDD-1: an uncovered opioid outside the window does not block the calculation")
  void uncoveredExposureOutsideTheWindowIsIgnored() {
    MeddResult r = MeddCalculator.calculate(table("cdc-2022-clinical"), List.of(
        dose("hydromorphone", "IV", "1 mg", START.minus(Duration.ofHours(3))),
        dose("morphine", "oral", "30 mg", hoursAfterStart(2))), END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("30");
  }

  @Test
  @DisplayName("MEDD-2: a palliative table refuses methadone and says conversion is for specialists")
  void palliativeTableRefusesMethadone() {
    assertThatThrownBy(() -> MeddCalculator.calculate(table("us-palliative"),
        List.of(dose("methadone", "oral", "10 mg", hoursAfterStart(3))), END))
        .isInstanceOfSatisfying(KetaPathException.class, e -> {
          assertThat(e.code()).isEqualTo("MEDD-UNCOVERED");
          assertThat(e.getMessage()).contains("methadone oral", "us-palliative@1.0", "specialist");
        });
  }

  @Test
  @DisplayName("MEDD-2: the oral:parenteral ratio is read from the table, not fixed in code")
  void ratioIsTableData() {
    String yaml = """
        id: site-local
        version: "2"
        title: "A site table with an unusual ratio"
        sources: ["local pharmacy committee"]
        rules: [MEDD-1, MEDD-2, MEDD-3]
        scope: "test"
        parenteralMorphineRatio: {route: IV, oralPerParenteral: 2.5, source: "local"}
        switchWarning: "Not a switch dose."
        factors:
          - {drug: morphine, route: oral, per: mg, factor: 1, source: "reference"}
          - {drug: morphine, route: IV, per: mg, factor: 2.5, source: "local"}
        """;
    ConversionTable local = ConversionTables.parse("site-local/2.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    MeddResult r = MeddCalculator.calculate(local, ORAL_MORPHINE_300, END);
    assertThat(r.tableRef()).isEqualTo("site-local@2");
    assertThat(r.parenteral().orElseThrow().mgPerDay()).isEqualByComparingTo("120");
  }
}
