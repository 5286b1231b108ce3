package org.ketapath.core.dose;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ketapath.core.KetaPathException;

/**
 * DOSE-2: a weight-based dose needs a recorded, plausible and recent weight. The bounds and the
 * maximum age are protocol data (the age is a local choice: the documents are silent).
 */
public record WeightPolicy(BigDecimal minKg, BigDecimal maxKg, Duration maxAge) {

  public WeightPolicy {
    if (minKg == null || maxKg == null || maxAge == null) {
      throw new IllegalArgumentException("weight policy needs minKg, maxKg and maxAge");
    }
  }

  /** Why a weight cannot be used for dosing, in words a nurse can act on. */
  public Optional<String> problem(Optional<BodyWeight> weight, Instant now) {
    if (weight.isEmpty()) {
      return Optional.of("No body weight is recorded; weigh the patient (kg, measured, not estimated) before dosing");
    }
    BodyWeight w = weight.get();
    if (w.kg().compareTo(minKg) < 0 || w.kg().compareTo(maxKg) > 0) {
      return Optional.of("Recorded weight " + w + " is outside the plausible range " + Decimals.plain(minKg) + "-"
          + Decimals.plain(maxKg) + " kg; check for a unit or entry error and re-weigh");
    }
    if (w.measuredAt().isAfter(now)) {
      return Optional.of("Recorded weight is dated in the future (" + w.measuredAt() + ")");
    }
    Duration age = Duration.between(w.measuredAt(), now);
    if (age.compareTo(maxAge) > 0) {
      return Optional.of("Recorded weight " + w + " was measured " + age.toHours() + " h ago, more than the "
          + maxAge.toHours() + " h this protocol accepts; re-weigh before dosing");
    }
    return Optional.empty();
  }

  /** The weight if it may be used for dosing, otherwise a refusal naming DOSE-2. */
  public BodyWeight require(Optional<BodyWeight> weight, Instant now) {
    Optional<String> problem = problem(weight, now);
    if (problem.isPresent()) {
      throw new KetaPathException("DOSE-WEIGHT", "patient.weight", List.of("DOSE-2"), problem.get());
    }
    return weight.orElseThrow();
  }
}
