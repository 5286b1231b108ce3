package org.ketapath.core.opioid;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import org.ketapath.core.dose.Decimals;

/**
 * A morphine-equivalent daily dose in mg of morphine per 24 h, always with the route it is
 * expressed in (MEDD-1): ORAL, or IV/SC for the parenteral figure (MEDD-2). Full precision is kept;
 * only {@link #toString()} rounds.
 */
public record MorphineEquivalent(BigDecimal mgPerDay, OpioidRoute basis) implements Comparable<MorphineEquivalent> {
  static final MathContext PRECISION = MathContext.DECIMAL128;
  private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

  public MorphineEquivalent {
    Objects.requireNonNull(basis, "basis");
    Quantities.requireNonNegative(mgPerDay, "mgPerDay", "mg/day");
    if (basis == OpioidRoute.TRANSDERMAL) {
      throw Refusals.medd1(Refusals.ROUTE, "basis", "a morphine equivalent is expressed as oral, IV or SC morphine");
    }
    mgPerDay = org.ketapath.core.dose.Decimals.normalise(mgPerDay);
  }

  public static MorphineEquivalent oral(BigDecimal mgPerDay) {
    return new MorphineEquivalent(mgPerDay, OpioidRoute.ORAL);
  }

  /** The same daily amount as an hourly rate of morphine by the same route: 60 mg/day IV is 2.5 mg/h IV. */
  public OpioidRate perHour() {
    return new OpioidRate(mgPerDay.divide(HOURS_PER_DAY, PRECISION), OpioidUnit.MG);
  }

  /** True when this is at or above {@code thresholdMgPerDay}, e.g. the CIVIK-2 120 mg/day IV threshold. */
  public boolean atLeast(BigDecimal thresholdMgPerDay) {
    return mgPerDay.compareTo(thresholdMgPerDay) >= 0;
  }

  /** Sum of two equivalents on the same basis; different bases are never added. */
  public MorphineEquivalent plus(MorphineEquivalent other) {
    if (other.basis != basis) {
      throw new IllegalArgumentException("cannot add " + other + " to " + this + ": different route basis");
    }
    return new MorphineEquivalent(mgPerDay.add(other.mgPerDay), basis);
  }

  /** Orders by amount; only meaningful on the same basis, so a different basis is refused. */
  @Override
  public int compareTo(MorphineEquivalent other) {
    if (other.basis != basis) {
      throw new IllegalArgumentException("cannot compare " + other + " with " + this + ": different route basis");
    }
    return mgPerDay.compareTo(other.mgPerDay);
  }

  /** "376 mg/day oral morphine", "125.3 mg/day IV morphine" (one decimal, display only). */
  @Override
  public String toString() {
    return Decimals.display(mgPerDay, 1) + " mg/day " + basis.displayName() + " morphine";
  }
}
