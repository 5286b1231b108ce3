package org.ketapath.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ketapath.core.dose.RateSet;
import org.ketapath.core.engine.Decision;
import org.ketapath.core.engine.Deviation;
import org.ketapath.core.engine.Reason;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.outcome.ResponseResult;
import org.ketapath.core.timeline.Replay;
import org.ketapath.core.timeline.Timeline;

/** The readable replay log: one block per decision, times in the ward's time zone. */
final class TableRenderer {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", java.util.Locale.ENGLISH);
  private final Timeline t;
  private final PrintWriter out;
  private final ZoneId zone;

  TableRenderer(Timeline t, PrintWriter out) {
    this.t = t;
    this.out = out;
    this.zone = t.timeZone();
  }

  private String time(Instant i) {
    return TIME.format(i.atZone(zone));
  }

  void render(List<Replay.Step> steps) {
    out.println("KetaPath replay: " + t.title());
    out.println("Protocol " + t.protocol().ref() + " - " + t.protocol().title());
    out.println("Patient " + t.patient().id() + t.patient().weight().map(w -> ", " + w + " (weighed "
        + time(w.measuredAt()) + ")").orElse(", no weight recorded") + t.patient().ppg().map(p -> ", PPG " + p)
        .orElse("") + "; times in " + zone);
    out.println("Decision support only: it supports, and does not replace, clinical judgement.");
    out.println();
    Set<String> deviationsShown = new LinkedHashSet<>();
    Set<String> localChoices = new LinkedHashSet<>();
    Set<String> evidenceShown = new LinkedHashSet<>();
    Decision last = null;
    for (Replay.Step s : steps) {
      Decision d = s.decision();
      last = d;
      localChoices.addAll(d.localChoices());
      out.println(time(d.at()) + "  " + trigger(s));
      out.println("    => " + action(d));
      d.currentRate().ifPresent(r -> {
        if (d.newRate().isEmpty() || !d.newRate().get().mgPerHour().equals(r.mgPerHour())) {
          out.println("       running " + rate(r));
        }
      });
      for (Reason r : d.reasons()) {
        if (r.code().equals("EVIDENCE") && !evidenceShown.add(r.text())) {
          continue; // the evidence summary (GDL-1) is shown once, at the top of the log
        }
        out.println("       - " + r.text() + rules(r.rules()));
      }
      for (Deviation dv : d.deviations()) {
        if (deviationsShown.add(dv.eventId() + dv.text())) {
          out.println("       ! DEVIATION (" + dv.eventId() + " by " + dv.by() + "): " + dv.text() + rules(dv.rules()));
        }
      }
      List<String> due = new ArrayList<>();
      d.nextAssessmentDue().ifPresent(x -> due.add("assessment " + time(x) + (d.assessmentOverdue() ? " (OVERDUE)"
          : "")));
      d.nextReviewDue().ifPresent(x -> due.add("review " + time(x)));
      if (!due.isEmpty()) {
        out.println("       next: " + String.join(", ", due));
      }
      out.println();
    }
    if (last != null) {
      summary(last, deviationsShown, localChoices);
    }
  }

  private void summary(Decision last, Set<String> deviations, Set<String> localChoices) {
    out.println("Summary");
    out.println("  final state: " + last.phase() + ", " + last.action());
    out.println("  deviations flagged: " + deviations.size());
    for (ResponseResult r : last.responses()) {
      out.println("  response " + r.definition() + ": " + r.category() + (r.provisional() ? " (provisional)" : "")
          + " - " + r.explanation() + rules(r.rules()));
    }
    if (!localChoices.isEmpty()) {
      out.println("  local choices used (assumptions where the sources are silent):");
      localChoices.forEach(c -> out.println("    * " + c));
    }
  }

  private String trigger(Replay.Step s) {
    Optional<EpisodeEvent> e = s.event();
    if (e.isEmpty()) {
      return "[review due]";
    }
    EpisodeEvent ev = e.get();
    String detail;
    if (ev instanceof EpisodeEvent.Started st) {
      detail = "started at " + st.rate();
    } else if (ev instanceof EpisodeEvent.RateChange rc) {
      detail = (rc.taper() ? "taper step to " : "rate changed to ") + rc.rate()
          + rc.reason().map(r -> " (" + r + ")").orElse("");
    } else if (ev instanceof EpisodeEvent.Assessment a) {
      detail = "assessment" + a.nrs().map(n -> " NRS " + n).orElse("")
          + a.ppg().map(n -> " PPG " + n).orElse("") + a.poss().map(n -> " POSS " + n).orElse("");
    } else if (ev instanceof EpisodeEvent.VitalSigns v) {
      detail = "vitals" + v.systolic().map(x -> " BP " + x).orElse("")
          + v.diastolic().map(x -> "/" + x).orElse("") + v.heartRate().map(x -> " HR " + x).orElse("")
          + v.respiratoryRate().map(x -> " RR " + x).orElse("") + v.spo2().map(x -> " SpO2 " + x + "%").orElse("");
    } else if (ev instanceof EpisodeEvent.OpioidGiven o) {
      detail = "opioid " + o.exposure().drug() + " " + o.exposure().route()
          + describe(o);
    } else if (ev instanceof EpisodeEvent.SideEffectRecorded se) {
      detail = "side effect: " + se.effect().label();
    } else if (ev instanceof EpisodeEvent.AdverseEvent ae) {
      detail = "adverse event: " + ae.term() + " grade " + ae.ctcaeGrade();
    } else if (ev instanceof EpisodeEvent.Override ov) {
      detail = "override " + ov.scope() + ov.finding().map(f -> " " + f).orElse("")
          + ov.upTo().map(u -> " up to " + u).orElse("") + ": " + ov.reason();
    } else if (ev instanceof EpisodeEvent.SessionStarted ss) {
      detail = "session " + ss.session() + " started at " + ss.rate() + " (baseline NRS "
          + ss.baselineNrs() + ")";
    } else if (ev instanceof EpisodeEvent.SessionEnded se) {
      detail = "session " + se.session() + " ended" + se.nrs().map(n -> ", NRS " + n)
          .orElse("");
    } else if (ev instanceof EpisodeEvent.Stopped st) {
      detail = "stopped: " + st.reason();
    } else if (ev instanceof EpisodeEvent.Ordered o) {
      detail = "ordered" + o.concentration().map(c -> ", bag " + c).orElse("")
          + o.maxRate().map(m -> ", order maximum " + m).orElse("");
    } else if (ev instanceof EpisodeEvent.WeightRecorded w) {
      detail = "weight " + w.weight();
    } else {
      detail = ev.type();
    }
    return "[" + ev.id() + "] " + detail + "  (" + ev.by().id() + ", " + ev.by().role() + ")";
  }

  private static String describe(EpisodeEvent.OpioidGiven o) {
    if (o.exposure() instanceof org.ketapath.core.opioid.OpioidExposure.Dose d) {
      return " " + d.amount() + (d.asNeeded() ? " (rescue)" : "");
    }
    if (o.exposure() instanceof org.ketapath.core.opioid.OpioidExposure.Infusion i) {
      return " infusion " + i.rate();
    }
    return " patch " + ((org.ketapath.core.opioid.OpioidExposure.Patch) o.exposure()).rate();
  }

  private static String action(Decision d) {
    StringBuilder sb = new StringBuilder(d.action().name());
    d.session().ifPresent(s -> sb.append(" (session ").append(s).append(')'));
    d.newRate().ifPresent(r -> sb.append(" ").append(rate(r)));
    if (!d.alsoDo().isEmpty()) {
      sb.append("  + ").append(String.join(", ", d.alsoDo().stream().map(Enum::name).toList()));
    }
    return sb.toString();
  }

  static String rate(RateSet r) {
    String s = r.mgPerHour() + " = " + r.mgPerKgPerHour() + " -> pump " + r.pumpRate();
    if (r.exactPumpRate().value().compareTo(r.pumpRate().value()) != 0) {
      s += " (exact " + r.exactPumpRate() + ", " + r.rounding() + ")";
    }
    return s;
  }

  private static String rules(List<String> rules) {
    return rules.isEmpty() ? "" : " [" + String.join(", ", rules) + "]";
  }
}
