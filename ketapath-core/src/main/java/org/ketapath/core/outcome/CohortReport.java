package org.ketapath.core.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.protocol.ResponseSpec;

/**
 * OUTC-2: a cohort report in the form the papers use: enrolled and analysed counts, response rate
 * with its complete and partial parts and an exact (Clopper-Pearson) 95% confidence interval,
 * baseline medians with range and IQR, and adverse events per infusion and per patient by category.
 */
public record CohortReport(
    ResponseSpec.Kind definition,
    int enrolled,
    int analysed,
    int responders,
    int complete,
    int partial,
    Proportion responseRate,
    Optional<Spread> baselineParenteralMedd,
    Optional<Spread> baselineRescues,
    Optional<Spread> ppg,
    int infusions,
    Map<SideEffect.Category, int[]> adverseEvents) {

  /** A proportion with its exact 95% confidence interval, in percent. */
  public record Proportion(int count, int of, BigDecimal percent, BigDecimal lower95, BigDecimal upper95) {
    @Override
    public String toString() {
      return count + "/" + of + " = " + percent.toPlainString() + "% (95% CI " + lower95.toPlainString() + "-"
          + upper95.toPlainString() + "%)";
    }
  }

  /** Median with range and interquartile range. */
  public record Spread(BigDecimal median, BigDecimal min, BigDecimal max, BigDecimal q1, BigDecimal q3) {
    @Override
    public String toString() {
      return plain(median) + " (range " + plain(min) + "-" + plain(max) + "; IQR " + plain(q1) + "-" + plain(q3) + ")";
    }
  }

  /** Clopper-Pearson exact interval for x successes in n trials. */
  public static Proportion exact(int x, int n) {
    if (n <= 0 || x < 0 || x > n) {
      throw new IllegalArgumentException("need 0 <= x <= n and n > 0, got " + x + "/" + n);
    }
    double lower = x == 0 ? 0 : new BetaDistribution(x, n - x + 1.0).inverseCumulativeProbability(0.025);
    double upper = x == n ? 1 : new BetaDistribution(x + 1.0, n - x).inverseCumulativeProbability(0.975);
    return new Proportion(x, n, pct(x / (double) n), pct(lower), pct(upper));
  }

  public static CohortReport of(List<EpisodeSummary> episodes, ResponseSpec.Kind definition) {
    int analysed = 0;
    int complete = 0;
    int partial = 0;
    int responders = 0;
    List<BigDecimal> medd = new ArrayList<>();
    List<BigDecimal> rescues = new ArrayList<>();
    List<BigDecimal> ppgs = new ArrayList<>();
    int infusions = 0;
    Map<SideEffect.Category, int[]> aes = new EnumMap<>(SideEffect.Category.class);
    for (EpisodeSummary e : episodes) {
      infusions += e.infusions();
      e.baselineParenteralMedd().ifPresent(m -> medd.add(m.mgPerDay()));
      rescues.add(BigDecimal.valueOf(e.baselineRescues24h()));
      e.ppg().ifPresent(p -> ppgs.add(BigDecimal.valueOf(p)));
      java.util.Set<SideEffect.Category> seen = java.util.EnumSet.noneOf(SideEffect.Category.class);
      for (EpisodeSummary.AdverseNote a : e.adverseEvents()) {
        int[] c = aes.computeIfAbsent(a.category(), k -> new int[2]);
        c[0]++;
        if (seen.add(a.category())) {
          c[1]++;
        }
      }
      Optional<ResponseResult> r = e.responses().stream().filter(x -> x.definition() == definition).findFirst();
      if (r.isEmpty() || r.get().category() == ResponseResult.Category.NOT_EVALUABLE || r.get().provisional()) {
        continue;
      }
      analysed++;
      switch (r.get().category()) {
        case COMPLETE -> complete++;
        case PARTIAL -> partial++;
        default -> { }
      }
      if (r.get().category().responded()) {
        responders++;
      }
    }
    Proportion rate = analysed == 0 ? null : exact(responders, analysed);
    return new CohortReport(definition, episodes.size(), analysed, responders, complete, partial, rate,
        spread(medd), spread(rescues), spread(ppgs), infusions, aes);
  }

  /** Median and quartiles by the usual linear interpolation between order statistics. */
  public static Optional<Spread> spread(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<BigDecimal> v = new ArrayList<>(values);
    v.sort(null);
    return Optional.of(new Spread(quantile(v, 0.5), v.get(0), v.get(v.size() - 1), quantile(v, 0.25),
        quantile(v, 0.75)));
  }

  private static BigDecimal quantile(List<BigDecimal> sorted, double q) {
    double pos = q * (sorted.size() - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    BigDecimal frac = BigDecimal.valueOf(pos - lo);
    return sorted.get(lo).add(sorted.get(hi).subtract(sorted.get(lo)).multiply(frac)).setScale(1, RoundingMode.HALF_UP);
  }

  private static BigDecimal pct(double p) {
    return BigDecimal.valueOf(p * 100).setScale(1, RoundingMode.HALF_UP);
  }

  private static String plain(BigDecimal b) {
    return b.stripTrailingZeros().toPlainString();
  }

  /** The report as the papers print it. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("Response definition " + definition + ": " + enrolled + " enrolled, " + analysed + " analysed");
    if (responseRate != null) {
      out.add("Overall response " + responseRate);
      if (definition == ResponseSpec.Kind.CIVIK_PUBLISHED) {
        out.add("  complete " + exact(complete, analysed) + "; partial " + exact(partial, analysed));
      }
    }
    baselineParenteralMedd.ifPresent(s -> out.add("Baseline IV MEDD, mg/day: median " + s));
    baselineRescues.ifPresent(s -> out.add("Baseline rescue doses per 24 h: median " + s));
    ppg.ifPresent(s -> out.add("Personalised pain goal: median " + s));
    out.add("Infusions: " + infusions);
    adverseEvents.forEach((cat, c) -> out.add("Adverse events " + cat + ": " + c[0] + " (" + pct(c[0]
        / (double) Math.max(infusions, 1)).toPlainString() + "% of infusions), in " + c[1] + " patient(s)"));
    return out;
  }
}
