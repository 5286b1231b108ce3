package org.ketapath.server.episode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.dose.MgPerKgPerHour;
import org.ketapath.server.web.ApiProblem;

/** Unit handling for API quantities, through the core's dose types (DOSE-1, DOSE-2). */
public final class Rates {
  /** GDL-4: 0.5 mg/kg/h is the ceiling of any analgesic ketamine infusion. */
  public static final MgPerKgPerHour GDL_4_CEILING = MgPerKgPerHour.of("0.5");

  private Rates() {}

  /** A rate in mg/h; mg/kg/h needs the weight. Any other unit is refused, naming the field. */
  public static MgPerHour mgPerHour(Quantity q, BigDecimal weightKg, String field) {
    if (q == null) {
      throw ApiProblem.invalid("DOSE-MISSING", field, List.of("DOSE-1"), field + " is required");
    }
    switch (q.unit()) {
      case MgPerHour.UNIT:
        return new MgPerHour(q.value());
      case MgPerKgPerHour.UNIT:
        if (weightKg == null) {
          throw ApiProblem.invalid("WEIGHT-MISSING", field, List.of("DOSE-2"),
              field + " is weight-based (mg/kg/h) but the episode has no recorded weight; record a weight first");
        }
        return new MgPerKgPerHour(q.value()).times(new BodyWeight(weightKg, Instant.EPOCH));
      default:
        throw ApiProblem.invalid("DOSE-UNIT", field + ".unit", List.of("DOSE-1"),
            field + " must be in mg/h or mg/kg/h, not '" + q.unit() + "'");
    }
  }

  public static Quantity asQuantity(MgPerHour rate) {
    return Quantity.of(rate.value(), MgPerHour.UNIT);
  }

  /** Refuses (never clamps) a rate above the GDL-4 ceiling for this weight. */
  public static void requireWithinGdl4(MgPerHour rate, BigDecimal weightKg, String field) {
    if (weightKg == null) {
      return;
    }
    MgPerHour ceiling = GDL_4_CEILING.times(new BodyWeight(weightKg, Instant.EPOCH));
    if (rate.exceeds(ceiling)) {
      throw ApiProblem.invalid("DOSE-ABOVE-GDL-4", field, List.of("GDL-4", "DOSE-4"),
          field + " " + rate + " is above 0.5 mg/kg/h (" + ceiling + " at " + weightKg.toPlainString()
              + " kg), the ceiling of any analgesic ketamine infusion; it is refused, not reduced");
    }
  }
}
