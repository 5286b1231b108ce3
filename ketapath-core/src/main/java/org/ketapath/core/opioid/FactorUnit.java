package org.ketapath.core.opioid;

import java.util.Optional;

/**
 * What one unit of a conversion factor stands for. For MG and MCG the factor is oral morphine mg per
 * mg or mcg of the drug given. For MCG_PER_HOUR (patches) it is oral morphine mg per day per mcg/h of
 * patch strength worn for a whole day, as CDC 2022 states it for transdermal fentanyl.
 */
public enum FactorUnit {
  MG("mg"),
  MCG("mcg"),
  MCG_PER_HOUR("mcg/h");

  private final String symbol;

  FactorUnit(String symbol) {
    this.symbol = symbol;
  }

  /** As written in a table file after {@code per:}: "mg", "mcg" or "mcg/h". */
  public String symbol() {
    return symbol;
  }

  /** The mass unit the factor is per (mcg for a per-mcg/h patch factor). */
  public OpioidUnit massUnit() {
    return this == MG ? OpioidUnit.MG : OpioidUnit.MCG;
  }

  static Optional<FactorUnit> lookup(String text) {
    for (FactorUnit u : values()) {
      if (u.symbol.equals(text)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return symbol;
  }
}
