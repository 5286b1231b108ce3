package org.ketapath.core.opioid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketapath.core.opioid.Exposures.END;
import static org.ketapath.core.opioid.Exposures.START;
import static org.ketapath.core.opioid.Exposures.dose;
import static org.ketapath.core.opioid.Exposures.hoursAfterStart;
import static org.ketapath.core.opioid.Exposures.infusion;
import static org.ketapath.core.opioid.Exposures.patch;
import static org.ketapath.core.opioid.Exposures.table;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MEDD-3: results carry the warnings for unreliable conversions, and always the switching warning. */
@Tag("MEDD-3")
class MeddWarningsTest {

  private static String warningOf(ConversionTable t, Opioid drug, OpioidRoute route) {
    return t.factor(drug, route).orElseThrow().warning().orElseThrow();
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"cdc-2022-clinical", "us-palliative", "anzca-fpm-2021", "uk-palliative"})
  @DisplayName("MEDD-3: the switching warning is always present, even with no opioid in the window")
  void switchingWarningIsAlwaysPresent(String id) {
    ConversionTable t = table(id);
    MeddResult empty = MeddCalculator.calculate(t, List.of(), END);
    MeddResult morphine = MeddCalculator.calculate(t, List.of(dose("morphine", "oral", "10 mg", hoursAfterStart(1))), END);
    for (MeddResult r : List.of(empty, morphine)) {
      assertThat(r.warnings()).contains(t.switchWarning());
      assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("switching", "25-50%"));
    }
  }

  @Test
  @DisplayName("MEDD-3 [cdc-2022-clinical]: methadone carries its non-linearity warning from the table")
  void methadoneWarns() {
    ConversionTable cdc = table("cdc-2022-clinical");
    MeddResult r = MeddCalculator.calculate(cdc, List.of(dose("methadone", "oral", "10 mg", hoursAfterStart(3))), END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("47");
    String methadone = warningOf(cdc, Opioid.METHADONE, OpioidRoute.ORAL);
    assertThat(methadone).contains("non-linear", "specialist");
    assertThat(r.warnings()).contains(methadone, cdc.switchWarning());
  }

  @Test
  @DisplayName("MEDD-3 [us-palliative]: transdermal and IV fentanyl each carry their warning")
  void fentanylWarns() {
    ConversionTable us = table("us-palliative");
    MeddResult r = MeddCalculator.calculate(us, List.of(
        patch("25 mcg/h", START.minus(Duration.ofDays(2)), null),
        infusion("fentanyl", "IV", "10 mcg/h", hoursAfterStart(20), null)), END);
    String transdermal = warningOf(us, Opioid.FENTANYL, OpioidRoute.TRANSDERMAL);
    String iv = warningOf(us, Opioid.FENTANYL, OpioidRoute.IV);
    assertThat(transdermal).contains("absorption varies");
    assertThat(iv).contains("poorly reliable");
    assertThat(r.warnings()).containsExactly(transdermal, iv, us.switchWarning());
  }

  @Test
  @DisplayName("MEDD-3: morphine alone carries only the switching warning (and the CDC scope warning on CDC)")
  void morphineAloneCarriesOnlyTheGeneralWarnings() {
    List<OpioidExposure> morphine = List.of(dose("morphine", "oral", "10 mg", hoursAfterStart(1)));
    ConversionTable us = table("us-palliative");
    assertThat(MeddCalculator.calculate(us, morphine, END).warnings()).containsExactly(us.switchWarning());
    ConversionTable cdc = table("cdc-2022-clinical");
    assertThat(MeddCalculator.calculate(cdc, morphine, END).warnings())
        .containsExactly(cdc.tableWarnings().get(0), cdc.switchWarning())
        .first().asString().contains("excludes cancer");
  }

  @Test
  @DisplayName("MEDD-3: the same warning is listed once however many exposures trigger it")
  void warningsAreNotRepeated() {
    ConversionTable us = table("us-palliative");
    MeddResult r = MeddCalculator.calculate(us, List.of(
        patch("25 mcg/h", START.minus(Duration.ofDays(2)), null),
        patch("12 mcg/h", START.minus(Duration.ofDays(1)), null)), END);
    assertThat(r.warnings()).containsExactly(warningOf(us, Opioid.FENTANYL, OpioidRoute.TRANSDERMAL),
        us.switchWarning());
  }
}
