package org.ketapath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportCommandTest {
  private static final String[] ALL = {"../examples/civik-5-day.json", "../examples/pain-crisis-case1.json",
      "../examples/pain-crisis-case2.json", "../examples/outpatient-sessions-1-4.json"};

  @Test
  @DisplayName("OUTC-1 OUTC-2: report prints each episode, then one report per protocol, never one pooled rate")
  void reportIsStratifiedByProtocol() {
    CliRunner.Result r = CliRunner.run(concat("report", ALL));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("civik-5-day.json: CIVIK@1.0.0, 1 infusion(s), baseline IV MEDD 144 mg/day IV morphine")
        .contains("outpatient-sessions-1-4.json: OUTPATIENT-SESSIONS@1.0.0, 4 infusion(s)")
        .contains("== CIVIK@1.0.0: 1 episode(s) ==")
        .contains("== PAIN-CRISIS@1.0.0: 2 episode(s) ==")
        .contains("== OUTPATIENT-SESSIONS@1.0.0: 1 episode(s) ==")
        .doesNotContain("4 enrolled")
        .doesNotContain("POOLED");
    // CIVIK's section shows its own definitions side by side.
    String civik = section(r.out(), "== CIVIK@1.0.0");
    assertThat(civik).contains("Response definition CIVIK_PUBLISHED: 1 enrolled, 1 analysed")
        .contains("Response definition CIVIK_REGISTRY: 1 enrolled");
  }

  @Test
  @DisplayName("OUTC-2: a pooled report is printed only when asked for, and says it is pooled")
  void pooledOnlyWhenAskedAndLabelled() {
    CliRunner.Result r = CliRunner.run(concat("report", concat("--pooled", ALL)));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("== POOLED ACROSS PROTOCOLS (CIVIK@1.0.0, PAIN-CRISIS@1.0.0, "
        + "OUTPATIENT-SESSIONS@1.0.0): 4 episode(s) ==").contains("Infusions: 7");
  }

  @Test
  @DisplayName("CIVIK-7: report with the published CIVIK definition counts complete and partial responses")
  void civikDefinition() {
    CliRunner.Result r = CliRunner.run("report", "--definition", "CIVIK_PUBLISHED", "../examples/civik-5-day.json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 enrolled, 1 analysed").contains("complete 1/1 = 100.0%");
  }

  @Test
  @DisplayName("OUTC-2: an episode not analysed under a definition is counted with its reason")
  void exclusionsNameTheirReason() {
    CliRunner.Result r = CliRunner.run("report", "--definition", "CIVIK_PUBLISHED", "../examples/civik-5-day.json",
        "../examples/pain-crisis-case1.json");
    assertThat(r.exit()).as(r.err()).isZero();
    String crisis = section(r.out(), "== PAIN-CRISIS@1.0.0");
    assertThat(crisis).contains("1 enrolled, 0 analysed").contains("excluded 1: ")
        .contains("Overall response: none analysed");
  }

  private static String section(String out, String header) {
    int i = out.indexOf(header);
    assertThat(i).as(header).isNotNegative();
    int next = out.indexOf("\n== ", i + 1);
    return next < 0 ? out.substring(i) : out.substring(i, next);
  }

  private static String[] concat(String first, String... rest) {
    String[] out = new String[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }
}
