package org.ketapath.core.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ketapath.core.episode.SideEffect;

/** Observation schedule and the limits that trigger action (DOSE-5, GDL-6, INST-5, INST-6). */
public record Monitoring(
    Param<List<ScheduleStep>> assessmentSchedule,
    Param<VitalLimits> vitalLimits,
    Param<Integer> oxygenAtOrBelowSpo2,
    Param<SedationLimits> sedation,
    Param<Set<SideEffect>> notifySideEffects,
    Param<String> psychotomimeticPrn) {

  /** Observe every {@code every} until {@code until} after the start (empty = from then on). */
  public record ScheduleStep(Optional<Duration> until, Duration every) {}

  /** INST-5: notify above these values (respiratory rate: at or below). */
  public record VitalLimits(int systolicAbove, int diastolicAbove, int heartRateAbove, int respiratoryRateAtOrBelow) {}

  /** POSS levels at which titration holds, or the infusion stops. */
  public record SedationLimits(int holdAtPoss, int stopAtPoss) {}

  /** Interval between observations at {@code elapsed} since the start. */
  public Duration intervalAt(Duration elapsed) {
    for (ScheduleStep s : assessmentSchedule.value()) {
      if (s.until().isEmpty() || elapsed.compareTo(s.until().get()) < 0) {
        return s.every();
      }
    }
    List<ScheduleStep> steps = assessmentSchedule.value();
    return steps.get(steps.size() - 1).every();
  }
}
