package org.ketapath.core.opioid;

import java.math.BigDecimal;

/** Parsing and checks shared by {@link OpioidAmount} and {@link OpioidRate}. */
final class Quantities {
  private Quantities() {}

  record Parsed(BigDecimal number, String unitText) {}

  static BigDecimal requireNonNegative(BigDecimal value, String field, String unit) {
    if (value == null) {
      throw Refusals.medd1(Refusals.QUANTITY, field, field + " is missing (expected a number in " + unit + ")");
    }
    if (value.signum() < 0) {
      throw Refusals.medd1(Refusals.QUANTITY, field,
          field + " must not be negative, got " + value.toPlainString() + " " + unit);
    }
    return value;
  }

  /** Splits "10 mg" or "10mg" into a non-negative number and the unit text; refuses the rest. */
  static Parsed split(String text, String field, String example) {
    if (text == null || text.isBlank()) {
      throw Refusals.medd1(Refusals.QUANTITY, field, field + " is missing (expected e.g. \"" + example + "\")");
    }
    String trimmed = text.trim();
    int end = 0;
    while (end < trimmed.length() && "+-0123456789.".indexOf(trimmed.charAt(end)) >= 0) {
      end++;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(trimmed.substring(0, end));
    } catch (NumberFormatException e) {
      throw Refusals.medd1(Refusals.QUANTITY, field,
          field + " \"" + trimmed + "\" does not start with a number (expected e.g. \"" + example + "\")");
    }
    if (number.signum() < 0) {
      throw Refusals.medd1(Refusals.QUANTITY, field, field + " must not be negative, got \"" + trimmed + "\"");
    }
    String unit = trimmed.substring(end).trim();
    if (unit.isEmpty()) {
      throw Refusals.medd1(Refusals.QUANTITY, field,
          field + " \"" + trimmed + "\" has no unit; write it as e.g. \"" + example + "\"");
    }
    return new Parsed(number, unit);
  }
}
