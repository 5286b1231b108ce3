package org.ketapath.core.dose;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A measured body weight in kg with the time it was measured (DOSE-2). Plausibility and staleness
 * are protocol data, checked by {@link WeightPolicy}; this type only refuses what is never a weight.
 */
public record BodyWeight(BigDecimal kg, Instant measuredAt) {
  public BodyWeight {
    Decimals.requireNonNegative(kg, "weight.kg", "kg");
    if (kg.signum() == 0) {
      throw new InvalidQuantityException("weight.kg", "weight.kg must be above 0 kg");
    }
    kg = Decimals.normalise(kg);
    Objects.requireNonNull(measuredAt, "measuredAt");
  }

  public static BodyWeight of(String kg, Instant measuredAt) {
    return new BodyWeight(new BigDecimal(kg), measuredAt);
  }

  @Override
  public String toString() {
    return Decimals.plain(kg) + " kg";
  }
}
