package org.ketapath.server.alert;

import java.util.ArrayList;
import java.util.List;
import org.ketapath.server.alert.AlertService.Condition;
import org.ketapath.server.episode.EpisodeState;
import org.ketapath.server.episode.EventType;
import org.ketapath.server.episode.StoredEvent;

/**
 * Conditions raised by a newly recorded event that need no protocol numbers: a dose accepted above
 * the order by a physician's override, an override itself, and an adverse event. Protocol-driven
 * alerts (vital-sign limits, oxygen, overdue assessments) come from the decision engine.
 */
public final class AlertConditions {
  private AlertConditions() {}

  public static List<Condition> after(EpisodeState state, StoredEvent e) {
    List<Condition> out = new ArrayList<>();
    EventType type = EventType.parse(e.type()).orElse(null);
    if (type == null) {
      return out;
    }
    String at = "event " + e.seq();
    if ((type == EventType.RATE_CHANGE || type == EventType.STARTED) && !e.payload().path("overrideReason").asText("").isBlank()) {
      out.add(new Condition("limit:" + e.seq(), "ABOVE_ORDER_LIMIT", "HIGH",
          "rate " + state.currentRate() + " accepted above the order's maximum " + state.orderedMaxRate()
              + " by override (" + e.recordedBy() + "): " + e.payload().path("overrideReason").asText(),
          List.of("DOSE-4")));
    }
    if (type == EventType.OVERRIDE) {
      out.add(new Condition("override:" + e.seq(), "OVERRIDE", "MEDIUM",
          "override of " + e.payload().path("rule").asText() + " by " + e.recordedBy() + " (" + at + "): "
              + e.payload().path("reason").asText(),
          List.of("DOSE-4")));
    }
    if (type == EventType.ADVERSE_EVENT) {
      int grade = e.payload().path("grade").asInt(0);
      out.add(new Condition("adverse-event:" + e.seq(), "NOTIFY_PAIN_SERVICE", grade >= 3 ? "HIGH" : "MEDIUM",
          "adverse event " + e.payload().path("term").asText() + " (grade " + grade + ") recorded: notify the pain service",
          List.of("INST-5", "OUTC-1")));
    }
    return out;
  }
}
