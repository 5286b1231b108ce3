package org.ketapath.core.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded random checks of the dose arithmetic (DOSE-1, DOSE-3): thousands of weights (25-300 kg in
 * 0.1 kg steps), rates (0-0.5 mg/kg/h) and the standard bag concentrations. The seeds are fixed, so
 * a failure names the case and reproduces exactly.
 */
@Tag("DOSE-1")
@Tag("DOSE-3")
class DoseArithmeticRandomTest {
  private static final int CASES = 5_000;
  private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");
  private static final List<MgPerMl> CONCENTRATIONS = List.of(MgPerMl.of("0.5"), MgPerMl.of("1"), MgPerMl.of("2"),
      MgPerMl.of("10"));
  private static final BigDecimal STEP = new BigDecimal("0.1");
  private static final PumpRounding DOWN = PumpRounding.DEFAULT;
  private static final PumpRounding UP = new PumpRounding(STEP, RoundingMode.UP);
  private static final Instant WEIGHED = Instant.parse("2024-03-04T08:00:00Z");

  /** 25.0-300.0 kg in 0.1 kg steps. */
  private static BodyWeight weight(Random r) {
    return new BodyWeight(BigDecimal.valueOf(250 + r.nextInt(2_751), 1), WEIGHED);
  }

  /** 0-0.5 mg/kg/h with six decimals, zero included. */
  private static MgPerKgPerHour rate(Random r) {
    return new MgPerKgPerHour(BigDecimal.valueOf(r.nextInt(500_001), 6));
  }

  private static MgPerMl concentration(Random r) {
    return CONCENTRATIONS.get(r.nextInt(CONCENTRATIONS.size()));
  }

  private static void assertRelativelyClose(BigDecimal expected, BigDecimal actual, String what) {
    BigDecimal diff = expected.subtract(actual).abs();
    BigDecimal allowed = expected.abs().multiply(TOLERANCE);
    assertThat(diff.compareTo(allowed)).as("%s: expected %s, got %s (|difference| %s > %s)", what,
        expected.toPlainString(), actual.toPlainString(), diff.toPlainString(), allowed.toPlainString())
        .isLessThanOrEqualTo(0);
  }

  @Test
  @DisplayName("DOSE-1: mg/kg/h -> mg/h -> mg/kg/h round-trips within 1e-9 relative")
  void weightBasedRoundTrip() {
    Random r = new Random(20_240_301L);
    for (int i = 0; i < CASES; i++) {
      BodyWeight w = weight(r);
      MgPerKgPerHour rate = rate(r);
      MgPerHour mgh = rate.times(w);
      MgPerKgPerHour back = mgh.perKg(w);
      assertRelativelyClose(rate.value(), back.value(), "case " + i + ": " + rate + " at " + w);
    }
  }

  @Test
  @DisplayName("DOSE-3: mg/h -> mL/h -> mg/h round-trips within 1e-9 relative")
  void pumpRoundTrip() {
    Random r = new Random(20_240_302L);
    for (int i = 0; i < CASES; i++) {
      MgPerHour mgh = rate(r).times(weight(r));
      MgPerMl c = concentration(r);
      MlPerHour ml = mgh.atConcentration(c);
      MgPerHour back = ml.atConcentration(c);
      assertRelativelyClose(mgh.value(), back.value(), "case " + i + ": " + mgh + " at " + c);
    }
  }

  @Test
  @DisplayName("DOSE-3 DOSE-4: pump rounding DOWN never delivers more than the dose and is within one 0.1 mL/h step")
  void roundingDownNeverDeliversMore() {
    Random r = new Random(20_240_303L);
    for (int i = 0; i < CASES; i++) {
      MgPerHour mgh = rate(r).times(weight(r));
      MgPerMl c = concentration(r);
      MlPerHour exact = mgh.atConcentration(c);
      MlPerHour pump = DOWN.round(exact);
      String what = "case " + i + ": " + mgh + " at " + c + " = " + exact.value().toPlainString() + " mL/h -> " + pump;
      assertThat(pump.compareTo(exact)).as(what).isLessThanOrEqualTo(0);
      assertThat(exact.value().subtract(pump.value()).compareTo(STEP)).as(what + " within one step").isLessThan(0);
      assertThat(pump.atConcentration(c).compareTo(mgh)).as(what + " delivers no more than the dose")
          .isLessThanOrEqualTo(0);
      assertMultipleOfStep(pump, what);
    }
  }

  @Test
  @DisplayName("DOSE-3: pump rounding UP never delivers less than the dose and is within one 0.1 mL/h step")
  void roundingUpNeverDeliversLess() {
    Random r = new Random(20_240_304L);
    for (int i = 0; i < CASES; i++) {
      MgPerHour mgh = rate(r).times(weight(r));
      MgPerMl c = concentration(r);
      MlPerHour exact = mgh.atConcentration(c);
      MlPerHour pump = UP.round(exact);
      String what = "case " + i + ": " + mgh + " at " + c + " = " + exact.value().toPlainString() + " mL/h -> " + pump;
      assertThat(pump.compareTo(exact)).as(what).isGreaterThanOrEqualTo(0);
      assertThat(pump.value().subtract(exact.value()).compareTo(STEP)).as(what + " within one step").isLessThan(0);
      assertThat(pump.atConcentration(c).compareTo(mgh)).as(what + " delivers at least the dose")
          .isGreaterThanOrEqualTo(0);
      assertMultipleOfStep(pump, what);
    }
  }

  private static void assertMultipleOfStep(MlPerHour pump, String what) {
    assertThat(pump.value().remainder(STEP).signum()).as(what + ": a multiple of 0.1 mL/h").isZero();
    assertThat(pump.value().scale()).as(what + ": at most one decimal").isLessThanOrEqualTo(1);
  }

  @Test
  @DisplayName("DOSE-3: RateSet.of shows one rate consistently in mg/h, mg/kg/h and mL/h")
  void rateSetIsConsistentAcrossUnits() {
    Random r = new Random(20_240_305L);
    for (int i = 0; i < CASES; i++) {
      BodyWeight w = weight(r);
      MgPerHour mgh = rate(r).times(w);
      MgPerMl c = concentration(r);
      PumpRounding rounding = r.nextBoolean() ? DOWN : UP;
      RateSet set = RateSet.of(mgh, w, c, rounding);
      String what = "case " + i + ": " + mgh + ", " + w + ", " + c + ", " + rounding.describe();
      assertThat(set.mgPerHour()).as(what).isEqualTo(mgh);
      assertRelativelyClose(mgh.value(), set.mgPerKgPerHour().times(w).value(), what + " (mg/kg/h x kg)");
      assertRelativelyClose(mgh.value(), set.exactPumpRate().atConcentration(c).value(), what + " (exact mL/h x mg/mL)");
      assertThat(set.pumpRate()).as(what + " (pump rate)").isEqualTo(rounding.round(set.exactPumpRate()));
      assertThat(set.deliveredMgPerHour().compareTo(set.pumpRate().atConcentration(c))).as(what + " (delivered)")
          .isZero();
      int direction = set.deliveredMgPerHour().compareTo(mgh);
      if (rounding == DOWN) {
        assertThat(direction).as(what + ": DOWN delivers no more than the dose").isLessThanOrEqualTo(0);
      } else {
        assertThat(direction).as(what + ": UP delivers at least the dose").isGreaterThanOrEqualTo(0);
      }
      assertThat(set.rounding()).isEqualTo(rounding.describe());
      assertThat(set.summary()).contains(MgPerHour.UNIT, MgPerKgPerHour.UNIT, MlPerHour.UNIT);
    }
  }

  @Test
  @DisplayName("DOSE-1: DoseRate.parse of a formatted rate gives back the same value and unit")
  void formattedRatesParseBack() {
    Random r = new Random(20_240_306L);
    for (int i = 0; i < CASES; i++) {
      DoseRate written = switch (r.nextInt(3)) {
        // At the precision each type displays: mg/kg/h to 3 decimals, mg/h and mL/h to 2.
        case 0 -> new DoseRate.WeightBased(new MgPerKgPerHour(BigDecimal.valueOf(r.nextInt(501), 3)));
        case 1 -> new DoseRate.Absolute(new MgPerHour(BigDecimal.valueOf(r.nextInt(15_001), 2)));
        default -> new DoseRate.Pump(new MlPerHour(BigDecimal.valueOf(r.nextInt(30_001), 2)));
      };
      String text = written.toString();
      DoseRate parsed = DoseRate.parse(text, "case" + i);
      assertThat(parsed.unit()).as(text).isEqualTo(written.unit());
      assertThat(parsed.getClass()).as(text).isEqualTo(written.getClass());
      assertThat(value(parsed).compareTo(value(written))).as(text + " parsed as " + parsed).isZero();
    }
  }

  @Test
  @DisplayName("DOSE-1: a rate with more decimals than shown parses back within half a displayed digit")
  void displayedRatesAreRoundedNotTruncated() {
    Random r = new Random(20_240_307L);
    BigDecimal halfDigit = new BigDecimal("0.0005");
    for (int i = 0; i < CASES; i++) {
      MgPerKgPerHour rate = rate(r);
      DoseRate parsed = DoseRate.parse(new DoseRate.WeightBased(rate).toString(), "rate");
      assertThat(value(parsed).subtract(rate.value()).abs().compareTo(halfDigit)).as(rate.value().toPlainString())
          .isLessThanOrEqualTo(0);
    }
  }

  @Test
  @DisplayName("DOSE-1: the spellings clinicians write (hr, /hour, ML/H) parse to the same rate")
  void unitSpellings() {
    Random r = new Random(20_240_308L);
    String[][] spellings = {
        {"mg/kg/h", "mg/kg/hr", "mg/kg/hour", "MG/KG/H"},
        {"mg/h", "mg/hr", "mg/hour", "Mg/H"},
        {"mL/h", "ml/h", "mL/hr", "ML/HOUR"}};
    for (int i = 0; i < CASES / 10; i++) {
      BigDecimal n = BigDecimal.valueOf(r.nextInt(100_000), r.nextInt(4));
      String[] unit = spellings[r.nextInt(3)];
      DoseRate reference = DoseRate.parse(n.toPlainString() + " " + unit[0], "rate");
      for (String u : unit) {
        DoseRate p = DoseRate.parse(n.toPlainString() + " " + u, "rate");
        assertThat(p).as(n + " " + u).isEqualTo(reference);
      }
    }
  }

  @Test
  @DisplayName("DOSE-1 DOSE-3: converting a written rate needs its weight or concentration, and uses only that")
  void doseRateConversionUsesTheRightDenominator() {
    Random r = new Random(20_240_309L);
    for (int i = 0; i < CASES; i++) {
      BodyWeight w = weight(r);
      MgPerMl c = concentration(r);
      MgPerKgPerHour perKg = rate(r);
      assertThat(new DoseRate.WeightBased(perKg).toMgPerHour(w, c)).isEqualTo(perKg.times(w));
      MgPerHour mgh = perKg.times(w);
      assertThat(new DoseRate.Absolute(mgh).toMgPerHour(w, c)).isEqualTo(mgh);
      MlPerHour ml = new MlPerHour(mgh.value().divide(c.value(), MathContext.DECIMAL64));
      assertThat(new DoseRate.Pump(ml).toMgPerHour(w, c)).isEqualTo(ml.atConcentration(c));
    }
  }

  private static BigDecimal value(DoseRate d) {
    if (d instanceof DoseRate.WeightBased wb) {
      return wb.rate().value();
    }
    if (d instanceof DoseRate.Absolute a) {
      return a.rate().value();
    }
    return ((DoseRate.Pump) d).rate().value();
  }
}
