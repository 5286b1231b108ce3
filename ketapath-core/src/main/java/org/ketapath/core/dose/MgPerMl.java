package org.ketapath.core.dose;

import java.math.BigDecimal;

/** Bag concentration in mg/mL (DOSE-3). Must be positive: a zero concentration cannot deliver a dose. */
public record MgPerMl(BigDecimal value) {
  public static final String UNIT = "mg/mL";

  public MgPerMl {
    Decimals.requireNonNegative(value, "concentration", UNIT);
    if (value.signum() == 0) {
      throw new InvalidQuantityException("concentration", "concentration must be above 0 mg/mL");
    }
    value = Decimals.normalise(value);
  }

  public static MgPerMl of(String value) {
    return new MgPerMl(new BigDecimal(value));
  }

  @Override
  public String toString() {
    return Decimals.plain(value) + " " + UNIT;
  }
}
