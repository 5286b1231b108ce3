package org.ketapath.core.opioid;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.ketapath.core.dose.Decimals;

/**
 * One entry of a conversion table: oral morphine mg per {@link FactorUnit} of {@code drug} given by
 * {@code route}, with where the number comes from and, for conversions known to be unreliable, the
 * warning a result that uses it must carry (MEDD-3).
 */
public record ConversionFactor(
    Opioid drug, OpioidRoute route, FactorUnit per, BigDecimal factor, String source, Optional<String> warning) {

  public ConversionFactor {
    Objects.requireNonNull(drug, "drug");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(per, "per");
    Objects.requireNonNull(factor, "factor");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(warning, "warning");
    if (factor.signum() <= 0) {
      throw new IllegalArgumentException("conversion factor must be positive, got " + factor.toPlainString());
    }
  }

  /** "1.5 oral morphine mg per mg" or "2.4 oral morphine mg/day per mcg/h". */
  public String describe() {
    String perDay = per == FactorUnit.MCG_PER_HOUR ? "mg/day" : "mg";
    return Decimals.plain(factor) + " oral morphine " + perDay + " per " + per.symbol();
  }
}
