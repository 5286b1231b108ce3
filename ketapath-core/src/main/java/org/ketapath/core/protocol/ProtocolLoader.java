package org.ketapath.core.protocol;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.data.DataException;
import org.ketapath.core.data.DataNode;
import org.ketapath.core.data.LocatedTree;
import org.ketapath.core.dose.DoseRate;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.dose.MgPerKgPerHour;
import org.ketapath.core.dose.MgPerMl;
import org.ketapath.core.dose.PumpRounding;
import org.ketapath.core.dose.WeightPolicy;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.opioid.ConversionTables;
import org.ketapath.core.screening.ClinicalFlag;
import org.ketapath.core.screening.Condition;
import org.ketapath.core.screening.Criterion;
import org.ketapath.core.screening.NeuropathicCause;

/**
 * Reads and validates one protocol version file. A file that breaks a rule is refused with a
 * message naming the file, the line, the field and the rule; nothing is corrected or clamped.
 */
public final class ProtocolLoader {
  /** GDL-4: the absolute analgesic ceiling. The only clinical number held in code; validation enforces it. */
  public static final MgPerKgPerHour GDL4_ANALGESIC_CEILING = MgPerKgPerHour.of("0.5");

  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9-]{1,40}");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  private static final Pattern LOCAL_RULE = Pattern.compile("LOCAL-[A-Z0-9-]+");
  private static final Pattern TABLE_REF = Pattern.compile("([^@\\s]+)@([^@\\s]+)");

  /** PROT-1: the coarsest pump resolution a protocol may set; coarser steps round most rates to nothing. */
  public static final BigDecimal PROT1_MAX_PUMP_RESOLUTION_ML_PER_H = BigDecimal.ONE;
  /** PROT-1: the outer bounds any protocol's weight plausibility range must lie within. */
  public static final BigDecimal PROT1_MIN_WEIGHT_KG = BigDecimal.ONE;
  public static final BigDecimal PROT1_MAX_WEIGHT_KG = new BigDecimal("500");
  /** PROT-1, GDL-4: the lower end of the analgesic infusion range, for weight-based starts. */
  public static final MgPerKgPerHour GDL4_ANALGESIC_FLOOR = MgPerKgPerHour.of("0.05");

  private final List<Param<?>> params = new ArrayList<>();
  private final Set<String> localRules = new HashSet<>();
  private final ServiceVocabulary services;

  private ProtocolLoader(ServiceVocabulary services) {
    this.services = services;
  }

  /** Reads and validates a protocol file against the bundled service vocabulary. */
  public static Protocol parse(String sourceName, InputStream in) {
    return parse(sourceName, in, ServiceVocabulary.bundled());
  }

  /** Reads and validates a protocol file; ordering services must be in {@code services} (PROT-1). */
  public static Protocol parse(String sourceName, InputStream in, ServiceVocabulary services) {
    DataNode root = LocatedTree.byName(sourceName, in);
    return new ProtocolLoader(services).read(root);
  }

  private Protocol read(DataNode root) {
    String id = root.get("id").as(n -> matching(n, ID, "an upper-case id such as CIVIK"));
    String version = root.get("version").as(n -> matching(n, VERSION, "a version such as 1.0.0"));
    root.optList("localRules").ifPresent(list -> list.forEach(n -> localRules.add(matching(n, LOCAL_RULE,
        "a local rule id such as LOCAL-1"))));
    String title = root.string("title");
    String summary = root.string("summary");
    Setting setting = root.enumValue("setting", Setting.class);
    String route = root.get("route").as(ProtocolLoader::infusionRoute);
    DataNode source = root.object("source");
    String sourceId = source.string("id");
    String citation = source.string("citation");
    source.done();
    List<String> rules = rules(root, "rules", true);

    DataNode ordering = root.object("ordering");
    Param<List<String>> services = param(ordering, "services", n -> n.raw().isArray()
        ? n.as(x -> x.raw().isEmpty() ? fail(x, "at least one ordering service is needed (INST-1)") : serviceList(x))
        : fail(n, "expected a list of services"));
    Param<String> meddTable = param(ordering, "meddTable", ProtocolLoader::meddTableRef);
    Optional<Param<Boolean>> suspend = optParam(ordering, "suspendOtherDepressants", DataNode::bool);
    ordering.done();

    DataNode w = root.object("weight");
    Param<BigDecimal> minKg = param(w, "minKg", n -> positive(n));
    Param<BigDecimal> maxKg = param(w, "maxKg", n -> positive(n));
    Param<Duration> maxAge = param(w, "maxAge", DataNode::duration);
    w.done();
    if (minKg.value().compareTo(maxKg.value()) >= 0) {
      throw w.error("DATA-RANGE", List.of("DOSE-2", "PROT-1"), "minKg must be below maxKg");
    }
    for (String bound : List.of("minKg", "maxKg")) {
      BigDecimal kg = (bound.equals("minKg") ? minKg : maxKg).value();
      if (kg.compareTo(PROT1_MIN_WEIGHT_KG) < 0 || kg.compareTo(PROT1_MAX_WEIGHT_KG) > 0) {
        throw w.get(bound).get("value").error("PROTOCOL-RANGE", List.of("PROT-1", "DOSE-2"), bound + " " + kg.toPlainString()
            + " kg lies outside " + PROT1_MIN_WEIGHT_KG + "-" + PROT1_MAX_WEIGHT_KG
            + " kg, the range any weight plausibility bound must lie within");
      }
    }
    Param<WeightPolicy> weight = new Param<>(new WeightPolicy(minKg.value(), maxKg.value(), maxAge.value()),
        List.of("DOSE-2"), minKg.source(), maxAge.localChoice());

    Dosing dosing = dosing(root.object("dosing"), minKg.value());
    TitrationPlan titration = titration(root.object("titration"), dosing, minKg.value(), maxKg.value());
    Optional<Course> course = root.optObject("course").map(c -> {
      Param<Duration> d = param(c, "duration", DataNode::duration);
      Course.AtEnd atEnd = c.enumValue("atEnd", Course.AtEnd.class);
      c.done();
      return new Course(d, atEnd);
    });
    if (course.isEmpty() && !(titration instanceof TitrationPlan.Sessions)) {
      throw root.error("PROTOCOL-COURSE", List.of("PROT-1", "CIVIK-6", "INST-9"), "a continuous-infusion protocol "
          + "needs a course length (course.duration with atEnd STOP or REQUIRE_REASON), so an infusion cannot run "
          + "without an end");
    }
    Monitoring monitoring = monitoring(root.object("monitoring"));
    DataNode tox = root.object("toxicity");
    Param<Integer> stopGrade = param(tox, "stopAtCtcaeGrade", n -> n.integerInSelf(1, 5));
    tox.done();
    List<ResponseSpec> responses = new ArrayList<>();
    for (DataNode r : root.list("response")) {
      responses.add(response(r));
    }
    List<Criterion> screening = new ArrayList<>();
    Set<String> criterionIds = new HashSet<>();
    for (DataNode c : root.list("screening")) {
      Criterion crit = criterion(c);
      if (!criterionIds.add(crit.id())) {
        throw c.error("DATA-DUPLICATE", List.of(), "screening criterion id \"" + crit.id() + "\" is used twice");
      }
      screening.add(crit);
    }
    Param<List<String>> afterCare = param(root, "afterCare", n -> n.raw().isArray() ? textList(n)
        : fail(n, "expected a list of instructions"));
    root.done();

    return new Protocol(id, version, title, summary, setting, route, sourceId, citation, rules, services, meddTable,
        suspend, weight, dosing, titration, course, monitoring, stopGrade, responses, screening, afterCare,
        List.copyOf(params));
  }

  private Dosing dosing(DataNode d, BigDecimal minKg) {
    Param<DoseRate> start = param(d, "start", n -> positiveDose(protocolDose(n), n));
    Param<MgPerKgPerHour> ceiling = param(d, "ceiling", n -> {
      DoseRate r = n.doseRate();
      if (!(r instanceof DoseRate.WeightBased wb)) {
        return fail(n, "the ceiling must be weight-based (mg/kg/h), got " + r.unit());
      }
      if (wb.rate().value().signum() <= 0) {
        return fail(n, "the ceiling must be above 0 mg/kg/h");
      }
      if (wb.rate().exceeds(GDL4_ANALGESIC_CEILING)) {
        throw n.error("PROTOCOL-GDL4", List.of("GDL-4"), "ceiling " + wb.rate() + " exceeds the analgesic ceiling of "
            + GDL4_ANALGESIC_CEILING + "; a protocol may never allow more");
      }
      return wb.rate();
    });
    Optional<Param<MgPerHour>> absMax = optParam(d, "absoluteMaximum", n -> {
      DoseRate r = n.doseRate();
      if (r instanceof DoseRate.WeightBased wb) {
        if (wb.rate().exceeds(GDL4_ANALGESIC_CEILING)) {
          throw n.error("PROTOCOL-GDL4", List.of("GDL-4", "INST-3"), "maximum " + wb.rate()
              + " exceeds the analgesic ceiling of " + GDL4_ANALGESIC_CEILING
              + " (\"20 mg/kg/hr\" in source 003 is a misprint for 20 mg/h)");
        }
        return fail(n, "absoluteMaximum must be in mg/h; put weight-based limits in ceiling");
      }
      if (!(r instanceof DoseRate.Absolute a)) {
        return fail(n, "absoluteMaximum must be in mg/h, got " + r.unit());
      }
      if (a.rate().isZero()) {
        return fail(n, "absoluteMaximum must be above 0 mg/h");
      }
      return a.rate();
    });
    Param<MgPerMl> conc = param(d, "concentration", n -> {
      String t = n.text();
      String[] parts = t.split("\\s+");
      if (parts.length != 2 || !parts[1].equalsIgnoreCase("mg/mL")) {
        return fail(n, "concentration must be written like \"1 mg/mL\", got \"" + t + "\"");
      }
      try {
        return new MgPerMl(new BigDecimal(parts[0]));
      } catch (NumberFormatException e) {
        return fail(n, "\"" + t + "\" does not start with a number");
      }
    });
    DataNode pump = d.object("pump");
    Param<BigDecimal> resolution = param(pump, "resolution", n -> {
      BigDecimal r = positive(n);
      if (r.compareTo(PROT1_MAX_PUMP_RESOLUTION_ML_PER_H) > 0) {
        throw n.error("PROTOCOL-RANGE", List.of("PROT-1", "DOSE-3"), "pump resolution " + r.toPlainString()
            + " mL/h is coarser than " + PROT1_MAX_PUMP_RESOLUTION_ML_PER_H + " mL/h: rounded to it, most "
            + "low-dose rates would program the pump to deliver nothing");
      }
      return r;
    });
    Param<RoundingMode> rounding = param(pump, "rounding", n -> {
      String v = n.text();
      return switch (v) {
        case "DOWN" -> RoundingMode.DOWN;
        case "UP" -> RoundingMode.UP;
        case "NEAREST" -> RoundingMode.HALF_UP;
        default -> fail(n, "rounding must be DOWN, UP or NEAREST, got \"" + v + "\"");
      };
    });
    pump.done();
    d.done();
    Param<PumpRounding> pumpParam = new Param<>(new PumpRounding(resolution.value(), rounding.value()),
        List.of("DOSE-3"), resolution.source(), rounding.localChoice());

    // Start must not exceed the maximum (in the units that can be compared without a weight).
    DataNode startNode = d.get("start");
    DoseRate s = start.value();
    if (s instanceof DoseRate.WeightBased wb && GDL4_ANALGESIC_FLOOR.exceeds(wb.rate())) {
      throw startNode.get("value").error("PROTOCOL-RANGE", List.of("PROT-1", "GDL-4"), "start " + wb.rate()
          + " is below " + GDL4_ANALGESIC_FLOOR + ", the lower end of the analgesic infusion range (fixed mg/h "
          + "starts are exempt)");
    }
    if (s instanceof DoseRate.WeightBased wb && wb.rate().exceeds(ceiling.value())) {
      throw startNode.error("PROTOCOL-START", concat(start.rules(), ceiling.rules()), "start " + wb.rate()
          + " is above the protocol ceiling " + ceiling.value());
    }
    if (s instanceof DoseRate.Absolute a) {
      if (absMax.isPresent() && a.rate().exceeds(absMax.get().value())) {
        throw startNode.error("PROTOCOL-START", concat(start.rules(), absMax.get().rules()), "start " + a.rate()
            + " is above the protocol maximum " + absMax.get().value());
      }
      MgPerHour lightest = ceiling.value().times(new org.ketapath.core.dose.BodyWeight(minKg, java.time.Instant.EPOCH));
      if (a.rate().exceeds(lightest)) {
        throw startNode.error("PROTOCOL-START", concat(start.rules(), List.of("GDL-4")), "start " + a.rate()
            + " exceeds the ceiling " + ceiling.value() + " for the lightest plausible patient (" + minKg + " kg)");
      }
    }
    return new Dosing(start, ceiling, absMax, conc, pumpParam);
  }

  private TitrationPlan titration(DataNode t, Dosing dosing, BigDecimal minKg, BigDecimal maxKg) {
    String strategy = t.string("strategy");
    TitrationPlan plan = switch (strategy) {
      case "SCHEDULED_REVIEW" -> new TitrationPlan.ScheduledReview(
          param(t, "reviewEvery", DataNode::duration),
          param(t, "step", n -> positiveDose(protocolDose(n), n)),
          param(t, "painAbovePpg", n -> n.enumValue(TitrationPlan.NrsSelection.class)),
          param(t, "rescuesInWindowAtLeast", n -> n.integerInSelf(1, 100)));
      case "NURSE_TITRATION" -> new TitrationPlan.NurseTitration(
          param(t, "step", n -> mgPerHour(n)),
          param(t, "minInterval", DataNode::duration),
          param(t, "inadequatePain", n -> n.enumValue(TitrationPlan.InadequatePain.class)),
          param(t, "holdWhenComfortable", DataNode::duration),
          param(t, "taperStep", n -> mgPerHour(n)),
          param(t, "taperEvery", DataNode::duration),
          param(t, "stopBelow", n -> mgPerHour(n)));
      case "SESSIONS" -> new TitrationPlan.Sessions(
          param(t, "sessionLength", DataNode::duration),
          param(t, "step", n -> mgPerHour(n)),
          param(t, "stepEvery", DataNode::duration),
          param(t, "firstSessionMaximum", n -> mgPerHour(n)),
          param(t, "laterSessionStart", n -> n.enumValue(TitrationPlan.LaterSessionStart.class)),
          param(t, "earlySessions", n -> n.integerInSelf(1, 20)),
          param(t, "earlySessionInterval", DataNode::duration),
          param(t, "maintenanceInterval", DataNode::duration));
      default -> throw t.get("strategy").error("DATA-ENUM", List.of(), "unknown titration strategy \"" + strategy
          + "\"; use SCHEDULED_REVIEW, NURSE_TITRATION or SESSIONS");
    };
    t.done();
    if (plan instanceof TitrationPlan.Sessions s && dosing.absoluteMaximum().isPresent()
        && s.firstSessionMaximum().value().exceeds(dosing.absoluteMaximum().get().value())) {
      throw t.get("firstSessionMaximum").error("PROTOCOL-MAX", List.of("OUT-3", "DOSE-4"),
          "first-session maximum is above the protocol maximum " + dosing.absoluteMaximum().get().value());
    }
    if (plan instanceof TitrationPlan.NurseTitration n && dosing.absoluteMaximum().isPresent()
        && n.stopBelow().value().exceeds(dosing.absoluteMaximum().get().value())) {
      throw t.get("stopBelow").error("PROTOCOL-MAX", List.of("INST-8"), "stopBelow is above the protocol maximum");
    }
    stepWithinRange(t, plan, dosing, minKg, maxKg);
    return plan;
  }

  /**
   * PROT-1: a titration step larger than the whole distance from the start to the maximum is a typing
   * error (0.6 mg/kg/h against a 0.5 ceiling). Where the units differ the distance depends on weight;
   * the step is refused only when it exceeds the largest distance of any plausible patient.
   */
  private static void stepWithinRange(DataNode t, TitrationPlan plan, Dosing dosing, BigDecimal minKg,
      BigDecimal maxKg) {
    DoseRate step;
    if (plan instanceof TitrationPlan.ScheduledReview sr) {
      step = sr.step().value();
    } else if (plan instanceof TitrationPlan.NurseTitration nt) {
      step = new DoseRate.Absolute(nt.step().value());
    } else if (plan instanceof TitrationPlan.Sessions ss) {
      step = new DoseRate.Absolute(ss.step().value());
    } else {
      return;
    }
    MgPerHour absoluteMax = dosing.absoluteMaximum().map(Param::value).orElse(null);
    BigDecimal leastExcess = null;
    List<BigDecimal> weights = new ArrayList<>(List.of(minKg, maxKg));
    if (absoluteMax != null) {
      BigDecimal where = absoluteMax.value().divide(dosing.ceiling().value().value(), 6, RoundingMode.HALF_UP);
      if (where.compareTo(minKg) > 0 && where.compareTo(maxKg) < 0) {
        weights.add(where);
      }
    }
    for (BigDecimal kg : weights) {
      BigDecimal max = dosing.ceiling().value().value().multiply(kg);
      if (absoluteMax != null && absoluteMax.value().compareTo(max) < 0) {
        max = absoluteMax.value();
      }
      BigDecimal start = dosing.start().value() instanceof DoseRate.WeightBased wb ? wb.rate().value().multiply(kg)
          : ((DoseRate.Absolute) dosing.start().value()).rate().value();
      BigDecimal stepMgH = step instanceof DoseRate.WeightBased wb ? wb.rate().value().multiply(kg)
          : ((DoseRate.Absolute) step).rate().value();
      BigDecimal excess = stepMgH.subtract(max.subtract(start));
      if (leastExcess == null || excess.compareTo(leastExcess) < 0) {
        leastExcess = excess;
      }
    }
    if (leastExcess != null && leastExcess.signum() > 0) {
      throw t.get("step").get("value").error("PROTOCOL-RANGE", List.of("PROT-1"), "step " + step
          + " is larger than the whole distance from the start " + dosing.start().value() + " to the maximum for "
          + "every plausible weight (" + minKg.toPlainString() + "-" + maxKg.toPlainString() + " kg): a typing error?");
    }
  }

  /** PROT-1, INST-1: ordering services must come from the hospital's service vocabulary. */
  private List<String> serviceList(DataNode n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.raw().size(); i++) {
      DataNode item = listItem(n, i);
      String code = item.text();
      if (!services.contains(code)) {
        throw item.error("PROTOCOL-SERVICE", List.of("PROT-1", "INST-1"), "service \"" + code + "\" is not in the "
            + "hospital's service vocabulary (" + String.join(", ", services.all().keySet()) + "); a misspelt "
            + "service would silently lock that service out of ordering");
      }
      out.add(code);
    }
    return List.copyOf(out);
  }

  private Monitoring monitoring(DataNode m) {
    Param<List<Monitoring.ScheduleStep>> schedule = param(m, "assessmentSchedule", n -> {
      if (!n.raw().isArray() || n.raw().isEmpty()) {
        return fail(n, "expected a non-empty list of {until, every} steps");
      }
      List<Monitoring.ScheduleStep> steps = new ArrayList<>();
      Duration last = Duration.ZERO;
      for (int i = 0; i < n.raw().size(); i++) {
        DataNode step = listItem(n, i);
        Optional<Duration> until = step.opt("until").map(DataNode::duration);
        Duration every = step.duration("every");
        step.done();
        boolean lastStep = i == n.raw().size() - 1;
        if (lastStep && until.isPresent()) {
          return fail(step, "the last step must have no \"until\": observations go on until the infusion stops");
        }
        if (!lastStep && until.isEmpty()) {
          return fail(step, "only the last step may omit \"until\"");
        }
        if (until.isPresent()) {
          if (until.get().compareTo(last) <= 0) {
            return fail(step, "\"until\" values must increase");
          }
          last = until.get();
        }
        steps.add(new Monitoring.ScheduleStep(until, every));
      }
      return List.copyOf(steps);
    });
    Param<Monitoring.VitalLimits> notify = param(m, "notify", n -> {
      Monitoring.VitalLimits v = new Monitoring.VitalLimits(n.integerIn("systolicAbove", 80, 260, List.of("INST-5")),
          n.integerIn("diastolicAbove", 40, 160, List.of("INST-5")),
          n.integerIn("heartRateAbove", 40, 220, List.of("INST-5")),
          n.integerIn("respiratoryRateAtOrBelow", 2, 20, List.of("INST-5")));
      n.done();
      return v;
    });
    Param<Integer> oxygen = param(m, "oxygenAtOrBelowSpo2", n -> n.integerInSelf(70, 99));
    Param<Monitoring.SedationLimits> sedation = param(m, "sedation", n -> {
      Monitoring.SedationLimits s = new Monitoring.SedationLimits(n.integerIn("holdAtPoss", 2, 4, List.of("GDL-6")),
          n.integerIn("stopAtPoss", 2, 4, List.of("GDL-6")));
      n.done();
      if (s.stopAtPoss() < s.holdAtPoss()) {
        return fail(n, "stopAtPoss must not be below holdAtPoss");
      }
      return s;
    });
    Param<Set<SideEffect>> effects = param(m, "notifySideEffects", n -> {
      Set<SideEffect> set = EnumSet.noneOf(SideEffect.class);
      for (int i = 0; i < n.raw().size(); i++) {
        set.add(listItem(n, i).enumValue(SideEffect.class));
      }
      return set;
    });
    Param<String> prn = param(m, "psychotomimeticPrn", DataNode::text);
    m.done();
    return new Monitoring(schedule, notify, oxygen, sedation, effects, prn);
  }

  private ResponseSpec response(DataNode r) {
    ResponseSpec.Kind kind = r.enumValue("definition", ResponseSpec.Kind.class);
    List<String> rules = rules(r, "rules", true);
    String source = r.string("source");
    Optional<Integer> maxRescues = r.optInteger("maxRescuesPerDay");
    Optional<Integer> nrsAtOrBelow = r.optInteger("nrsAtOrBelow");
    Optional<Integer> rescuesBelow = r.optInteger("rescuesBelow");
    Optional<Integer> minReduction = r.optInteger("minReductionPercent");
    Optional<Param<Duration>> window = optParam(r, "window", DataNode::duration);
    r.done();
    boolean ok = switch (kind) {
      case CIVIK_PUBLISHED -> maxRescues.isPresent() && window.isPresent();
      case CIVIK_REGISTRY -> nrsAtOrBelow.isPresent() && rescuesBelow.isPresent() && window.isPresent();
      case NRS_REDUCTION -> minReduction.isPresent();
    };
    if (!ok) {
      throw r.error("DATA-MISSING", rules, kind + " needs " + switch (kind) {
        case CIVIK_PUBLISHED -> "maxRescuesPerDay and window";
        case CIVIK_REGISTRY -> "nrsAtOrBelow, rescuesBelow and window";
        case NRS_REDUCTION -> "minReductionPercent";
      });
    }
    return new ResponseSpec(kind, rules, source, maxRescues, nrsAtOrBelow, rescuesBelow, minReduction, window);
  }

  private Criterion criterion(DataNode c) {
    String id = c.string("id");
    Criterion.Severity severity = c.enumValue("severity", Criterion.Severity.class);
    List<String> rules = rules(c, "rules", true);
    String message = c.string("message");
    Optional<DataNode> require = c.opt("require");
    Optional<List<DataNode>> absent = c.optList("absent");
    Optional<List<DataNode>> documented = c.optList("documented");
    c.done();
    int kinds = (require.isPresent() ? 1 : 0) + (absent.isPresent() ? 1 : 0) + (documented.isPresent() ? 1 : 0);
    if (kinds != 1) {
      throw c.error("DATA-INVALID", rules, "a criterion has exactly one of require, absent or documented");
    }
    if (require.isPresent()) {
      return new Criterion(id, severity, rules, message, Criterion.Kind.REQUIRE, condition(require.get()), List.of());
    }
    List<DataNode> flagNodes = absent.orElseGet(documented::get);
    List<ClinicalFlag> flags = new ArrayList<>();
    for (DataNode f : flagNodes) {
      flags.add(flag(f));
    }
    return new Criterion(id, severity, rules, message, absent.isPresent() ? Criterion.Kind.ABSENT
        : Criterion.Kind.DOCUMENTED, null, flags);
  }

  private Condition condition(DataNode n) {
    if (n.raw().isTextual()) {
      String name = n.text();
      if (name.equals("nrsAbovePpg")) {
        return new Condition.NrsAbovePpg();
      }
      if (name.equals("orderedBySpecialistService")) {
        return new Condition.OrderedBySpecialistService();
      }
      return new Condition.Flag(flag(n));
    }
    if (!n.isObject() || n.fieldNames().size() != 1) {
      throw n.error("a condition is a flag name or an object with exactly one of all, any, ivMeddAtLeast, "
          + "oralMeddAtLeast, rescues24hAtLeast, neuropathicCauseIn");
    }
    String key = n.fieldNames().iterator().next();
    Condition out = switch (key) {
      case "all" -> new Condition.All(n.list("all").stream().map(this::condition).toList());
      case "any" -> new Condition.Any(n.list("any").stream().map(this::condition).toList());
      case "ivMeddAtLeast" -> new Condition.IvMeddAtLeast(positive(n.get(key)));
      case "oralMeddAtLeast" -> new Condition.OralMeddAtLeast(positive(n.get(key)));
      case "rescues24hAtLeast" -> new Condition.Rescues24hAtLeast(n.get(key).integerInSelf(1, 100));
      case "neuropathicCauseIn" -> {
        Set<NeuropathicCause> causes = EnumSet.noneOf(NeuropathicCause.class);
        for (DataNode c : n.list(key)) {
          causes.add(c.enumValue(NeuropathicCause.class));
        }
        yield new Condition.NeuropathicCauseIn(causes);
      }
      default -> throw n.error("DATA-UNKNOWN-FIELD", List.of(), "unknown condition \"" + key + "\"");
    };
    n.done();
    return out;
  }

  private static ClinicalFlag flag(DataNode n) {
    String key = n.text();
    return ClinicalFlag.byKey(key).orElseThrow(() -> n.error("DATA-ENUM", List.of(), "unknown clinical flag \""
        + key + "\"; known flags: " + String.join(", ", java.util.Arrays.stream(ClinicalFlag.values())
        .map(ClinicalFlag::key).toList())));
  }

  // --- parameters -------------------------------------------------------------------------

  private <T> Param<T> param(DataNode parent, String name, Function<DataNode, T> reader) {
    return optParam(parent, name, reader).orElseThrow(() -> parent.get(name).error("DATA-MISSING", List.of(),
        "required"));
  }

  private <T> Optional<Param<T>> optParam(DataNode parent, String name, Function<DataNode, T> reader) {
    Optional<DataNode> node = parent.opt(name);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    DataNode p = node.get();
    if (!p.isObject() || !p.has("value")) {
      throw p.error("DATA-PARAM", List.of(), "write this as {value: ..., rules: [...], source: ...} so the number "
          + "carries its rule IDs and source");
    }
    T value = p.get("value").as(reader);
    List<String> rules = rules(p, "rules", true);
    String source = p.string("source");
    Optional<String> local = p.optString("localChoice");
    p.done();
    Param<T> param = new Param<>(value, rules, source, local);
    params.add(param);
    return Optional.of(param);
  }

  private List<String> rules(DataNode parent, String name, boolean required) {
    Optional<List<DataNode>> list = parent.optList(name);
    if (list.isEmpty() || list.get().isEmpty()) {
      if (required) {
        throw parent.error("DATA-MISSING", List.of(), "\"" + name + "\" must list the rule IDs this implements");
      }
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (DataNode r : list.get()) {
      String id = r.text();
      if (!RuleRegistry.isKnown(id) && !localRules.contains(id)) {
        throw r.error("PROTOCOL-RULE", List.of(), "unknown rule ID \"" + id + "\"; cite an ID from the clinical "
            + "rules or declare a LOCAL-* id under localRules");
      }
      out.add(id);
    }
    return List.copyOf(out);
  }

  // --- value readers ----------------------------------------------------------------------

  /** GDL-4: the analgesic range is for continuous infusion, IV or subcutaneous. */
  private static String infusionRoute(DataNode n) {
    String r = n.text();
    if (!r.equals("IV") && !r.equals("SC")) {
      throw n.error("PROTOCOL-ROUTE", List.of("GDL-4"), "route \"" + r + "\" is not a continuous analgesic infusion "
          + "route; use IV or SC");
    }
    return r;
  }

  /**
   * MEDD-1: the conversion table the engine will use, as id@version, resolved now so that a
   * misspelt or unversioned reference is refused at load rather than at the first decision.
   */
  private static String meddTableRef(DataNode n) {
    String ref = n.text();
    Matcher m = TABLE_REF.matcher(ref);
    if (!m.matches()) {
      throw n.error("PROTOCOL-MEDD-TABLE", List.of("MEDD-1"), "\"" + ref + "\" is not a conversion table reference; "
          + "write it as id@version, e.g. us-palliative@1.0");
    }
    try {
      ConversionTables.builtIn(m.group(1), m.group(2));
    } catch (KetaPathException e) {
      throw n.wrap(e);
    }
    return ref;
  }

  private static DoseRate protocolDose(DataNode n) {
    DoseRate r = n.doseRate();
    if (r instanceof DoseRate.Pump) {
      return fail(n, "protocol doses must be in mg/kg/h or mg/h; mL/h depends on the bag and is derived (DOSE-3)");
    }
    return r;
  }

  private static DoseRate positiveDose(DoseRate r, DataNode n) {
    boolean zero = r instanceof DoseRate.WeightBased wb ? wb.rate().value().signum() == 0
        : ((DoseRate.Absolute) r).rate().isZero();
    if (zero) {
      return fail(n, "must be above zero");
    }
    return r;
  }

  private static MgPerHour mgPerHour(DataNode n) {
    DoseRate r = n.doseRate();
    if (!(r instanceof DoseRate.Absolute a)) {
      return fail(n, "must be in mg/h, got " + r.unit());
    }
    if (a.rate().isZero()) {
      return fail(n, "must be above 0 mg/h");
    }
    return a.rate();
  }

  private static BigDecimal positive(DataNode n) {
    BigDecimal d = n.decimal();
    if (d.signum() <= 0) {
      return fail(n, "must be above zero, got " + d.toPlainString());
    }
    return d;
  }

  private static String matching(DataNode n, Pattern p, String what) {
    String s = n.text();
    if (!p.matcher(s).matches()) {
      return fail(n, "\"" + s + "\" is not " + what);
    }
    return s;
  }

  private static List<String> textList(DataNode n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.raw().size(); i++) {
      out.add(listItem(n, i).text());
    }
    return List.copyOf(out);
  }

  private static DataNode listItem(DataNode listNode, int i) {
    return listNode.item(i);
  }

  private static <T> T fail(DataNode n, String detail) {
    throw n.error(detail);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    b.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }

  /** For tests and tools: the message of the first refusal, if any. */
  public static Optional<DataException> check(String sourceName, InputStream in) {
    try {
      parse(sourceName, in);
      return Optional.empty();
    } catch (DataException e) {
      return Optional.of(e);
    }
  }
}
