package org.ketapath.core.protocol;

import java.time.Duration;

/** Course length and what happens when it is reached (CIVIK-6, INST-9). */
public record Course(Param<Duration> duration, AtEnd atEnd) {
  public enum AtEnd {
    /** The infusion stops (CIVIK-6). */
    STOP,
    /** Continuing needs a documented reason (INST-9). */
    REQUIRE_REASON
  }
}
