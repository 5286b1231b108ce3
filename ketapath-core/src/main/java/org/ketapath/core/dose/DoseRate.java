package org.ketapath.core.dose;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A ketamine infusion rate as written in an order, a protocol or a chart entry: one of three
 * units. It becomes mg/h only through {@link #toMgPerHour(BodyWeight, MgPerMl)}, which needs the
 * weight or the concentration explicitly (DOSE-1, DOSE-3).
 */
public sealed interface DoseRate permits DoseRate.WeightBased, DoseRate.Absolute, DoseRate.Pump {

  MgPerHour toMgPerHour(BodyWeight weight, MgPerMl concentration);

  /** Unit in which it was written. */
  String unit();

  record WeightBased(MgPerKgPerHour rate) implements DoseRate {
    @Override
    public MgPerHour toMgPerHour(BodyWeight weight, MgPerMl concentration) {
      return rate.times(weight);
    }

    @Override
    public String unit() {
      return MgPerKgPerHour.UNIT;
    }

    @Override
    public String toString() {
      return rate.toString();
    }
  }

  record Absolute(MgPerHour rate) implements DoseRate {
    @Override
    public MgPerHour toMgPerHour(BodyWeight weight, MgPerMl concentration) {
      return rate;
    }

    @Override
    public String unit() {
      return MgPerHour.UNIT;
    }

    @Override
    public String toString() {
      return rate.toString();
    }
  }

  record Pump(MlPerHour rate) implements DoseRate {
    @Override
    public MgPerHour toMgPerHour(BodyWeight weight, MgPerMl concentration) {
      return rate.atConcentration(concentration);
    }

    @Override
    public String unit() {
      return MlPerHour.UNIT;
    }

    @Override
    public String toString() {
      return rate.toString();
    }
  }

  /**
   * Parses "0.1 mg/kg/h", "20 mg/h", "7.5 mL/h" (also "hr" and "/hour" spellings). Anything else is
   * refused with a message naming the field; a bare number has no unit and is refused too.
   */
  static DoseRate parse(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidQuantityException(field, field + " is missing (expected e.g. \"0.1 mg/kg/h\" or \"10 mg/h\")");
    }
    String trimmed = text.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      throw new InvalidQuantityException(field,
          field + " \"" + trimmed + "\" has no unit; write it as e.g. \"0.1 mg/kg/h\", \"10 mg/h\" or \"10 mL/h\"");
    }
    BigDecimal number;
    try {
      number = new BigDecimal(trimmed.substring(0, space));
    } catch (NumberFormatException e) {
      throw new InvalidQuantityException(field, field + " \"" + trimmed + "\" does not start with a number");
    }
    if (number.signum() < 0) {
      throw new InvalidQuantityException(field, field + " must not be negative, got \"" + trimmed + "\"");
    }
    String unit = normaliseUnit(trimmed.substring(space + 1));
    return switch (unit) {
      case "mg/kg/h" -> new WeightBased(new MgPerKgPerHour(number));
      case "mg/h" -> new Absolute(new MgPerHour(number));
      case "ml/h" -> new Pump(new MlPerHour(number));
      default -> throw new InvalidQuantityException(field, field + " has unknown unit \"" + trimmed.substring(space + 1)
          + "\"; use mg/kg/h, mg/h or mL/h");
    };
  }

  private static String normaliseUnit(String raw) {
    String u = raw.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    if (u.endsWith("/hour")) {
      u = u.substring(0, u.length() - 5) + "/h";
    } else if (u.endsWith("/hr")) {
      u = u.substring(0, u.length() - 3) + "/h";
    }
    return u;
  }
}
