package org.ketapath.core.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.data.DataException;
import org.ketapath.core.data.LocatedTree;
import org.ketapath.core.timeline.EventJson;

/** DOSE-1: what is not a dose is refused, and the refusal names the field it came from. */
@Tag("DOSE-1")
class QuantityRefusalsTest {
  private static final Instant T = Instant.parse("2024-03-04T08:00:00Z");

  private static KetaPathException refusal(Executable e) {
    Throwable t = catchThrowable(e::execute);
    assertThat(t).isInstanceOf(KetaPathException.class);
    return (KetaPathException) t;
  }

  private static void assertNamesField(KetaPathException e, String field) {
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).contains(field);
    assertThat(e.ruleIds()).contains("DOSE-1");
  }

  @Test
  @DisplayName("DOSE-1 DOSE-2: a negative or zero weight is refused naming weight.kg")
  void negativeOrZeroWeight() {
    KetaPathException negative = refusal(() -> BodyWeight.of("-70", T));
    assertNamesField(negative, "weight.kg");
    assertThat(negative.getMessage()).contains("must not be negative", "-70");
    KetaPathException zero = refusal(() -> BodyWeight.of("0", T));
    assertNamesField(zero, "weight.kg");
    assertThat(zero.getMessage()).contains("above 0 kg");
    KetaPathException missing = refusal(() -> new BodyWeight(null, T));
    assertNamesField(missing, "weight.kg");
    assertThat(missing.getMessage()).contains("missing");
  }

  @Test
  @DisplayName("DOSE-1: negative rates and a zero or negative concentration are refused naming the field")
  void negativeRatesAndConcentrations() {
    Random r = new Random(20_240_310L);
    for (int i = 0; i < 1_000; i++) {
      BigDecimal negative = BigDecimal.valueOf(-1 - r.nextInt(100_000), r.nextInt(5));
      assertNamesField(refusal(() -> new MgPerKgPerHour(negative)), "rate");
      assertNamesField(refusal(() -> new MgPerHour(negative)), "rate");
      assertNamesField(refusal(() -> new MlPerHour(negative)), "pumpRate");
      assertNamesField(refusal(() -> new MgPerMl(negative)), "concentration");
    }
    assertNamesField(refusal(() -> MgPerMl.of("0")), "concentration");
    assertNamesField(refusal(() -> new MgPerHour(null)), "rate");
  }

  @Test
  @DisplayName("DOSE-1: subtracting below zero is refused, never clamped to zero")
  void subtractionBelowZeroIsRefused() {
    KetaPathException e = refusal(() -> MgPerHour.of("4").minus(MgPerHour.of("6")));
    assertNamesField(e, "rate");
  }

  @ParameterizedTest(name = "DOSE-1: \"{0}\" is refused naming order.maxRate")
  @ValueSource(strings = {"10 mg/min", "0.1 mcg/kg/min", "10 mg", "10 mL", "1 g/h", "0.1 mg/kg", "5 units/h",
      "10 mg/kg/day", "10 mgh"})
  @Tag("DOSE-1")
  void unknownUnits(String text) {
    KetaPathException e = refusal(() -> DoseRate.parse(text, "order.maxRate"));
    assertNamesField(e, "order.maxRate");
    assertThat(e.getMessage()).contains("unknown unit", "mg/kg/h, mg/h or mL/h");
  }

  @Test
  @DisplayName("DOSE-1: a bare number without a unit is refused naming the field")
  void bareNumbers() {
    Random r = new Random(20_240_311L);
    for (int i = 0; i < 1_000; i++) {
      String bare = BigDecimal.valueOf(r.nextInt(100_000), r.nextInt(4)).toPlainString();
      KetaPathException e = refusal(() -> DoseRate.parse(bare, "started.rate"));
      assertNamesField(e, "started.rate");
      assertThat(e.getMessage()).contains("has no unit");
    }
  }

  @Test
  @DisplayName("DOSE-1: negative, empty and non-numeric rates are refused naming the field")
  void negativeEmptyAndNonNumeric() {
    assertThat(refusal(() -> DoseRate.parse("-0.1 mg/kg/h", "step")).getMessage()).contains("step",
        "must not be negative");
    assertThat(refusal(() -> DoseRate.parse("  ", "step")).getMessage()).contains("step", "missing");
    assertThat(refusal(() -> DoseRate.parse(null, "step")).getMessage()).contains("step", "missing");
    assertThat(refusal(() -> DoseRate.parse("ten mg/h", "step")).getMessage()).contains("step",
        "does not start with a number");
  }

  @Test
  @DisplayName("DOSE-1: in a timeline, unknown units, bare numbers and negative weights name file, line and field")
  void timelineFieldsAreNamed() {
    assertThat(eventRefusal("{\"id\":\"e1\",\"at\":\"2024-03-04T08:00:00Z\",\"type\":\"rateChange\","
        + "\"by\":{\"id\":\"rn\",\"role\":\"NURSE\"},\n\"rate\":\"10 mg/min\"}").getMessage())
        .startsWith("t.json:2: rate: ").contains("unknown unit \"mg/min\"", "(DOSE-1)");
    assertThat(eventRefusal("{\"id\":\"e1\",\"at\":\"2024-03-04T08:00:00Z\",\"type\":\"started\","
        + "\"by\":{\"id\":\"rn\",\"role\":\"NURSE\"},\n\"rate\":\"10\"}").getMessage())
        .startsWith("t.json:2: rate: ").contains("has no unit", "(DOSE-1)");
    DataException weight = eventRefusal("{\"id\":\"e1\",\"at\":\"2024-03-04T08:00:00Z\",\"type\":\"weight\","
        + "\"by\":{\"id\":\"rn\",\"role\":\"NURSE\"},\n\"kg\":-70}");
    assertThat(weight.getMessage()).startsWith("t.json:2: kg: ");
    assertThat(weight.field()).isEqualTo("kg");
  }

  private static DataException eventRefusal(String json) {
    Throwable t = catchThrowable(() -> EventJson.event(LocatedTree.json("t.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))));
    assertThat(t).isInstanceOf(DataException.class);
    return (DataException) t;
  }

  @Test
  @DisplayName("DOSE-1: every dose type refuses null instead of treating it as zero")
  void nullsAreRefused() {
    for (Executable e : List.<Executable>of(() -> new MgPerKgPerHour(null), () -> new MlPerHour(null),
        () -> new MgPerMl(null))) {
      assertThat(refusal(e).getMessage()).contains("missing");
    }
  }
}
