package org.ketapath.core.dose;

import java.util.Objects;

/**
 * One infusion rate shown in all three units (DOSE-3): mg/kg/h for the protocol, mg/h for the
 * order, and the mL/h to program, rounded to the pump's resolution, with the exact mL/h and the
 * mg/h the rounded pump rate actually delivers.
 */
public record RateSet(
    MgPerKgPerHour mgPerKgPerHour,
    MgPerHour mgPerHour,
    MlPerHour pumpRate,
    MlPerHour exactPumpRate,
    MgPerHour deliveredMgPerHour,
    String rounding) {

  public RateSet {
    Objects.requireNonNull(mgPerKgPerHour);
    Objects.requireNonNull(mgPerHour);
    Objects.requireNonNull(pumpRate);
    Objects.requireNonNull(exactPumpRate);
    Objects.requireNonNull(deliveredMgPerHour);
  }

  public static RateSet of(MgPerHour rate, BodyWeight weight, MgPerMl concentration, PumpRounding rounding) {
    MlPerHour exact = rate.atConcentration(concentration);
    MlPerHour rounded = rounding.round(exact);
    return new RateSet(rate.perKg(weight), rate, rounded, exact, rounded.atConcentration(concentration),
        rounding.describe());
  }

  /** "10 mg/h = 0.1 mg/kg/h = 10 mL/h". */
  public String summary() {
    return mgPerHour + " = " + mgPerKgPerHour + " = " + pumpRate;
  }
}
