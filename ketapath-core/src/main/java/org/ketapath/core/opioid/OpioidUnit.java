package org.ketapath.core.opioid;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Mass units opioid doses are written in. */
public enum OpioidUnit {
  MG("mg"),
  MCG("mcg");

  private final String symbol;

  OpioidUnit(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Exact conversion of {@code value} in this unit to {@code target} (mg and mcg differ by 1000). */
  public BigDecimal convert(BigDecimal value, OpioidUnit target) {
    if (this == target) {
      return value;
    }
    return this == MG ? value.scaleByPowerOfTen(3) : value.scaleByPowerOfTen(-3);
  }

  /** "mg"; "mcg", "ug" or "µg" for micrograms. */
  static Optional<OpioidUnit> lookup(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "mg" -> Optional.of(MG);
      case "mcg", "ug", "\u00b5g", "\u03bcg" -> Optional.of(MCG);
      default -> Optional.empty();
    };
  }

  @Override
  public String toString() {
    return symbol;
  }
}
