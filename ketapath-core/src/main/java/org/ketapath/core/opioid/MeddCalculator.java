package org.ketapath.core.opioid;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.dose.Decimals;

/**
 * Morphine-equivalent daily dose (MEDD-1..3). Pure: the window end is an argument, the table is
 * data, nothing is read from a clock or a file.
 *
 * <p>The window is the 24 h (windowEnd - 24 h, windowEnd]: a dose counts when given after the
 * start and at or before the end; an infusion counts mg (or mcg) = rate x hours it overlapped the
 * window; a patch counts strength x factor x (hours worn in the window / 24), the factor being oral
 * morphine mg/day per mcg/h. Every contribution is oral morphine mg; the parenteral figure is the oral
 * total divided by the table's oral:parenteral morphine ratio.
 */
public final class MeddCalculator {
  /** MEDD is defined over one day. */
  public static final Duration WINDOW = Duration.ofHours(24);

  private static final BigDecimal NANOS_PER_HOUR = BigDecimal.valueOf(3_600_000_000_000L);
  private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

  private MeddCalculator() {}

  public static MeddResult calculate(ConversionTable table, List<? extends OpioidExposure> exposures, Instant windowEnd) {
    if (table == null) {
      throw Refusals.medd1(Refusals.EXPOSURE, "table", "table is missing: a MEDD always names its conversion table");
    }
    if (exposures == null) {
      throw Refusals.medd1(Refusals.EXPOSURE, "exposures", "exposures is missing (pass an empty list for none)");
    }
    if (windowEnd == null) {
      throw Refusals.medd1(Refusals.EXPOSURE, "windowEnd", "windowEnd is missing: the 24 h window needs its end");
    }
    Instant windowStart = windowEnd.minus(WINDOW);
    List<MeddLine> lines = new ArrayList<>();
    Set<ConversionFactor> used = new LinkedHashSet<>();
    BigDecimal oral = BigDecimal.ZERO;
    int rescues = 0;
    for (int i = 0; i < exposures.size(); i++) {
      OpioidExposure e = exposures.get(i);
      if (e == null) {
        throw Refusals.medd1(Refusals.EXPOSURE, "exposures[" + i + "]", "exposures[" + i + "] is missing");
      }
      Optional<MeddLine> line = line(table, i, e, windowStart, windowEnd);
      if (line.isPresent()) {
        MeddLine l = line.get();
        lines.add(l);
        used.add(l.factor());
        oral = oral.add(l.contribution().mgPerDay());
        if (l.asNeeded()) {
          rescues++;
        }
      }
    }
    BigDecimal oralTotal = oral;
    Optional<MorphineEquivalent> parenteral = table.parenteralMorphineRatio().map(r ->
        new MorphineEquivalent(oralTotal.divide(r.oralPerParenteral(), MorphineEquivalent.PRECISION), r.route()));
    return new MeddResult(MorphineEquivalent.oral(oral), parenteral, table.ref(), windowStart, windowEnd, lines,
        warnings(table, used), rescues);
  }

  /** Entry warnings in table order (so the result does not depend on exposure order), then table warnings. */
  private static List<String> warnings(ConversionTable table, Set<ConversionFactor> used) {
    Set<String> out = new LinkedHashSet<>();
    for (ConversionFactor f : table.factors()) {
      if (used.contains(f)) {
        f.warning().ifPresent(out::add);
      }
    }
    out.addAll(table.tableWarnings());
    out.add(table.switchWarning());
    return List.copyOf(out);
  }

  private static Optional<MeddLine> line(ConversionTable table, int index, OpioidExposure e, Instant start, Instant end) {
    if (e instanceof OpioidExposure.Dose d) {
      if (!d.givenAt().isAfter(start) || d.givenAt().isAfter(end)) {
        return Optional.empty();
      }
      ConversionFactor f = factor(table, index, e);
      BigDecimal amount = d.amount().in(f.per().massUnit());
      BigDecimal mg = amount.multiply(f.factor());
      return Optional.of(new MeddLine(index, e, d.drug(), d.route(), d.asNeeded(),
          d.amount() + " given at " + d.givenAt(), d.amount(), Optional.empty(), f,
          plain(amount) + " " + f.per().massUnit() + " x " + f.describe() + " = " + plain(mg) + " mg oral morphine",
          MorphineEquivalent.oral(mg)));
    }
    if (e instanceof OpioidExposure.Infusion inf) {
      BigDecimal hours = overlapHours(inf.from(), inf.until(), start, end);
      if (hours.signum() == 0) {
        return Optional.empty();
      }
      ConversionFactor f = factor(table, index, e);
      OpioidAmount given = new OpioidAmount(inf.rate().value().multiply(hours), inf.rate().unit());
      BigDecimal amount = given.in(f.per().massUnit());
      BigDecimal mg = amount.multiply(f.factor());
      return Optional.of(new MeddLine(index, e, inf.drug(), inf.route(), false,
          inf.rate() + " infusion for " + plain(hours) + " h of the window = " + given, given, Optional.of(hours), f,
          plain(amount) + " " + f.per().massUnit() + " x " + f.describe() + " = " + plain(mg) + " mg oral morphine",
          MorphineEquivalent.oral(mg)));
    }
    OpioidExposure.Patch p = (OpioidExposure.Patch) e;
    BigDecimal hours = overlapHours(p.appliedAt(), p.removedAt(), start, end);
    if (hours.signum() == 0) {
      return Optional.empty();
    }
    ConversionFactor f = factor(table, index, e);
    BigDecimal mcgPerHour = p.rate().in(OpioidUnit.MCG);
    BigDecimal mg = mcgPerHour.multiply(f.factor()).multiply(hours).divide(HOURS_PER_DAY, MorphineEquivalent.PRECISION);
    OpioidAmount nominal = new OpioidAmount(mcgPerHour.multiply(hours), OpioidUnit.MCG);
    return Optional.of(new MeddLine(index, e, p.drug(), OpioidRoute.TRANSDERMAL, false,
        p.rate() + " patch on for " + plain(hours) + " h of the window", nominal, Optional.of(hours), f,
        plain(mcgPerHour) + " mcg/h x " + f.describe() + " x " + plain(hours) + "/24 day = " + plain(mg)
            + " mg oral morphine",
        MorphineEquivalent.oral(mg)));
  }

  private static ConversionFactor factor(ConversionTable table, int index, OpioidExposure e) {
    return table.factor(e.drug(), e.route()).orElseThrow(() -> uncovered(table, index, e));
  }

  private static KetaPathException uncovered(ConversionTable table, int index, OpioidExposure e) {
    String what = e.drug().displayName() + " " + e.route().displayName();
    String advice = table.uncoveredAdvice().map(a -> " " + a).orElse("");
    List<ConversionTable> covering = ConversionTables.builtInCovering(e.drug(), e.route());
    String suggestion = covering.isEmpty()
        ? " No built-in table covers " + what + "; have a palliative care specialist convert it."
        : " Built-in tables that cover " + what + ": "
            + covering.stream().map(ConversionTable::ref).collect(Collectors.joining(", ")) + ".";
    return new KetaPathException(Refusals.UNCOVERED, "exposures[" + index + "]", List.of("MEDD-1"),
        "exposures[" + index + "]: " + what + " is not covered by conversion table " + table.ref() + " ("
            + table.title() + ")." + advice + suggestion);
  }

  /** Hours of [from, until) inside [start, end]; a null until means still running. */
  private static BigDecimal overlapHours(Instant from, Instant until, Instant start, Instant end) {
    Instant lo = from.isAfter(start) ? from : start;
    Instant hi = until == null || until.isAfter(end) ? end : until;
    if (!hi.isAfter(lo)) {
      return BigDecimal.ZERO;
    }
    Duration d = Duration.between(lo, hi);
    long seconds = d.getSeconds();
    if (d.getNano() == 0 && seconds % 36 == 0) {
      // 3600 s = 36 x 100: whole multiples of 36 s are exact hours with two decimals, no division needed.
      return BigDecimal.valueOf(seconds / 36, 2);
    }
    BigDecimal nanos = BigDecimal.valueOf(seconds).scaleByPowerOfTen(9).add(BigDecimal.valueOf(d.getNano()));
    return nanos.divide(NANOS_PER_HOUR, MorphineEquivalent.PRECISION);
  }

  private static String plain(BigDecimal value) {
    return Decimals.display(value, 3);
  }
}
