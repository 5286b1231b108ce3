package org.ketapath.core.opioid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketapath.core.opioid.Exposures.END;
import static org.ketapath.core.opioid.Exposures.dose;
import static org.ketapath.core.opioid.Exposures.hoursAfterStart;
import static org.ketapath.core.opioid.Exposures.patch;
import static org.ketapath.core.opioid.Exposures.table;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The published worked examples of clinical-facts.md, each computed with the table it was published for. */
@Tag("MEDD-1")
class PublishedExamplesTest {

  static Stream<Arguments> vectors() {
    return Stream.of(
        vector("cdc-2022-clinical", "fentanyl 75 mcg/h patch -> 180 MME/day",
            List.of(patch("75 mcg/h", END.minus(Duration.ofHours(48)), null)), "180"),
        vector("cdc-2022-clinical", "fentanyl 25 mcg/h patch -> 60 MME/day",
            List.of(patch("25 mcg/h", END.minus(Duration.ofHours(48)), null)), "60"),
        vector("cdc-2022-clinical", "oxycodone 10 mg every 12 h -> 30 MME/day",
            List.of(dose("oxycodone", "PO", "10 mg", hoursAfterStart(2)),
                dose("oxycodone", "PO", "10 mg", hoursAfterStart(14))), "30"),
        vector("cdc-2022-clinical", "oxycodone 10 mg four times daily -> 60 MME/day",
            List.of(dose("oxycodone", "PO", "10 mg", hoursAfterStart(2)),
                dose("oxycodone", "PO", "10 mg", hoursAfterStart(8)),
                dose("oxycodone", "PO", "10 mg", hoursAfterStart(14)),
                dose("oxycodone", "PO", "10 mg", hoursAfterStart(20))), "60"),
        vector("cdc-2022-clinical", "hydrocodone 5 mg four times daily -> 20 MME/day (CDC 2022 footnote)",
            List.of(dose("hydrocodone", "PO", "5 mg", hoursAfterStart(2)),
                dose("hydrocodone", "PO", "5 mg", hoursAfterStart(8)),
                dose("hydrocodone", "PO", "5 mg", hoursAfterStart(14)),
                dose("hydrocodone", "PO", "5 mg", hoursAfterStart(20))), "20"),
        vector("cdc-2022-clinical", "morphine 20 mg oral once -> 20",
            List.of(dose("morphine", "oral", "20 mg", hoursAfterStart(10))), "20"),
        vector("us-palliative", "ER morphine 90 mg every 12 h -> 180 mg oral/24 h (Fast Facts #36)",
            List.of(dose("morphine", "oral", "90 mg", hoursAfterStart(2)),
                dose("morphine", "oral", "90 mg", hoursAfterStart(14))), "180"),
        vector("anzca-fpm-2021", "oxycodone 40 mg/day -> 60 mg oral MEDD (ANZCA 2021)",
            List.of(dose("oxycodone", "oral", "20 mg", hoursAfterStart(2)),
                dose("oxycodone", "oral", "20 mg", hoursAfterStart(14))), "60"));
  }

  private static Arguments vector(String table, String example, List<OpioidExposure> exposures, String oral) {
    return Arguments.of(table, example, exposures, oral);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("vectors")
  @DisplayName("MEDD-1: published worked example")
  void publishedExample(String tableId, String example, List<OpioidExposure> exposures, String expectedOral) {
    MeddResult r = MeddCalculator.calculate(table(tableId), exposures, END);
    assertThat(r.oral().mgPerDay()).as(example).isEqualByComparingTo(expectedOral);
    assertThat(r.oral().basis()).isEqualTo(OpioidRoute.ORAL);
    assertThat(r.tableRef()).isEqualTo(tableId + "@1.0");
    assertThat(r.lines()).hasSize(exposures.size());
  }

  @Test
  @Tag("MEDD-2")
  @DisplayName("MEDD-2 [us-palliative] ER morphine 90 mg q12h -> 180 mg oral -> 60 mg IV -> 2.5 mg/h IV (Fast Facts #36)")
  void fastFacts36MorphineChain() {
    MeddResult r = MeddCalculator.calculate(table("us-palliative"),
        List.of(dose("morphine", "oral", "90 mg", hoursAfterStart(2)),
            dose("morphine", "oral", "90 mg", hoursAfterStart(14))), END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo("180");
    MorphineEquivalent iv = r.parenteral().orElseThrow();
    assertThat(iv.basis()).isEqualTo(OpioidRoute.IV);
    assertThat(iv.mgPerDay()).isEqualByComparingTo("60");
    assertThat(iv.perHour().value()).isEqualByComparingTo("2.5");
    assertThat(iv.perHour().unit()).isEqualTo(OpioidUnit.MG);
    assertThat(r.oral()).hasToString("180 mg/day oral morphine");
    assertThat(iv).hasToString("60 mg/day IV morphine");
  }

  @ParameterizedTest(name = "[{0}] morphine 20 mg oral once -> 20")
  @ValueSource(strings = {"cdc-2022-clinical", "us-palliative", "anzca-fpm-2021", "uk-palliative"})
  @DisplayName("MEDD-1: oral morphine is the reference in every table")
  void oralMorphineIsTheReferenceInEveryTable(String tableId) {
    MeddResult r = MeddCalculator.calculate(table(tableId),
        List.of(dose("morphine", "oral", "20 mg", hoursAfterStart(10))), END);
    assertThat(r.oral().mgPerDay()).isEqualByComparingTo(BigDecimal.valueOf(20));
  }
}
