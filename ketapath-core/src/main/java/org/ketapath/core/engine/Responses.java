package org.ketapath.core.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.outcome.ResponseResult;
import org.ketapath.core.outcome.ResponseResult.Category;
import org.ketapath.core.protocol.ResponseSpec;

/** CIVIK-7 (as published and as registered) and OUT-5 response, computed side by side. */
final class Responses {
  private Responses() {}

  static List<ResponseResult> evaluate(EpisodeState s, Instant end, boolean provisional) {
    List<ResponseResult> out = new ArrayList<>();
    for (ResponseSpec spec : s.protocol.responses()) {
      out.add(switch (spec.kind()) {
        case CIVIK_PUBLISHED -> civikPublished(s, spec, end, provisional);
        case CIVIK_REGISTRY -> civikRegistry(s, spec, end, provisional);
        case NRS_REDUCTION -> nrsReduction(s, spec, end, provisional);
      });
    }
    return out;
  }

  private static Optional<EpisodeEvent.AdverseEvent> toxicity(EpisodeState s) {
    int grade = s.protocol.stopAtCtcaeGrade().value();
    return s.adverseEvents.stream().filter(a -> a.attributedToKetamine() && a.ctcaeGrade() >= grade).findFirst();
  }

  private static List<String> local(ResponseSpec spec) {
    return spec.window().flatMap(w -> w.localChoiceNote()).map(List::of).orElse(List.of());
  }

  private static ResponseResult civikPublished(EpisodeState s, ResponseSpec spec, Instant end, boolean provisional) {
    Duration window = spec.window().orElseThrow().value();
    Instant from = end.minus(window);
    Optional<EpisodeEvent.AdverseEvent> tox = toxicity(s);
    if (tox.isPresent()) {
      return new ResponseResult(spec.kind(), Category.NONE, "unacceptable toxicity (" + tox.get().term() + ", grade "
          + tox.get().ctcaeGrade() + "): non-responder", spec.rules(), provisional, local(spec));
    }
    Optional<EpisodeEvent.Assessment> nrs = s.latestNrs(from, end);
    int rescues = s.rescuesIn(from, end);
    int max = spec.maxRescuesPerDay().orElseThrow();
    if (nrs.isEmpty() || s.ppg.isEmpty()) {
      return new ResponseResult(spec.kind(), Category.NOT_EVALUABLE, "no NRS or PPG in the final "
          + DecisionEngine.hours(window), spec.rules(), provisional, local(spec));
    }
    int n = nrs.get().nrs().get();
    int ppg = s.ppg.get();
    String facts = rescues + " rescues in the final " + DecisionEngine.hours(window) + ", NRS " + n + ", PPG " + ppg;
    Category c = rescues > max ? Category.NONE : n <= ppg ? Category.COMPLETE : Category.PARTIAL;
    return new ResponseResult(spec.kind(), c, facts, spec.rules(), provisional, local(spec));
  }

  private static ResponseResult civikRegistry(EpisodeState s, ResponseSpec spec, Instant end, boolean provisional) {
    Duration window = spec.window().orElseThrow().value();
    Instant from = end.minus(window);
    Optional<EpisodeEvent.AdverseEvent> tox = toxicity(s);
    if (tox.isPresent()) {
      return new ResponseResult(spec.kind(), Category.NON_RESPONDER, "unacceptable toxicity", spec.rules(),
          provisional, local(spec));
    }
    Optional<EpisodeEvent.Assessment> nrs = s.latestNrs(from, end);
    if (nrs.isEmpty()) {
      return new ResponseResult(spec.kind(), Category.NOT_EVALUABLE, "no NRS in the final "
          + DecisionEngine.hours(window), spec.rules(), provisional, local(spec));
    }
    int n = nrs.get().nrs().get();
    int rescues = s.rescuesIn(from, end);
    boolean painOk = n <= spec.nrsAtOrBelow().orElseThrow() || s.ppg.map(p -> n <= p).orElse(false);
    boolean rescuesOk = rescues < spec.rescuesBelow().orElseThrow();
    Category c = painOk && rescuesOk ? Category.RESPONDER : Category.NON_RESPONDER;
    return new ResponseResult(spec.kind(), c, "NRS " + n + (painOk ? " within" : " above") + " goal (<= "
        + spec.nrsAtOrBelow().get() + " or <= PPG), " + rescues + " rescues (" + (rescuesOk ? "<" : ">=") + " "
        + spec.rescuesBelow().get() + ")", spec.rules(), provisional, local(spec));
  }

  /** OUT-5: >= 30% reduction of NRS from baseline. Sessions compare with the session's own baseline. */
  private static ResponseResult nrsReduction(EpisodeState s, ResponseSpec spec, Instant end, boolean provisional) {
    int baseline;
    Integer after;
    String what;
    if (!s.sessions.isEmpty()) {
      EpisodeState.Session last = s.sessions.get(s.sessions.size() - 1);
      if (Boolean.TRUE.equals(last.positiveSubjective)) {
        return new ResponseResult(spec.kind(), Category.RESPONDER, "session " + last.number
            + ": positive subjective qualifiers", spec.rules(), provisional, List.of());
      }
      baseline = last.baselineNrs;
      after = last.endNrs;
      what = "session " + last.number;
    } else {
      Optional<EpisodeEvent.Assessment> base = s.startedAt == null ? Optional.empty() : s.latestNrsBefore(s.startedAt);
      Optional<EpisodeEvent.Assessment> latest = s.latestNrsBefore(end);
      if (base.isEmpty() || latest.isEmpty()) {
        return new ResponseResult(spec.kind(), Category.NOT_EVALUABLE, "no baseline or follow-up NRS", spec.rules(),
            provisional, List.of());
      }
      baseline = base.get().nrs().get();
      after = latest.get().nrs().get();
      what = "baseline before the start";
    }
    if (after == null) {
      return new ResponseResult(spec.kind(), Category.NOT_EVALUABLE, what + ": no NRS after the session",
          spec.rules(), provisional, List.of());
    }
    if (baseline == 0) {
      return new ResponseResult(spec.kind(), Category.NOT_EVALUABLE, what + ": baseline NRS 0", spec.rules(),
          provisional, List.of());
    }
    BigDecimal pct = BigDecimal.valueOf((long) (baseline - after) * 100).divide(BigDecimal.valueOf(baseline), 0,
        RoundingMode.HALF_UP);
    boolean ok = (baseline - after) * 100 >= spec.minReductionPercent().orElseThrow() * baseline;
    return new ResponseResult(spec.kind(), ok ? Category.RESPONDER : Category.NON_RESPONDER, what + ": NRS "
        + baseline + " -> " + after + " (" + pct.toPlainString() + "% reduction, needs >= "
        + spec.minReductionPercent().get() + "%)", spec.rules(), provisional, List.of());
  }
}
