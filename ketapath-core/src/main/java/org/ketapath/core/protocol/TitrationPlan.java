package org.ketapath.core.protocol;

import java.time.Duration;
import java.util.Optional;
import org.ketapath.core.dose.DoseRate;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.dose.MgPerKgPerHour;

/**
 * The titration strategies a protocol can choose from. A hospital writes a new protocol as data by
 * choosing one strategy and setting its numbers; a new strategy is code.
 */
public sealed interface TitrationPlan
    permits TitrationPlan.ScheduledReview, TitrationPlan.NurseTitration, TitrationPlan.Sessions {

  String strategy();

  /** Which NRS is compared with the personalised pain goal. */
  enum NrsSelection {
    LATEST_IN_WINDOW
  }

  /**
   * CIVIK-4/5: at fixed reviews from the start (every {@code reviewEvery}), increase by {@code step}
   * when the NRS exceeds the PPG or enough rescues were given in the window; otherwise keep the rate.
   */
  record ScheduledReview(
      Param<Duration> reviewEvery,
      Param<DoseRate> step,
      Param<NrsSelection> painAbovePpg,
      Param<Integer> rescuesInWindowAtLeast) implements TitrationPlan {
    @Override
    public String strategy() {
      return "SCHEDULED_REVIEW";
    }
  }

  /** Inadequate pain control as the nurse judges it for titration. */
  enum InadequatePain {
    NRS_ABOVE_PPG
  }

  /**
   * INST-4/8: nurse increases by {@code step} no sooner than {@code minInterval} after the last
   * change while pain is inadequate; once comfortable the rate is held, then tapered and stopped.
   */
  record NurseTitration(
      Param<MgPerHour> step,
      Param<Duration> minInterval,
      Param<InadequatePain> inadequatePain,
      Param<Duration> holdWhenComfortable,
      Param<MgPerHour> taperStep,
      Param<Duration> taperEvery,
      Param<MgPerHour> stopBelow) implements TitrationPlan {
    @Override
    public String strategy() {
      return "NURSE_TITRATION";
    }
  }

  /** How a later outpatient session's starting rate is chosen. */
  enum LaterSessionStart {
    PREVIOUS_HIGHEST_TOLERATED,
    PROTOCOL_START
  }

  /** OUT-2..5: fixed-length sessions, titrated within each session, repeated at intervals. */
  record Sessions(
      Param<Duration> sessionLength,
      Param<MgPerHour> step,
      Param<Duration> stepEvery,
      Param<MgPerHour> firstSessionMaximum,
      Param<LaterSessionStart> laterSessionStart,
      Param<Integer> earlySessions,
      Param<Duration> earlySessionInterval,
      Param<Duration> maintenanceInterval) implements TitrationPlan {
    @Override
    public String strategy() {
      return "SESSIONS";
    }
  }

  /** Weight-based step for display. */
  static Optional<MgPerKgPerHour> weightBased(DoseRate r) {
    return r instanceof DoseRate.WeightBased w ? Optional.of(w.rate()) : Optional.empty();
  }
}
