package org.ketapath.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result file as a Markdown table with each benchmark's ratio to its in-run
 * baseline, and the speed-up over the CQL figures the benchmark is compared with. Usage:
 * {@code java -cp benchmarks.jar org.ketapath.bench.Ratios results.json}.
 */
public final class Ratios {
  /** Benchmark -> its baseline in the same run. */
  private static final Map<String, String> BASELINE = Map.of(
      "decision1000Events", "decisionBaselineFold",
      "decision1000EventsCheckedLog", "decisionBaselineFold",
      "decisionPartSequenceCheck", "decisionBaselineFold",
      "medd24Orders", "meddBaselineSum24",
      "meddOneOrder", "meddBaselineSum24");

  /** HL7 CQL engine computing the CDC MME on these machines, in microseconds (from the issue). */
  private static final Map<String, Double> CQL_MICROS = Map.of(
      "meddOneOrder", 5_000.0,
      "medd24Orders", 40_000.0);

  private Ratios() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: Ratios <jmh-results.json>");
      System.exit(2);
    }
    JsonNode root = new ObjectMapper().readTree(new File(args[0]));
    Map<String, double[]> scores = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    for (JsonNode b : root) {
      String name = b.get("benchmark").asText();
      name = name.substring(name.lastIndexOf('.') + 1);
      JsonNode m = b.get("primaryMetric");
      scores.put(name, new double[] {m.get("score").asDouble(), m.get("scoreError").asDouble()});
      units.put(name, m.get("scoreUnit").asText());
    }
    System.out.println("| benchmark | average | error (99.9%) | ratio to baseline | vs CQL (40-50 ms / 5 ms) |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Map.Entry<String, double[]> e : scores.entrySet()) {
      String name = e.getKey();
      double[] s = e.getValue();
      String ratio = "baseline";
      String base = BASELINE.get(name);
      if (base != null && scores.containsKey(base)) {
        ratio = String.format(Locale.ROOT, "%.1fx %s", s[0] / scores.get(base)[0], base);
      }
      String cql = "";
      if (CQL_MICROS.containsKey(name) && units.get(name).equals("us/op")) {
        cql = String.format(Locale.ROOT, "%.0fx faster", CQL_MICROS.get(name) / s[0]);
      }
      System.out.println(String.format(Locale.ROOT, "| %s | %.3f %s | %.3f | %s | %s |", name, s[0], units.get(name),
          s[1], ratio, cql));
    }
  }
}
