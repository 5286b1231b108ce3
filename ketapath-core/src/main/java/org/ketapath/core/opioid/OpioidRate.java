package org.ketapath.core.opioid;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import org.ketapath.core.dose.Decimals;

/** An opioid delivery rate per hour: an infusion in mg/h or mcg/h, or a patch strength in mcg/h. */
public record OpioidRate(BigDecimal value, OpioidUnit unit) {
  public OpioidRate {
    Objects.requireNonNull(unit, "unit");
    Quantities.requireNonNegative(value, "rate", unit.symbol() + "/h");
    value = org.ketapath.core.dose.Decimals.normalise(value);
  }

  public static OpioidRate of(String value, OpioidUnit unit) {
    return new OpioidRate(new BigDecimal(value), unit);
  }

  /** Parses "75 mcg/h", "2 mg/hr", "25 mcg/hour"; refuses negative, missing or unit-less values naming the field. */
  public static OpioidRate parse(String text, String field) {
    Quantities.Parsed p = Quantities.split(text, field, "75 mcg/h");
    String u = p.unitText().toLowerCase(Locale.ROOT).replace(" ", "");
    int slash = u.indexOf('/');
    String per = slash < 0 ? "" : u.substring(slash + 1);
    if (slash < 0 || !(per.equals("h") || per.equals("hr") || per.equals("hour"))) {
      throw Refusals.medd1(Refusals.QUANTITY, field,
          field + " has unit \"" + p.unitText() + "\", which is not per hour; use mg/h or mcg/h");
    }
    OpioidUnit unit = OpioidUnit.lookup(u.substring(0, slash)).orElseThrow(() -> Refusals.medd1(Refusals.QUANTITY,
        field, field + " has unknown unit \"" + p.unitText() + "\"; use mg/h or mcg/h"));
    return new OpioidRate(p.number(), unit);
  }

  /** The same rate expressed in {@code target} per hour, exactly. */
  public BigDecimal in(OpioidUnit target) {
    return unit.convert(value, target);
  }

  @Override
  public String toString() {
    return Decimals.display(value, 3) + " " + unit.symbol() + "/h";
  }
}
