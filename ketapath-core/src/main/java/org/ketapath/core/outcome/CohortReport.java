package org.ketapath.core.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.protocol.ResponseSpec;

/**
 * OUTC-2: a cohort report in the form the papers use: enrolled and analysed counts with every
 * exclusion and its reason, response rate with its complete and partial parts and an exact
 * (Clopper-Pearson) 95% confidence interval, baseline medians with range and IQR over everyone
 * enrolled, CTCAE-graded adverse events and ungraded side effects apart, per infusion and per
 * patient by category. A report covers one protocol version; {@link #byProtocol} splits a mixed
 * set of episodes so that protocols are never pooled unless a caller asks and labels it.
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
    Map<SideEffect.Category, int[]> adverseEvents,
    Map<SideEffect.Category, int[]> sideEffects,
    Map<String, Integer> excluded) {

  /** The episodes of one protocol version, with the response definitions their protocol computes. */
  public record Stratum(String protocolRef, List<EpisodeSummary> episodes, List<ResponseSpec.Kind> definitions) {
    public Stratum {
      episodes = List.copyOf(episodes);
      definitions = List.copyOf(definitions);
    }
  }

  /**
   * OUTC-2: the episodes split by protocol version, in order of first appearance, each with the
   * response definitions found in its episodes (in the order the protocol lists them).
   */
  public static List<Stratum> byProtocol(List<EpisodeSummary> episodes) {
    Map<String, List<EpisodeSummary>> groups = new LinkedHashMap<>();
    for (EpisodeSummary e : episodes) {
      groups.computeIfAbsent(e.protocolRef(), k -> new ArrayList<>()).add(e);
    }
    List<Stratum> out = new ArrayList<>();
    groups.forEach((ref, list) -> {
      Set<ResponseSpec.Kind> kinds = new LinkedHashSet<>();
      list.forEach(e -> e.responses().forEach(r -> kinds.add(r.definition())));
      out.add(new Stratum(ref, list, new ArrayList<>(kinds)));
    });
    return out;
  }

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
    Map<SideEffect.Category, int[]> effects = new EnumMap<>(SideEffect.Category.class);
    Map<String, Integer> excluded = new TreeMap<>();
    for (EpisodeSummary e : episodes) {
      infusions += e.infusions();
      e.baselineParenteralMedd().ifPresent(m -> medd.add(m.mgPerDay()));
      rescues.add(BigDecimal.valueOf(e.baselineRescues24h()));
      e.ppg().ifPresent(p -> ppgs.add(BigDecimal.valueOf(p)));
      Set<SideEffect.Category> seenAe = EnumSet.noneOf(SideEffect.Category.class);
      Set<SideEffect.Category> seenEffect = EnumSet.noneOf(SideEffect.Category.class);
      for (EpisodeSummary.AdverseNote a : e.adverseEvents()) {
        // A side effect charted without a CTCAE grade is not an adverse event of a known grade.
        boolean graded = a.ctcaeGrade().isPresent();
        int[] c = (graded ? aes : effects).computeIfAbsent(a.category(), k -> new int[2]);
        c[0]++;
        if ((graded ? seenAe : seenEffect).add(a.category())) {
          c[1]++;
        }
      }
      Optional<ResponseResult> r = e.responses().stream().filter(x -> x.definition() == definition).findFirst();
      Optional<String> why = exclusion(e, r);
      if (why.isPresent()) {
        excluded.merge(why.get(), 1, Integer::sum);
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
        spread(medd), spread(rescues), spread(ppgs), infusions, aes, effects, excluded);
  }

  /** Why an episode is not analysed under a definition, in words a reader of the paper expects. */
  private static Optional<String> exclusion(EpisodeSummary e, Optional<ResponseResult> r) {
    if (e.started().isEmpty()) {
      return Optional.of("never started");
    }
    if (r.isEmpty()) {
      return Optional.of("its protocol does not define this response");
    }
    if (r.get().provisional()) {
      return Optional.of("still running (response provisional)");
    }
    if (r.get().category() == ResponseResult.Category.NOT_EVALUABLE) {
      return Optional.of("not evaluable: " + r.get().explanation());
    }
    return Optional.empty();
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

  /** A number for people: at most one decimal (a 34-digit quotient is never printed). */
  private static String plain(BigDecimal b) {
    return b.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** The response lines as the papers print them: analysed of enrolled, each exclusion, the rate. */
  public List<String> responseLines() {
    List<String> out = new ArrayList<>();
    out.add("Response definition " + definition + ": " + enrolled + " enrolled, " + analysed + " analysed");
    excluded.forEach((why, n) -> out.add("  excluded " + n + ": " + why));
    if (responseRate != null) {
      out.add("Overall response " + responseRate);
      if (definition == ResponseSpec.Kind.CIVIK_PUBLISHED) {
        out.add("  complete " + exact(complete, analysed) + "; partial " + exact(partial, analysed));
      }
    } else {
      out.add("Overall response: none analysed");
    }
    return out;
  }

  /** Baseline, infusions, adverse events and side effects, over everyone enrolled. */
  public List<String> cohortLines() {
    List<String> out = new ArrayList<>();
    baselineParenteralMedd.ifPresent(s -> out.add("Baseline IV MEDD, mg/day (" + enrolled + " enrolled): median " + s));
    baselineRescues.ifPresent(s -> out.add("Baseline rescue doses per 24 h (" + enrolled + " enrolled): median " + s));
    ppg.ifPresent(s -> out.add("Personalised pain goal: median " + s));
    out.add("Infusions: " + infusions);
    eventLines(out, "Adverse events (CTCAE-graded)", adverseEvents);
    eventLines(out, "Side effects (not graded)", sideEffects);
    return out;
  }

  private void eventLines(List<String> out, String title, Map<SideEffect.Category, int[]> counts) {
    if (counts.isEmpty()) {
      out.add(title + ": none recorded");
      return;
    }
    counts.forEach((cat, c) -> out.add(title + " " + cat + ": " + c[0] + " (" + pct(c[0]
        / (double) Math.max(infusions, 1)).toPlainString() + "% of infusions), in " + c[1] + " patient(s)"));
  }

  /** The report as the papers print it. */
  public List<String> lines() {
    List<String> out = new ArrayList<>(responseLines());
    out.addAll(cohortLines());
    return out;
  }
}
