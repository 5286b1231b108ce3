package org.ketapath.core.dose;

import java.math.BigDecimal;

/** A weight-based infusion rate in mg/kg/h (DOSE-1). Converting to mg/h needs the body weight. */
public record MgPerKgPerHour(BigDecimal value) implements Comparable<MgPerKgPerHour> {
  public static final String UNIT = "mg/kg/h";

  public MgPerKgPerHour {
    Decimals.requireNonNegative(value, "rate", UNIT);
    value = Decimals.normalise(value);
  }

  public static MgPerKgPerHour of(String value) {
    return new MgPerKgPerHour(new BigDecimal(value));
  }

  public MgPerHour times(BodyWeight weight) {
    return new MgPerHour(value.multiply(weight.kg()));
  }

  public MgPerKgPerHour plus(MgPerKgPerHour other) {
    return new MgPerKgPerHour(value.add(other.value));
  }

  public boolean exceeds(MgPerKgPerHour other) {
    return value.compareTo(other.value) > 0;
  }

  @Override
  public int compareTo(MgPerKgPerHour o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return Decimals.display(value, 3) + " " + UNIT;
  }
}
