package org.ketapath.core.dose;

import java.math.BigDecimal;

/** A pump rate in mL/h (DOSE-1, DOSE-3). Converting to mg/h needs the bag concentration. */
public record MlPerHour(BigDecimal value) implements Comparable<MlPerHour> {
  public static final String UNIT = "mL/h";

  public MlPerHour {
    Decimals.requireNonNegative(value, "pumpRate", UNIT);
    value = Decimals.normalise(value);
  }

  public static MlPerHour of(String value) {
    return new MlPerHour(new BigDecimal(value));
  }

  public MgPerHour atConcentration(MgPerMl concentration) {
    return new MgPerHour(value.multiply(concentration.value()));
  }

  @Override
  public int compareTo(MlPerHour o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return Decimals.display(value, 2) + " " + UNIT;
  }
}
