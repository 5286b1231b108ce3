package org.ketapath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportCommandTest {
  @Test
  @DisplayName("OUTC-1 OUTC-2: report over the examples prints each episode and the cohort with an exact CI")
  void report() {
    CliRunner.Result r = CliRunner.run("report", "../examples/civik-5-day.json", "../examples/pain-crisis-case1.json",
        "../examples/pain-crisis-case2.json", "../examples/outpatient-sessions-1-4.json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("civik-5-day.json: CIVIK@1.0.0, 1 infusion(s), baseline IV MEDD 144 mg/day IV morphine")
        .contains("outpatient-sessions-1-4.json: OUTPATIENT-SESSIONS@1.0.0, 4 infusion(s)")
        .contains("Response definition NRS_REDUCTION: 4 enrolled, 4 analysed")
        .contains("Overall response 4/4 = 100.0% (95% CI 39.8-100.0%)")
        .contains("Infusions: 7");
  }

  @Test
  @DisplayName("CIVIK-7: report with the published CIVIK definition counts complete and partial responses")
  void civikDefinition() {
    CliRunner.Result r = CliRunner.run("report", "--definition", "CIVIK_PUBLISHED", "../examples/civik-5-day.json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 enrolled, 1 analysed").contains("complete 1/1 = 100.0%");
  }
}
