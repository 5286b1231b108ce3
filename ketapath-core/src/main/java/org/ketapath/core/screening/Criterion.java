package org.ketapath.core.screening;

import java.util.List;

/**
 * One screening criterion of a protocol (data): a condition that must hold, flags that must be
 * absent (contraindications), or flags that must be documented (step therapy, GDL-2).
 */
public record Criterion(String id, Severity severity, List<String> rules, String message, Kind kind,
    Condition require, List<ClinicalFlag> flags) {

  public enum Severity {
    BLOCK,
    WARN
  }

  public enum Kind {
    REQUIRE,
    ABSENT,
    DOCUMENTED
  }

  public Criterion {
    rules = List.copyOf(rules);
    flags = List.copyOf(flags);
  }
}
