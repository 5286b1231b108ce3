package org.ketapath.core.engine;

import java.util.List;

/** One reason behind a decision: a stable code, plain words, and the rule IDs it rests on. */
public record Reason(String code, String text, List<String> rules) {
  public Reason {
    rules = List.copyOf(rules);
  }

  public static Reason of(String code, String text, String... rules) {
    return new Reason(code, text, List.of(rules));
  }
}
