package org.ketapath.core.dose;

import java.math.BigDecimal;

/** A weight-based single dose in mg/kg (GDL-5 bolus limits). */
public record MgPerKg(BigDecimal value) implements Comparable<MgPerKg> {
  public static final String UNIT = "mg/kg";

  public MgPerKg {
    Decimals.requireNonNegative(value, "dose", UNIT);
    value = Decimals.normalise(value);
  }

  public static MgPerKg of(String value) {
    return new MgPerKg(new BigDecimal(value));
  }

  @Override
  public int compareTo(MgPerKg o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return Decimals.display(value, 3) + " " + UNIT;
  }
}
