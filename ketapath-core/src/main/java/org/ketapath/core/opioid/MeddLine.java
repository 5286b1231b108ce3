package org.ketapath.core.opioid;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One exposure's share of a MEDD, with enough detail for a pharmacist to redo the sum by hand: what
 * was given inside the window, the factor used (with its source) and the oral morphine it counts for.
 *
 * @param index position of the exposure in the list passed to {@link MeddCalculator}
 * @param exposure the exposure as given
 * @param drug the opioid
 * @param route how it was given
 * @param asNeeded true for a rescue dose
 * @param given what was given inside the window, in words ("75 mcg/h patch on for 12 h of the window")
 * @param amountInWindow the amount given inside the window (for a patch: nominal strength x hours worn)
 * @param hoursInWindow hours an infusion or patch overlapped the window; empty for a discrete dose
 * @param factor the table entry applied
 * @param calculation the arithmetic, e.g. "10 mg x 1.5 oral morphine mg per mg = 15 mg"
 * @param contribution oral morphine mg this exposure adds to the 24 h total
 */
public record MeddLine(
    int index,
    OpioidExposure exposure,
    Opioid drug,
    OpioidRoute route,
    boolean asNeeded,
    String given,
    OpioidAmount amountInWindow,
    Optional<BigDecimal> hoursInWindow,
    ConversionFactor factor,
    String calculation,
    MorphineEquivalent contribution) {

  public MeddLine {
    Objects.requireNonNull(exposure, "exposure");
    Objects.requireNonNull(drug, "drug");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(amountInWindow, "amountInWindow");
    Objects.requireNonNull(hoursInWindow, "hoursInWindow");
    Objects.requireNonNull(factor, "factor");
    Objects.requireNonNull(calculation, "calculation");
    Objects.requireNonNull(contribution, "contribution");
  }

  /** "exposures[0] oxycodone oral: 10 mg given at ...; 10 mg x 1.5 oral morphine mg per mg = 15 mg/day oral morphine". */
  @Override
  public String toString() {
    return "exposures[" + index + "] " + drug.displayName() + " " + route.displayName() + (asNeeded ? " (rescue)" : "")
        + ": " + given + "; " + calculation;
  }
}
