package org.ketapath.core.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.ketapath.core.dose.Decimals;
import org.ketapath.core.dose.RateSet;
import org.ketapath.core.engine.Decision;
import org.ketapath.core.engine.Deviation;
import org.ketapath.core.engine.Reason;
import org.ketapath.core.outcome.ResponseResult;
import org.ketapath.core.screening.Finding;

/** Decisions as JSON with a stable field order: the replay's --json output and the API's body. */
public final class DecisionJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DecisionJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectNode toJson(Decision d) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("at", d.at().toString());
    o.put("protocol", d.protocolRef());
    o.put("phase", d.phase().name());
    d.session().ifPresent(s -> o.put("session", s));
    o.put("action", d.action().name());
    ArrayNode also = o.putArray("alsoDo");
    d.alsoDo().forEach(a -> also.add(a.name()));
    rate(o, "currentRate", d.currentRate());
    rate(o, "newRate", d.newRate());
    rate(o, "maximum", d.maximum());
    ArrayNode reasons = o.putArray("reasons");
    for (Reason r : d.reasons()) {
      ObjectNode rn = reasons.addObject();
      rn.put("code", r.code());
      rn.put("text", r.text());
      ArrayNode rules = rn.putArray("rules");
      r.rules().forEach(rules::add);
    }
    ArrayNode rules = o.putArray("ruleIds");
    d.ruleIds().forEach(rules::add);
    d.nextAssessmentDue().ifPresent(t -> o.put("nextAssessmentDue", t.toString()));
    o.put("assessmentOverdue", d.assessmentOverdue());
    d.nextReviewDue().ifPresent(t -> o.put("nextReviewDue", t.toString()));
    ArrayNode devs = o.putArray("deviations");
    for (Deviation dv : d.deviations()) {
      ObjectNode dn = devs.addObject();
      dn.put("event", dv.eventId());
      dn.put("at", dv.at().toString());
      dn.put("by", dv.by().toString());
      dn.put("text", dv.text());
      ArrayNode dr = dn.putArray("rules");
      dv.rules().forEach(dr::add);
    }
    if (!d.screening().isEmpty()) {
      ArrayNode sc = o.putArray("screening");
      for (Finding f : d.screening()) {
        ObjectNode fn = sc.addObject();
        fn.put("key", f.key());
        fn.put("severity", f.severity().name());
        fn.put("status", f.status().name());
        fn.put("blocks", f.blocks());
        fn.put("reason", f.reason());
        ArrayNode fr = fn.putArray("rules");
        f.rules().forEach(fr::add);
        f.override().ifPresent(ov -> {
          ObjectNode on = fn.putObject("override");
          on.put("by", ov.by());
          on.put("reason", ov.reason());
          on.put("at", ov.at().toString());
        });
      }
    }
    if (!d.responses().isEmpty()) {
      ArrayNode rs = o.putArray("responses");
      for (ResponseResult r : d.responses()) {
        ObjectNode rn = rs.addObject();
        rn.put("definition", r.definition().name());
        rn.put("category", r.category().name());
        rn.put("provisional", r.provisional());
        rn.put("explanation", r.explanation());
        ArrayNode rr = rn.putArray("rules");
        r.rules().forEach(rr::add);
      }
    }
    ArrayNode lc = o.putArray("localChoices");
    d.localChoices().forEach(lc::add);
    return o;
  }

  private static void rate(ObjectNode o, String name, Optional<RateSet> r) {
    r.ifPresent(rs -> {
      ObjectNode n = o.putObject(name);
      n.put("mgPerKgPerHour", Decimals.display(rs.mgPerKgPerHour().value(), 4));
      n.put("mgPerHour", Decimals.display(rs.mgPerHour().value(), 3));
      n.put("pumpMlPerHour", Decimals.plain(rs.pumpRate().value()));
      n.put("exactMlPerHour", Decimals.display(rs.exactPumpRate().value(), 4));
      n.put("deliveredMgPerHour", Decimals.display(rs.deliveredMgPerHour().value(), 4));
      n.put("rounding", rs.rounding());
    });
  }
}
