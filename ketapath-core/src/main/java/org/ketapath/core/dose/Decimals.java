package org.ketapath.core.dose;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Decimal arithmetic shared by the dose types: exact where possible, 12 significant digits on division. */
public final class Decimals {
  /** Division keeps 12 significant digits, far below any clinically meaningful difference. */
  public static final MathContext DIVISION = new MathContext(12, RoundingMode.HALF_EVEN);

  private Decimals() {}

  static BigDecimal requireNonNegative(BigDecimal value, String field, String unit) {
    if (value == null) {
      throw new InvalidQuantityException(field, field + " is missing (expected a number in " + unit + ")");
    }
    if (value.signum() < 0) {
      throw new InvalidQuantityException(field, field + " must not be negative, got " + value.toPlainString() + " " + unit);
    }
    return value;
  }

  /**
   * The canonical form of a quantity: trailing zeros stripped (scale at least 0), so that records
   * holding 3.2 and 3.20 are equal and hash alike.
   */
  public static BigDecimal normalise(BigDecimal value) {
    BigDecimal s = value.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Plain text without trailing zeros, never in scientific notation: 0.050 becomes 0.05. */
  public static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() < 0) {
      stripped = stripped.setScale(0);
    }
    return stripped.toPlainString();
  }

  /** Rounds for display to at most {@code places} decimals (half-up) and strips trailing zeros. */
  public static String display(BigDecimal value, int places) {
    return plain(value.setScale(places, RoundingMode.HALF_UP));
  }
}
