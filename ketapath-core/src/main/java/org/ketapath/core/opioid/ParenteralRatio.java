package org.ketapath.core.opioid;

import java.math.BigDecimal;
import java.util.Objects;
import org.ketapath.core.dose.Decimals;

/**
 * MEDD-2: how many mg of oral morphine equal 1 mg of parenteral morphine by {@code route} in a table
 * (3 for IV in US tables, 2 for SC in UK charts). It is table data, never a constant in code.
 */
public record ParenteralRatio(OpioidRoute route, BigDecimal oralPerParenteral, String source) {
  public ParenteralRatio {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(oralPerParenteral, "oralPerParenteral");
    Objects.requireNonNull(source, "source");
    if (!route.isParenteral()) {
      throw new IllegalArgumentException("parenteral ratio route must be IV or SC, got " + route);
    }
    if (oralPerParenteral.signum() <= 0) {
      throw new IllegalArgumentException("oralPerParenteral must be positive");
    }
  }

  /** "oral:IV morphine 3:1". */
  public String describe() {
    return "oral:" + route.displayName() + " morphine " + Decimals.plain(oralPerParenteral) + ":1";
  }
}
