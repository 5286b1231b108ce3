package org.ketapath.core.opioid;

import java.time.Duration;
import java.time.Instant;

/** Short builders for test exposures, written as a chart would: drug, route, "10 mg", time. */
final class Exposures {
  /** The end of every test window; the window is (START, END]. */
  static final Instant END = Instant.parse("2025-03-02T08:00:00Z");
  static final Instant START = END.minus(Duration.ofHours(24));

  private Exposures() {}

  static Instant hoursAfterStart(double hours) {
    return START.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  static Instant hoursBeforeEnd(double hours) {
    return END.minus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  static OpioidExposure.Dose dose(String drug, String route, String amount, Instant at) {
    return new OpioidExposure.Dose(Opioid.parse(drug, "drug"), OpioidRoute.parse(route, "route"),
        OpioidAmount.parse(amount, "amount"), at, false);
  }

  static OpioidExposure.Dose rescue(String drug, String route, String amount, Instant at) {
    return new OpioidExposure.Dose(Opioid.parse(drug, "drug"), OpioidRoute.parse(route, "route"),
        OpioidAmount.parse(amount, "amount"), at, true);
  }

  static OpioidExposure.Infusion infusion(String drug, String route, String rate, Instant from, Instant until) {
    return new OpioidExposure.Infusion(Opioid.parse(drug, "drug"), OpioidRoute.parse(route, "route"),
        OpioidRate.parse(rate, "rate"), from, until);
  }

  static OpioidExposure.Patch patch(String rate, Instant on, Instant off) {
    return new OpioidExposure.Patch(Opioid.FENTANYL, OpioidRate.parse(rate, "rate"), on, off);
  }

  static ConversionTable table(String id) {
    return ConversionTables.builtIn(id, "1.0");
  }
}
