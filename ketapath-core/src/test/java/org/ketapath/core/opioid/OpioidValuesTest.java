package org.ketapath.core.opioid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketapath.core.KetaPathException;

@Tag("MEDD-1")
@DisplayName("MEDD-1 opioid names, routes and quantities")
class OpioidValuesTest {
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  @Test
  void opioidsCarryTheirRxNormIngredientCodes() {
    assertThat(Opioid.MORPHINE.rxNormIngredient()).isEqualTo("7052");
    assertThat(Opioid.HYDROMORPHONE.rxNormIngredient()).isEqualTo("3423");
    assertThat(Opioid.FENTANYL.rxNormIngredient()).isEqualTo("4337");
    assertThat(Opioid.OXYCODONE.rxNormIngredient()).isEqualTo("7804");
    assertThat(Opioid.METHADONE.rxNormIngredient()).isEqualTo("6813");
    assertThat(Opioid.HYDROCODONE.rxNormIngredient()).isEqualTo("5489");
    assertThat(Opioid.CODEINE.rxNormIngredient()).isEqualTo("2670");
    assertThat(Opioid.TRAMADOL.rxNormIngredient()).isEqualTo("10689");
    assertThat(Opioid.TAPENTADOL.rxNormIngredient()).isEqualTo("787390");
    assertThat(Opioid.OXYMORPHONE.rxNormIngredient()).isEqualTo("7814");
  }

  @ParameterizedTest
  @ValueSource(strings = {"morphine", "MORPHINE", " Morphine "})
  void opioidNamesParseCaseInsensitively(String text) {
    assertThat(Opioid.parse(text, "drug")).isEqualTo(Opioid.MORPHINE);
  }

  @Test
  void unknownOpioidIsRefusedListingTheAcceptedNames() {
    assertThatThrownBy(() -> Opioid.parse("diamorphine", "orders[2].drug"))
        .isInstanceOfSatisfying(KetaPathException.class, e -> {
          assertThat(e.code()).isEqualTo("MEDD-DRUG");
          assertThat(e.field()).isEqualTo("orders[2].drug");
          assertThat(e.ruleIds()).containsExactly("MEDD-1");
          assertThat(e.getMessage()).contains("orders[2].drug", "diamorphine", "morphine", "hydromorphone",
              "oxymorphone", "tapentadol");
        });
    assertThatThrownBy(() -> Opioid.parse(null, "drug")).hasMessageContaining("drug is missing");
  }

  @ParameterizedTest
  @CsvSource({"oral,ORAL", "PO,ORAL", "po,ORAL", "IV,IV", "intravenous,IV", "SC,SC", "subcut,SC",
      "SUBCUTANEOUS,SC", "transdermal,TRANSDERMAL", "TD,TRANSDERMAL", "patch,TRANSDERMAL"})
  void routesParseWithTheirClinicalSpellings(String text, OpioidRoute expected) {
    assertThat(OpioidRoute.parse(text, "route")).isEqualTo(expected);
  }

  @Test
  void unknownRouteIsRefusedNamingTheField() {
    assertThatThrownBy(() -> OpioidRoute.parse("intrathecal", "dose.route"))
        .isInstanceOfSatisfying(KetaPathException.class, e -> {
          assertThat(e.code()).isEqualTo("MEDD-ROUTE");
          assertThat(e.field()).isEqualTo("dose.route");
          assertThat(e.getMessage()).contains("intrathecal", "PO", "subcut", "patch");
        });
  }

  @Test
  void amountsParseWithTheirUnit() {
    assertThat(OpioidAmount.parse("10 mg", "amount")).isEqualTo(new OpioidAmount(new BigDecimal("10"), OpioidUnit.MG));
    assertThat(OpioidAmount.parse("100mcg", "amount")).isEqualTo(OpioidAmount.of("100", OpioidUnit.MCG));
    assertThat(OpioidAmount.parse("2.5 MG", "amount").value()).isEqualByComparingTo("2.5");
    assertThat(OpioidAmount.parse("100 mcg", "amount").in(OpioidUnit.MG)).isEqualByComparingTo("0.1");
    assertThat(OpioidAmount.parse("0.25 mg", "amount").in(OpioidUnit.MCG)).isEqualByComparingTo("250");
    assertThat(OpioidAmount.parse("2.50 mg", "amount")).hasToString("2.5 mg");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-5 mg|must not be negative",
      "10|has no unit",
      "''|is missing",
      "mg 10|does not start with a number",
      "10 ml|unknown unit"})
  void badAmountsAreRefusedNamingTheField(String text, String problem) {
    assertThatThrownBy(() -> OpioidAmount.parse(text, "rescue.amount"))
        .isInstanceOfSatisfying(KetaPathException.class, e -> {
          assertThat(e.code()).isEqualTo("MEDD-QUANTITY");
          assertThat(e.field()).isEqualTo("rescue.amount");
          assertThat(e.getMessage()).contains("rescue.amount", problem);
        });
  }

  @Test
  void constructorsRefuseNegativeOrMissingValues() {
    assertThatThrownBy(() -> new OpioidAmount(new BigDecimal("-1"), OpioidUnit.MG))
        .isInstanceOf(KetaPathException.class).hasMessageContaining("amount must not be negative");
    assertThatThrownBy(() -> new OpioidAmount(null, OpioidUnit.MG))
        .isInstanceOf(KetaPathException.class).hasMessageContaining("amount is missing");
    assertThatThrownBy(() -> new OpioidRate(new BigDecimal("-1"), OpioidUnit.MCG))
        .isInstanceOf(KetaPathException.class).hasMessageContaining("rate must not be negative");
  }

  @ParameterizedTest
  @CsvSource({"75 mcg/h,75,MCG", "75 mcg/hr,75,MCG", "2 mg/h,2,MG", "2.5 mg / hour,2.5,MG", "12 ug/h,12,MCG"})
  void ratesParsePerHour(String text, String value, OpioidUnit unit) {
    OpioidRate rate = OpioidRate.parse(text, "rate");
    assertThat(rate.value()).isEqualByComparingTo(value);
    assertThat(rate.unit()).isEqualTo(unit);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "75 mcg|not per hour",
      "75 mcg/day|not per hour",
      "-25 mcg/h|must not be negative",
      "75|has no unit",
      "2 ml/h|unknown unit"})
  void badRatesAreRefusedNamingTheField(String text, String problem) {
    assertThatThrownBy(() -> OpioidRate.parse(text, "patch.rate"))
        .isInstanceOfSatisfying(KetaPathException.class, e -> {
          assertThat(e.field()).isEqualTo("patch.rate");
          assertThat(e.getMessage()).contains("patch.rate", problem);
        });
  }

  @Test
  void exposuresRefuseImpossibleShapes() {
    OpioidAmount tenMg = OpioidAmount.parse("10 mg", "amount");
    OpioidRate twoMgH = OpioidRate.parse("2 mg/h", "rate");
    assertThatThrownBy(() -> new OpioidExposure.Dose(Opioid.FENTANYL, OpioidRoute.TRANSDERMAL, tenMg, T0, false))
        .isInstanceOf(KetaPathException.class).hasMessageContaining("patch");
    assertThatThrownBy(() -> new OpioidExposure.Infusion(Opioid.MORPHINE, OpioidRoute.ORAL, twoMgH, T0, null))
        .isInstanceOf(KetaPathException.class).hasMessageContaining("infusion.route must be IV or SC");
    assertThatThrownBy(() -> new OpioidExposure.Infusion(Opioid.MORPHINE, OpioidRoute.IV, twoMgH, T0,
        T0.minusSeconds(1))).isInstanceOf(KetaPathException.class).hasMessageContaining("infusion.until");
    assertThatThrownBy(() -> new OpioidExposure.Patch(Opioid.FENTANYL, OpioidRate.parse("25 mcg/h", "rate"), T0,
        T0.minusSeconds(60))).isInstanceOf(KetaPathException.class).hasMessageContaining("patch.removedAt");
    assertThatThrownBy(() -> new OpioidExposure.Dose(Opioid.MORPHINE, OpioidRoute.ORAL, tenMg, null, false))
        .isInstanceOfSatisfying(KetaPathException.class, e -> assertThat(e.field()).isEqualTo("dose.givenAt"));
    assertThat(new OpioidExposure.Patch(Opioid.FENTANYL, OpioidRate.parse("25 mcg/h", "rate"), T0, null).route())
        .isEqualTo(OpioidRoute.TRANSDERMAL);
  }
}
