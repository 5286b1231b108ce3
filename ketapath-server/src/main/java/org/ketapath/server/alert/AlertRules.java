package org.ketapath.server.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ketapath.core.engine.Action;
import org.ketapath.core.engine.Decision;
import org.ketapath.core.engine.Deviation;
import org.ketapath.core.engine.Reason;
import org.ketapath.server.alert.AlertService.Condition;

/**
 * Turns the engine's decisions into alert conditions. A condition that the decision after an
 * append shows and the decision before it did not is a new occurrence, keyed by the event that
 * raised it; while it persists over later events no new alert is raised. An overdue assessment is
 * keyed by the time it was due, so it is raised once however often the episode is read.
 */
public final class AlertRules {
  private AlertRules() {}

  /** Conditions that an append made appear. {@code previous} may be null (no decision before). */
  public static List<Condition> newConditions(Decision previous, Decision after, int seq) {
    Map<String, Condition> now = active(after, "seq-" + seq);
    Map<String, Condition> before = previous == null ? Map.of() : active(previous, "seq-" + seq);
    List<Condition> out = new ArrayList<>();
    now.forEach((kind, c) -> {
      if (!before.containsKey(kind)) {
        out.add(c);
      }
    });
    return out;
  }

  /** Time-driven conditions: the assessment that is overdue now. */
  public static List<Condition> timeConditions(Decision d) {
    List<Condition> out = new ArrayList<>();
    if (d.assessmentOverdue() && d.nextAssessmentDue().isPresent()) {
      out.add(new Condition("ASSESS_NOW|due=" + d.nextAssessmentDue().get(), "ASSESSMENT_OVERDUE", "MEDIUM",
          "assessment overdue since " + d.nextAssessmentDue().get(), List.of("DOSE-5")));
    }
    return out;
  }

  private static Map<String, Condition> active(Decision d, String occurrence) {
    Map<String, Condition> out = new LinkedHashMap<>();
    if (d.notifiesPainService()) {
      out.put("NOTIFY_PAIN_SERVICE", condition("NOTIFY_PAIN_SERVICE", "HIGH", d, occurrence));
    }
    if (d.action() == Action.GIVE_OXYGEN || d.alsoDo().contains(Action.GIVE_OXYGEN)) {
      out.put("GIVE_OXYGEN", condition("GIVE_OXYGEN", "HIGH", d, occurrence));
    }
    if (d.action() == Action.STOP && !d.reasons().isEmpty() && d.phase() != org.ketapath.core.engine.Phase.STOPPED) {
      out.put("STOP", condition("STOP_INFUSION", "HIGH", d, occurrence));
    }
    for (Deviation dev : d.deviations()) {
      out.put("LIMIT|" + dev.eventId(), new Condition("LIMIT|" + dev.eventId(), "LIMIT_DEVIATION", "HIGH", dev.text(),
          dev.rules()));
    }
    return out;
  }

  private static Condition condition(String kind, String severity, Decision d, String occurrence) {
    List<Reason> reasons = d.reasons().stream().filter(r -> !"EVIDENCE".equals(r.code())).toList();
    String text = reasons.stream().map(Reason::text).collect(Collectors.joining("; "));
    if (text.length() > 1000) {
      text = text.substring(0, 997) + "...";
    }
    return new Condition(kind + "|" + occurrence, kind, severity, text.isEmpty() ? kind : text, d.ruleIds());
  }
}
