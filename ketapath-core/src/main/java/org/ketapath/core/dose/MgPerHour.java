package org.ketapath.core.dose;

import java.math.BigDecimal;

/** An infusion rate in mg/h (DOSE-1). */
public record MgPerHour(BigDecimal value) implements Comparable<MgPerHour> {
  public static final String UNIT = "mg/h";
  public static final MgPerHour ZERO = new MgPerHour(BigDecimal.ZERO);

  public MgPerHour {
    Decimals.requireNonNegative(value, "rate", UNIT);
    value = Decimals.normalise(value);
  }

  public static MgPerHour of(String value) {
    return new MgPerHour(new BigDecimal(value));
  }

  /** mg/kg/h for this patient; needs the dosing weight (DOSE-2). */
  public MgPerKgPerHour perKg(BodyWeight weight) {
    return new MgPerKgPerHour(value.divide(weight.kg(), Decimals.DIVISION));
  }

  /** Exact (unrounded) pump rate: mL/h = (mg/h) / (mg/mL) (DOSE-3). */
  public MlPerHour atConcentration(MgPerMl concentration) {
    return new MlPerHour(value.divide(concentration.value(), Decimals.DIVISION));
  }

  public MgPerHour plus(MgPerHour other) {
    return new MgPerHour(value.add(other.value));
  }

  /** Subtraction that refuses to go below zero rather than clamping. */
  public MgPerHour minus(MgPerHour other) {
    return new MgPerHour(value.subtract(other.value));
  }

  public MgPerHour min(MgPerHour other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public boolean exceeds(MgPerHour other) {
    return value.compareTo(other.value) > 0;
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public int compareTo(MgPerHour o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return Decimals.display(value, 2) + " " + UNIT;
  }
}
