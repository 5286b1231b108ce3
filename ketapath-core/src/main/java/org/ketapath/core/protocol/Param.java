package org.ketapath.core.protocol;

import java.util.List;
import java.util.Optional;

/**
 * A protocol number (or setting) with the rule IDs it implements and where it comes from. A
 * parameter with a {@code localChoice} is an assumption where the sources are silent: every output
 * that uses it labels it as a local choice, not as published evidence.
 */
public record Param<T>(T value, List<String> rules, String source, Optional<String> localChoice) {
  public Param {
    rules = List.copyOf(rules);
  }

  public boolean isLocalChoice() {
    return localChoice.isPresent();
  }

  /** "local choice: the latest NRS in the window is compared with the PPG" or empty. */
  public Optional<String> localChoiceNote() {
    return localChoice.map(c -> "local choice: " + c);
  }
}
