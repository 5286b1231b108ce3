package org.ketapath.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ketapath.core.protocol.ResponseSpec;

class CohortReportTest {

  @Test
  @DisplayName("OUTC-2: CIVIK's published result, 10/20 = 50% (complete 8 = 40%, partial 2 = 10%), exact 95% CI")
  void civikPublished() {
    List<EpisodeSummary> cohort = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      ResponseResult.Category c = i < 8 ? ResponseResult.Category.COMPLETE : i < 10 ? ResponseResult.Category.PARTIAL
          : i < 20 ? ResponseResult.Category.NONE : ResponseResult.Category.NOT_EVALUABLE;
      cohort.add(summary("p" + i, c, ResponseSpec.Kind.CIVIK_PUBLISHED, 124 + i * 20));
    }
    CohortReport r = CohortReport.of(cohort, ResponseSpec.Kind.CIVIK_PUBLISHED);
    assertThat(r.enrolled()).isEqualTo(21);
    assertThat(r.analysed()).isEqualTo(20);
    assertThat(r.complete()).isEqualTo(8);
    assertThat(r.partial()).isEqualTo(2);
    assertThat(r.responseRate().percent()).isEqualByComparingTo("50.0");
    // Clopper-Pearson 10/20: 27.2% to 72.8% (standard tables)
    assertThat(r.responseRate().lower95()).isEqualByComparingTo("27.2");
    assertThat(r.responseRate().upper95()).isEqualByComparingTo("72.8");
    assertThat(r.lines()).anyMatch(l -> l.contains("complete 8/20 = 40.0%") && l.contains("partial 2/20 = 10.0%"));
    assertThat(r.baselineParenteralMedd().orElseThrow().min()).isEqualByComparingTo("124");
  }

  @Test
  @DisplayName("OUTC-2: source 001's responder share, 42/57 = 73.7%")
  void outpatientResponders() {
    List<EpisodeSummary> cohort = new ArrayList<>();
    for (int i = 0; i < 57; i++) {
      cohort.add(summary("p" + i, i < 42 ? ResponseResult.Category.RESPONDER : ResponseResult.Category.NON_RESPONDER,
          ResponseSpec.Kind.NRS_REDUCTION, 100));
    }
    CohortReport r = CohortReport.of(cohort, ResponseSpec.Kind.NRS_REDUCTION);
    assertThat(r.responseRate().toString()).isEqualTo("42/57 = 73.7% (95% CI 60.3-84.5%)");
  }

  @Test
  @DisplayName("OUTC-2 CIVIK-7: the one patient not analysed is counted with the reason, and medians print one decimal")
  void exclusionsAndRounding() {
    List<EpisodeSummary> cohort = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      ResponseResult.Category c = i < 20 ? ResponseResult.Category.NONE : ResponseResult.Category.NOT_EVALUABLE;
      cohort.add(summary("p" + i, c, ResponseSpec.Kind.CIVIK_PUBLISHED, 124 + i * 20));
    }
    cohort.set(3, new EpisodeSummary("p3", "CIVIK@1.0.0", Optional.empty(), Optional.empty(),
        Optional.of(new org.ketapath.core.opioid.MorphineEquivalent(new BigDecimal("933.33333333333333333333333333333333"),
            org.ketapath.core.opioid.OpioidRoute.IV)), 6, Optional.of(4), List.of(), List.of(), List.of(), 1,
        Optional.of(Instant.EPOCH), Optional.empty(), List.of(new ResponseResult(ResponseSpec.Kind.CIVIK_PUBLISHED,
        ResponseResult.Category.NONE, "", List.of("CIVIK-7"), true, List.of()))));
    CohortReport r = CohortReport.of(cohort, ResponseSpec.Kind.CIVIK_PUBLISHED);
    assertThat(r.analysed()).isEqualTo(19);
    assertThat(r.excluded()).containsEntry("still running (response provisional)", 1)
        .containsEntry("not evaluable: ", 1);
    assertThat(r.lines()).anyMatch(l -> l.contains("excluded 1: still running"))
        .noneMatch(l -> l.contains("933.3333"))
        .anyMatch(l -> l.contains("range 124-933.3;"));
  }

  @Test
  @DisplayName("OUTC-1 OUTC-2: side effects charted without a CTCAE grade are kept apart from graded adverse events")
  void sideEffectsApartFromGradedEvents() {
    EpisodeSummary e = new EpisodeSummary("p", "OUTPATIENT-SESSIONS@1.0.0", Optional.empty(), Optional.empty(),
        Optional.empty(), 0, Optional.empty(), List.of(), List.of(), List.of(
        new EpisodeSummary.AdverseNote(Instant.EPOCH, "nausea", org.ketapath.core.episode.SideEffect.Category.GASTROINTESTINAL,
            Optional.empty(), Optional.empty()),
        new EpisodeSummary.AdverseNote(Instant.EPOCH, "hypertension", org.ketapath.core.episode.SideEffect.Category.CARDIOVASCULAR,
            Optional.of(3), Optional.empty())), 1, Optional.of(Instant.EPOCH), Optional.of(Instant.EPOCH), List.of());
    CohortReport r = CohortReport.of(List.of(e), ResponseSpec.Kind.NRS_REDUCTION);
    assertThat(r.adverseEvents()).containsOnlyKeys(org.ketapath.core.episode.SideEffect.Category.CARDIOVASCULAR);
    assertThat(r.sideEffects()).containsOnlyKeys(org.ketapath.core.episode.SideEffect.Category.GASTROINTESTINAL);
    assertThat(r.lines()).contains("Side effects (not graded) GASTROINTESTINAL: 1 (100.0% of infusions), in 1 patient(s)");
  }

  @Test
  @DisplayName("OUTC-2: episodes of different protocols are split, never pooled")
  void strataByProtocol() {
    List<EpisodeSummary> mixed = List.of(summary("a", ResponseResult.Category.COMPLETE, ResponseSpec.Kind.CIVIK_PUBLISHED, 130),
        new EpisodeSummary("b", "PAIN-CRISIS@1.0.0", Optional.empty(), Optional.empty(), Optional.empty(), 0,
            Optional.empty(), List.of(), List.of(), List.of(), 1, Optional.of(Instant.EPOCH), Optional.of(Instant.EPOCH),
            List.of(new ResponseResult(ResponseSpec.Kind.NRS_REDUCTION, ResponseResult.Category.RESPONDER, "",
                List.of("OUT-5"), false, List.of()))),
        summary("c", ResponseResult.Category.NONE, ResponseSpec.Kind.CIVIK_PUBLISHED, 150));
    List<CohortReport.Stratum> strata = CohortReport.byProtocol(mixed);
    assertThat(strata).extracting(CohortReport.Stratum::protocolRef).containsExactly("CIVIK@1.0.0", "PAIN-CRISIS@1.0.0");
    assertThat(strata.get(0).episodes()).hasSize(2);
    assertThat(strata.get(0).definitions()).containsExactly(ResponseSpec.Kind.CIVIK_PUBLISHED);
    assertThat(strata.get(1).definitions()).containsExactly(ResponseSpec.Kind.NRS_REDUCTION);
  }

  @Test
  @DisplayName("OUTC-2: exact intervals at the edges (0/n and n/n) stay within 0-100%")
  void edges() {
    assertThat(CohortReport.exact(0, 10).lower95()).isEqualByComparingTo("0");
    assertThat(CohortReport.exact(0, 10).upper95()).isEqualByComparingTo("30.8");
    assertThat(CohortReport.exact(10, 10).upper95()).isEqualByComparingTo("100");
  }

  @Test
  @DisplayName("OUTC-2: medians with range and IQR")
  void spread() {
    CohortReport.Spread s = CohortReport.spread(List.of(5, 6, 9, 7, 5).stream().map(BigDecimal::valueOf).toList())
        .orElseThrow();
    assertThat(s.median()).isEqualByComparingTo("6");
    assertThat(s.min()).isEqualByComparingTo("5");
    assertThat(s.max()).isEqualByComparingTo("9");
    assertThat(s.q1()).isEqualByComparingTo("5");
    assertThat(s.q3()).isEqualByComparingTo("7");
  }

  private static EpisodeSummary summary(String id, ResponseResult.Category c, ResponseSpec.Kind k, int ivMedd) {
    return new EpisodeSummary(id, "CIVIK@1.0.0", Optional.empty(), Optional.empty(),
        Optional.of(new org.ketapath.core.opioid.MorphineEquivalent(BigDecimal.valueOf(ivMedd),
            org.ketapath.core.opioid.OpioidRoute.IV)), 6, Optional.of(4), List.of(), List.of(), List.of(), 1,
        Optional.of(Instant.EPOCH), Optional.of(Instant.EPOCH), List.of(new ResponseResult(k, c, "", List.of("CIVIK-7"),
        false, List.of())));
  }
}
