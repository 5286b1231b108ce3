package org.ketapath.core.screening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketapath.core.dose.Decimals;
import org.ketapath.core.opioid.MeddResult;

/**
 * Evaluates a protocol's screening criteria (CIVIK-1/2, INST-1/2, OUT-1, GDL-2, GDL-3, GDL-7)
 * against documented facts. Nothing undocumented passes silently: it is reported as such.
 */
public final class Screening {
  private Screening() {}

  public static List<Finding> evaluate(List<Criterion> criteria, ScreeningInput in,
      Map<String, Finding.OverrideNote> overrides) {
    List<Finding> out = new ArrayList<>();
    for (Criterion c : criteria) {
      switch (c.kind()) {
        case REQUIRE -> {
          Eval e = eval(c.require(), in);
          Finding.Status st = e.value == null ? Finding.Status.NOT_DOCUMENTED
              : e.value ? Finding.Status.PASS : Finding.Status.FAIL;
          String reason = c.message() + ": " + (st == Finding.Status.PASS ? "met" : st == Finding.Status.FAIL
              ? "not met" : "not documented") + " (" + e.why + ")";
          out.add(new Finding(c.id(), c.severity(), st, reason, c.rules(), overrideFor(c.id(), st, overrides)));
        }
        case ABSENT -> {
          for (ClinicalFlag f : c.flags()) {
            Boolean v = in.flags().get(f);
            Finding.Status st = v == null ? Finding.Status.NOT_DOCUMENTED : v ? Finding.Status.FAIL
                : Finding.Status.PASS;
            String reason = switch (st) {
              case PASS -> "no " + f.label();
              case FAIL -> c.message() + ": " + f.label();
              case NOT_DOCUMENTED -> "not documented whether the patient has " + f.label();
            };
            // An undocumented contraindication warns rather than blocks: it must be checked, not assumed.
            Criterion.Severity sev = st == Finding.Status.NOT_DOCUMENTED ? Criterion.Severity.WARN : c.severity();
            String key = c.id() + ":" + f.key();
            out.add(new Finding(key, sev, st, reason, c.rules(), overrideFor(key, st, overrides)));
          }
        }
        case DOCUMENTED -> {
          for (ClinicalFlag f : c.flags()) {
            boolean ok = Boolean.TRUE.equals(in.flags().get(f));
            Finding.Status st = ok ? Finding.Status.PASS : Finding.Status.NOT_DOCUMENTED;
            String reason = ok ? "documented: " + f.label() : c.message() + ": " + f.label();
            String key = c.id() + ":" + f.key();
            out.add(new Finding(key, c.severity(), st, reason, c.rules(), overrideFor(key, st, overrides)));
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    return List.copyOf(out);
  }

  private static Optional<Finding.OverrideNote> overrideFor(String key, Finding.Status st,
      Map<String, Finding.OverrideNote> overrides) {
    if (st == Finding.Status.PASS) {
      return Optional.empty();
    }
    Finding.OverrideNote n = overrides.get(key);
    if (n == null && key.contains(":")) {
      n = overrides.get(key.substring(0, key.indexOf(':')));
    }
    return Optional.ofNullable(n);
  }

  /** Three-valued result with an explanation; value null = not documented. */
  private record Eval(Boolean value, String why) {}

  private static Eval eval(Condition c, ScreeningInput in) {
    if (c instanceof Condition.Flag f) {
      Boolean v = in.flags().get(f.flag());
      return new Eval(v, f.flag().label() + (v == null ? " not documented" : v ? "" : ": no"));
    }
    if (c instanceof Condition.All all) {
      return combine(all.parts(), in, true);
    }
    if (c instanceof Condition.Any any) {
      return combine(any.parts(), in, false);
    }
    if (c instanceof Condition.IvMeddAtLeast m) {
      return meddAtLeast(in, m.mgPerDay(), true);
    }
    if (c instanceof Condition.OralMeddAtLeast m) {
      return meddAtLeast(in, m.mgPerDay(), false);
    }
    if (c instanceof Condition.Rescues24hAtLeast r) {
      return new Eval(in.rescues24h() >= r.count(), in.rescues24h() + " rescue doses in 24 h, needs >= " + r.count());
    }
    if (c instanceof Condition.NrsAbovePpg) {
      if (in.latestNrs().isEmpty() || in.ppg().isEmpty()) {
        return new Eval(null, "NRS or personalised pain goal not recorded");
      }
      int nrs = in.latestNrs().get();
      int ppg = in.ppg().get();
      return new Eval(nrs > ppg, "NRS " + nrs + (nrs > ppg ? " > " : " <= ") + "PPG " + ppg);
    }
    if (c instanceof Condition.NeuropathicCauseIn n) {
      if (in.neuropathicCause().isEmpty()) {
        return new Eval(null, "neuropathic pain cause not documented");
      }
      boolean ok = n.causes().contains(in.neuropathicCause().get());
      return new Eval(ok, "cause " + in.neuropathicCause().get() + (ok ? "" : " is not one of " + n.causes()));
    }
    if (c instanceof Condition.OrderedBySpecialistService) {
      if (in.ordererService().isEmpty()) {
        // Before an order exists there is nothing to refuse; the order itself is checked when it is written.
        return new Eval(true, "to be ordered by " + String.join(", ", in.specialistServices()));
      }
      boolean ok = in.specialistServices().contains(in.ordererService().get());
      return new Eval(ok, "ordered by " + in.ordererService().get() + (ok ? "" : "; only "
          + String.join(", ", in.specialistServices()) + " may order"));
    }
    throw new IllegalStateException("unhandled condition " + c);
  }

  private static Eval combine(List<Condition> parts, ScreeningInput in, boolean all) {
    List<String> whys = new ArrayList<>();
    boolean unknown = false;
    boolean decided = false;
    for (Condition p : parts) {
      Eval e = eval(p, in);
      whys.add(e.why);
      if (e.value == null) {
        unknown = true;
      } else if (e.value != all) {
        decided = true;
      }
    }
    String why = String.join(all ? "; and " : "; or ", whys);
    if (decided) {
      return new Eval(!all, why);
    }
    return new Eval(unknown ? null : all, why);
  }

  private static Eval meddAtLeast(ScreeningInput in, BigDecimal threshold, boolean parenteral) {
    if (in.medd().isEmpty()) {
      return new Eval(null, in.meddProblem().orElse("MEDD not computable"));
    }
    MeddResult r = in.medd().get();
    if (parenteral) {
      if (r.parenteral().isEmpty()) {
        return new Eval(null, "table " + r.tableRef() + " gives no IV MEDD");
      }
      BigDecimal v = r.parenteral().get().mgPerDay();
      return new Eval(v.compareTo(threshold) >= 0, "IV MEDD " + Decimals.display(v, 0) + " mg/day "
          + (v.compareTo(threshold) >= 0 ? ">= " : "< ") + Decimals.plain(threshold) + " (" + r.tableRef() + ")");
    }
    BigDecimal v = r.oral().mgPerDay();
    return new Eval(v.compareTo(threshold) >= 0, "oral MEDD " + Decimals.display(v, 0) + " mg/day "
        + (v.compareTo(threshold) >= 0 ? ">= " : "< ") + Decimals.plain(threshold) + " (" + r.tableRef() + ")");
  }
}
