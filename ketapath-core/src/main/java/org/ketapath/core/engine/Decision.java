package org.ketapath.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ketapath.core.dose.RateSet;
import org.ketapath.core.outcome.ResponseResult;
import org.ketapath.core.screening.Finding;

/**
 * The engine's recommendation at one moment (DOSE-5): what to do, the rate in all three units,
 * why (reasons with rule IDs), and when the next assessment and the next titration review are due.
 */
public record Decision(
    Instant at,
    String protocolRef,
    Phase phase,
    Action action,
    List<Action> alsoDo,
    Optional<Integer> session,
    Optional<RateSet> currentRate,
    Optional<RateSet> newRate,
    Optional<RateSet> maximum,
    List<Reason> reasons,
    List<String> ruleIds,
    Optional<Instant> nextAssessmentDue,
    boolean assessmentOverdue,
    Optional<Instant> nextReviewDue,
    List<Deviation> deviations,
    List<Finding> screening,
    List<ResponseResult> responses,
    List<String> localChoices) {

  public Decision {
    alsoDo = List.copyOf(alsoDo);
    reasons = List.copyOf(reasons);
    ruleIds = List.copyOf(ruleIds);
    deviations = List.copyOf(deviations);
    screening = List.copyOf(screening);
    responses = List.copyOf(responses);
    localChoices = List.copyOf(localChoices);
  }

  /** True when this decision asks for the pain service to be called. */
  public boolean notifiesPainService() {
    return action == Action.NOTIFY_PAIN_SERVICE || alsoDo.contains(Action.NOTIFY_PAIN_SERVICE);
  }
}
