package org.ketapath.core.dose;

import java.math.BigDecimal;

/** A single ketamine dose in mg (a bolus, GDL-5). Per kg it needs the body weight. */
public record Milligrams(BigDecimal value) {
  public static final String UNIT = "mg";

  public Milligrams {
    Decimals.requireNonNegative(value, "dose", UNIT);
    value = Decimals.normalise(value);
  }

  /** Parses "5 mg"; anything else is refused naming the field. */
  public static Milligrams parse(String text, String field) {
    String t = text == null ? "" : text.trim();
    String[] parts = t.split("\\s+");
    if (parts.length != 2 || !parts[1].equals(UNIT)) {
      throw new InvalidQuantityException(field, field + " must be written like \"5 mg\", got \"" + t + "\"");
    }
    try {
      return new Milligrams(new BigDecimal(parts[0]));
    } catch (NumberFormatException e) {
      throw new InvalidQuantityException(field, field + " \"" + t + "\" does not start with a number");
    }
  }

  public MgPerKg perKg(BodyWeight weight) {
    return new MgPerKg(value.divide(weight.kg(), Decimals.DIVISION));
  }

  @Override
  public String toString() {
    return Decimals.plain(value) + " " + UNIT;
  }
}
