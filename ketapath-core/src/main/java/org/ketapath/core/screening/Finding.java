package org.ketapath.core.screening;

import java.util.List;
import java.util.Optional;

/**
 * One screening result: the criterion (and flag) it comes from, whether it passed, failed or is
 * not documented, whether it blocks or warns, a plain reason, the rule IDs, and any override.
 */
public record Finding(String key, Criterion.Severity severity, Status status, String reason, List<String> rules,
    Optional<OverrideNote> override) {

  public enum Status {
    PASS,
    FAIL,
    NOT_DOCUMENTED
  }

  /** Who overrode a blocking finding and why. */
  public record OverrideNote(String by, String reason, java.time.Instant at) {}

  public Finding {
    rules = List.copyOf(rules);
  }

  /** A failing (or undocumented) blocking finding without an override stops the order. */
  public boolean blocks() {
    return severity == Criterion.Severity.BLOCK && status != Status.PASS && override.isEmpty();
  }

  public boolean warns() {
    return status != Status.PASS && !blocks() && override.isEmpty();
  }
}
