package org.ketapath.core.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One response definition computed for the episode (CIVIK-7 published and registry, OUT-5). */
public record ResponseSpec(
    Kind kind,
    List<String> rules,
    String source,
    Optional<Integer> maxRescuesPerDay,
    Optional<Integer> nrsAtOrBelow,
    Optional<Integer> rescuesBelow,
    Optional<Integer> minReductionPercent,
    Optional<Param<Duration>> window) {

  public enum Kind {
    /** CIVIK-7 as published: complete = rescues <= 3/day and NRS <= PPG; partial = rescues <= 3/day. */
    CIVIK_PUBLISHED,
    /** NCT03362073 registration: NRS <= 3 or <= PPG, and fewer than 4 rescues in 24 h. */
    CIVIK_REGISTRY,
    /** OUT-5: >= 30% NRS reduction from baseline. */
    NRS_REDUCTION
  }
}
