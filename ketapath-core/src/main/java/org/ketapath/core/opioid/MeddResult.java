package org.ketapath.core.opioid;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A morphine-equivalent daily dose over the 24 h window (windowStart, windowEnd] (MEDD-1), as oral
 * morphine and, when the table gives an oral:parenteral morphine ratio, as parenteral morphine on
 * the table's basis (MEDD-2). Names the table it used, carries every line of the sum and the warnings
 * (MEDD-3), and the number of rescue doses given in the window.
 */
public record MeddResult(
    MorphineEquivalent oral,
    Optional<MorphineEquivalent> parenteral,
    String tableRef,
    Instant windowStart,
    Instant windowEnd,
    List<MeddLine> lines,
    List<String> warnings,
    int rescueDoses) {

  public MeddResult {
    Objects.requireNonNull(oral, "oral");
    Objects.requireNonNull(parenteral, "parenteral");
    Objects.requireNonNull(tableRef, "tableRef");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    lines = List.copyOf(lines);
    warnings = List.copyOf(warnings);
  }

  /** Multi-line account of the result: totals, table, window, each line and each warning. */
  public String explain() {
    StringBuilder out = new StringBuilder();
    out.append("MEDD ").append(oral);
    parenteral.ifPresent(p -> out.append(" = ").append(p));
    out.append(" by table ").append(tableRef).append(", window (").append(windowStart).append(", ")
        .append(windowEnd).append("], rescue doses: ").append(rescueDoses).append('\n');
    for (MeddLine line : lines) {
      out.append("  ").append(line).append('\n');
    }
    for (String warning : warnings) {
      out.append("  WARNING: ").append(warning).append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return oral + parenteral.map(p -> " (" + p + ")").orElse("") + " [" + tableRef + "]";
  }
}
