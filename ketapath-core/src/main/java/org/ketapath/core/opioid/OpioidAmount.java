package org.ketapath.core.opioid;

import java.math.BigDecimal;
import java.util.Objects;
import org.ketapath.core.dose.Decimals;

/** An amount of an opioid, in mg or mcg (never a bare number). */
public record OpioidAmount(BigDecimal value, OpioidUnit unit) {
  public OpioidAmount {
    Objects.requireNonNull(unit, "unit");
    Quantities.requireNonNegative(value, "amount", unit.symbol());
    value = org.ketapath.core.dose.Decimals.normalise(value);
  }

  public static OpioidAmount of(String value, OpioidUnit unit) {
    return new OpioidAmount(new BigDecimal(value), unit);
  }

  /** Parses "10 mg", "100 mcg" (also "ug", "µg"); refuses negative, missing or unit-less values naming the field. */
  public static OpioidAmount parse(String text, String field) {
    Quantities.Parsed p = Quantities.split(text, field, "10 mg");
    OpioidUnit unit = OpioidUnit.lookup(p.unitText()).orElseThrow(() -> Refusals.medd1(Refusals.QUANTITY, field,
        field + " has unknown unit \"" + p.unitText() + "\"; use mg or mcg"));
    return new OpioidAmount(p.number(), unit);
  }

  /** The same amount expressed in {@code target}, exactly. */
  public BigDecimal in(OpioidUnit target) {
    return unit.convert(value, target);
  }

  @Override
  public String toString() {
    return Decimals.display(value, 3) + " " + unit.symbol();
  }
}
