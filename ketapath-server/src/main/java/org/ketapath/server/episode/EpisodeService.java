package org.ketapath.server.episode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.engine.Action;
import org.ketapath.core.engine.Decision;
import org.ketapath.core.engine.Deviation;
import org.ketapath.core.engine.Reason;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.Patient;
import org.ketapath.core.outcome.EpisodeSummary;
import org.ketapath.core.timeline.ProtocolFit;
import org.ketapath.server.alert.AlertRules;
import org.ketapath.server.alert.AlertService;
import org.ketapath.server.security.Role;
import org.ketapath.server.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens episodes and appends timeline events to them: optimistic version check under a row lock,
 * validation by the core's parser, the core engine's verdict on the new event (a rate the order or
 * protocol does not allow is refused, never stored as a silent deviation), alerts once per condition.
 */
@Service
public class EpisodeService {
  private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  public record Appended(UUID episodeId, int seq, int version, String type, String eventId, String hash,
      Instant recordedAt, String recordedBy, String recordedRole, EpisodeView state, List<AlertService.Alert> alertsRaised) {}

  /** An episode's current state: header, stream version, chain head and the engine's decision. */
  public record EpisodeView(UUID episodeId, UUID patientId, String protocolId, String protocolVersion, String ward,
      Instant createdAt, String createdBy, int version, String headHash, JsonNode decision) {}

  private final EventStore store;
  private final EpisodeEngine engine;
  private final AlertService alerts;
  private final JdbcClient jdbc;
  private final Clock clock;

  public EpisodeService(EventStore store, EpisodeEngine engine, AlertService alerts, JdbcClient jdbc, Clock clock) {
    this.store = store;
    this.engine = engine;
    this.alerts = alerts;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Transactional
  public EpisodeView open(UUID patientId, String protocolId, String protocolVersion, Actor actor) {
    TimelineEvents.actingRole("ordered", actor);
    String ward = jdbc.sql("select ward from patient where id = ?").param(patientId).query(String.class).optional()
        .orElseThrow(() -> ApiProblem.invalid("PATIENT-UNKNOWN", "patientId", List.of(), "patient " + patientId + " does not exist"));
    engine.catalog().require(protocolId, protocolVersion);
    Boolean active = jdbc.sql("""
        select active from protocol_activation where protocol_id = ? and protocol_version = ?
        order by id desc limit 1""").params(protocolId, protocolVersion).query(Boolean.class).optional().orElse(false);
    if (!active) {
      throw ApiProblem.invalid("PROTOCOL-RETIRED", "protocolVersion", List.of(),
          "protocol " + protocolId + "@" + protocolVersion + " is not active for new episodes (see GET /api/protocols)");
    }
    EpisodeHeader h = new EpisodeHeader(UUID.randomUUID(), patientId, protocolId, protocolVersion, ward, now(),
        actor.username());
    store.createEpisode(h);
    Instant now = now();
    return view(h, 0, h.genesisHash(), new EventStore.Stream(List.of()),
        EpisodeEngine.patient(patientId, store.patientFacts(patientId, now)), now);
  }

  @Transactional
  public Appended append(UUID episodeId, ObjectNode body, String idempotencyKey, String type, Actor actor) {
    Integer expected = expectedVersion(body);
    EventStore.Snapshot snapshot = store.snapshot(episodeId, now(), true)
        .orElseThrow(() -> ApiProblem.notFound("episode", episodeId));
    Instant now = now(); // after the lock, so that recordedAt follows seq
    EventStore.HeaderRow locked = snapshot.row();
    EpisodeHeader h = locked.header();
    Patient patient = EpisodeEngine.patient(h.patientId(), snapshot.patient());
    EventStore.Stream stream = store.stream(episodeId, locked.version());
    List<StoredEvent> events = stream.events();
    if (locked.version() != expected) {
      throw new ApiProblem(HttpStatus.CONFLICT, "STALE-VERSION", "expectedVersion", List.of(),
          "the episode is at version " + locked.version() + ", not " + expected
              + "; reload it, review what changed and retry with expectedVersion " + locked.version(),
          Map.of("currentVersion", locked.version(),
              "state", view(h, locked.version(), locked.headHash(), stream, patient, now)));
    }
    for (StoredEvent e : events) {
      if (e.idempotencyKey().equals(idempotencyKey)) {
        throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY-KEY-USED", "Idempotency-Key", List.of(),
            "event " + e.seq() + " of this episode was already recorded with this Idempotency-Key by " + e.recordedBy());
      }
    }
    Role role = TimelineEvents.actingRole(type, actor);
    int seq = locked.version() + 1;
    ObjectNode node = TimelineEvents.build(body, type, seq, actor, role, now);
    EpisodeEvent parsed = TimelineEvents.parse(node);
    Instant when = parsed.at().truncatedTo(ChronoUnit.MICROS);
    if (when.isAfter(now.plus(FUTURE_TOLERANCE))) {
      throw ApiProblem.invalid("OCCURRED-IN-FUTURE", "at", List.of("OUTC-1"), "at " + when + " is in the future (server time " + now + ")");
    }
    if (when.isBefore(h.createdAt().minus(Duration.ofDays(30)))) {
      throw ApiProblem.invalid("OCCURRED-BEFORE-EPISODE", "at", List.of("OUTC-1"),
          "at " + when + " is more than 30 days before the episode was opened");
    }
    refuseAboveGdl4(parsed);
    ProtocolFit.check(engine.protocol(h), parsed).ifPresent(m -> {
      throw ApiProblem.invalid("EVENT-PROTOCOL", "type", m.rules(), m.text());
    });
    // The decision before this event: the gate needs it as of now; alerts may reuse the last append's.
    Decision beforeNow = null;
    if (GATED.contains(type)) {
      beforeNow = decideOrNull(h, patient, stream.core(), now);
      refuseWhileBlocked(type, beforeNow);
    }
    refuseOutOfSequence(type, events);
    Decision previous = lastDecision(episodeId, locked.version());
    if (previous == null) {
      previous = beforeNow != null ? beforeNow : decideOrNull(h, patient, stream.core(), now);
    }
    StoredEvent draft = new StoredEvent(episodeId, seq, type, when, now, actor.username(), role.name(), idempotencyKey,
        CanonicalJson.sorted(node), null, null);
    Decision after;
    try {
      // The engine checks the whole stream with the new event in its place in clinical time.
      after = engine.decide(h, patient, stream.plus(draft, parsed).core(), now);
    } catch (KetaPathException e) {
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.field(), e.ruleIds(), e.getMessage());
    }
    refuseDeviation(after, parsed, role);
    StoredEvent stored = store.append(locked, stream, draft, parsed);
    rememberAfterCommit(episodeId, seq, after);
    List<AlertService.Alert> raised = alerts.raise(h, AlertRules.newConditions(previous, after, seq), now);
    return new Appended(episodeId, seq, seq, type, parsed.id(), stored.hash(), stored.recordedAt(), stored.recordedBy(),
        stored.recordedRole(), new EpisodeView(h.id(), h.patientId(), h.protocolId(), h.protocolVersion(), h.ward(),
            h.createdAt(), h.createdBy(), seq, stored.hash(), EpisodeEngine.json(after)),
        raised);
  }

  /**
   * INST-4, DOSE-4: a rate the order or the protocol does not allow. The core flags it as a deviation;
   * the server refuses to record it: a nurse may not (403), a physician must first record an override
   * with the rate it allows and a reason (422).
   */
  private static void refuseDeviation(Decision after, EpisodeEvent event, Role role) {
    for (Deviation d : after.deviations()) {
      if (!d.eventId().equals(event.id())) {
        continue;
      }
      List<String> rules = new ArrayList<>(d.rules());
      if (role == Role.NURSE) {
        if (!rules.contains("INST-4")) {
          rules.add(0, "INST-4");
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "OUTSIDE-ORDER-NURSE", "rate", rules,
            d.text() + "; a nurse titrates only within the order and the protocol");
      }
      if (event instanceof EpisodeEvent.KetamineBolus) {
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "BOLUS-ABOVE-GDL-5", "dose", rules,
            d.text() + "; an analgesic ketamine bolus stays below 0.35 mg/kg, and no override raises that limit");
      }
      if (!rules.contains("DOSE-4")) {
        rules.add(0, "DOSE-4");
      }
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "OUTSIDE-ORDER", "rate", rules,
          d.text() + "; to exceed it, first record an override (scope RATE_ABOVE_CAP, upTo, reason)");
    }
  }

  /**
   * INST-1, DOSE-3: ketamine runs only on a pain-service order that is signed and then verified by a
   * pharmacist (concentration, weight, dose: what the pump rate in mL/h rests on). A signature with no
   * order, a verification of an unsigned order, or a start before verification is refused.
   */
  private static void refuseOutOfSequence(String type, List<StoredEvent> events) {
    List<String> needs = switch (type) {
      case "signed" -> List.of("ordered");
      case "verified" -> List.of("ordered", "signed");
      case "started", "sessionStart" -> List.of("ordered", "signed", "verified");
      default -> List.of();
    };
    for (String step : needs) {
      if (events.stream().noneMatch(e -> e.type().equals(step))) {
        String[] why = switch (step) {
          case "ordered" -> new String[] {"ORDER-MISSING", "there is no order from the pain service yet", "INST-1"};
          case "signed" -> new String[] {"ORDER-UNSIGNED", "the order is not signed yet", "INST-1"};
          default -> new String[] {"ORDER-UNVERIFIED", "the order has not been verified by a pharmacist yet", "DOSE-3"};
        };
        throw ApiProblem.invalid(why[0], "type", List.of(why[2]), type + " cannot be recorded: " + why[1]
            + " (the order, its signature and the pharmacist's verification come before the start)");
      }
    }
  }

  /** Steps towards giving ketamine that a blocked episode may not take. */
  private static final Set<String> GATED = Set.of("ordered", "signed", "verified", "started",
      "sessionStart");
  private static final Set<String> STARTS = Set.of("started", "sessionStart");

  /**
   * GDL-2, GDL-3, DOSE-2, INST-1: while the engine's decision is BLOCKED, the record refuses the steps
   * towards an infusion. A blocking screening finding stops the order, its signature, its verification
   * and the start until a pain physician records an override of that finding with a reason; a missing,
   * implausible or stale weight stops the start. The refusal names the findings and their rules.
   */
  private static void refuseWhileBlocked(String type, Decision before) {
    if (before == null || before.action() != Action.BLOCKED) {
      return;
    }
    List<Reason> blocking = before.reasons().stream()
        .filter(r -> r.code().equals("SCREEN-BLOCK") || (STARTS.contains(type) && !r.code().equals("EVIDENCE")))
        .toList();
    if (blocking.isEmpty()) {
      return;
    }
    List<String> rules = new ArrayList<>();
    blocking.forEach(r -> r.rules().stream().filter(x -> !rules.contains(x)).forEach(rules::add));
    boolean screening = blocking.stream().anyMatch(r -> r.code().equals("SCREEN-BLOCK"));
    if (screening && !rules.contains("INST-1")) {
      rules.add("INST-1");
    }
    String what = blocking.stream().map(Reason::text)
        .collect(Collectors.joining("; "));
    throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "EPISODE-BLOCKED", screening ? "screening" : "weight", rules,
        "the episode is blocked, so " + type + " cannot be recorded: " + what
            + (screening ? " (record an override of the finding, scope FINDING, with a reason, first)" : ""),
        Map.of("blockedBy", blocking.stream().map(r -> Map.of("code", r.code(), "text", r.text(), "rules", r.rules()))
            .toList()));
  }

  /**
   * GDL-4: 0.5 mg/kg/h is the ceiling of any analgesic ketamine infusion. A weight-based rate above
   * it (the "20 mg/kg/h" misprint, a tenfold entry) is refused outright, whoever records it.
   */
  private static void refuseAboveGdl4(EpisodeEvent e) {
    java.util.Optional<org.ketapath.core.dose.DoseRate> rate = java.util.Optional.empty();
    String field = "rate";
    if (e instanceof EpisodeEvent.Ordered o) {
      rate = o.maxRate();
      field = "maxRate";
    } else if (e instanceof EpisodeEvent.PharmacistVerified v) {
      rate = java.util.Optional.of(v.dose());
      field = "dose";
    } else if (e instanceof EpisodeEvent.Started st) {
      rate = java.util.Optional.of(st.rate());
    } else if (e instanceof EpisodeEvent.RateChange r) {
      rate = java.util.Optional.of(r.rate());
    } else if (e instanceof EpisodeEvent.Override o) {
      rate = o.upTo();
      field = "upTo";
    }
    if (rate.isPresent() && rate.get() instanceof org.ketapath.core.dose.DoseRate.WeightBased w
        && w.rate().exceeds(org.ketapath.core.protocol.ProtocolLoader.GDL4_ANALGESIC_CEILING)) {
      throw ApiProblem.invalid("DOSE-ABOVE-GDL-4", field, List.of("GDL-4", "DOSE-4"),
          field + " " + w.rate() + " is above 0.5 mg/kg/h, the ceiling of any analgesic ketamine infusion; "
              + "it is refused, not reduced (check for a misplaced decimal point or mg/h written as mg/kg/h)");
    }
  }

  /**
   * The decision computed right after the previous append, used as the "before" of the next one to
   * tell new alert conditions from persisting ones (event-driven conditions do not depend on the
   * few seconds between the two).
   */
  private final java.util.Map<UUID, java.util.Map.Entry<Integer, Decision>> lastDecisions =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Decision lastDecision(UUID episodeId, int version) {
    var e = lastDecisions.get(episodeId);
    return e != null && e.getKey() == version ? e.getValue() : null;
  }

  private void rememberAfterCommit(UUID episodeId, int version, Decision d) {
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCommit() {
              if (lastDecisions.size() > 20_000) {
                lastDecisions.clear();
              }
              lastDecisions.put(episodeId, java.util.Map.entry(version, d));
            }
          });
    }
  }

  private Decision decideOrNull(EpisodeHeader h, Patient patient, List<EpisodeEvent> events, Instant now) {
    try {
      return engine.decide(h, patient, events, now);
    } catch (KetaPathException e) {
      return null;
    }
  }

  private static Integer expectedVersion(ObjectNode body) {
    JsonNode v = body.remove("expectedVersion");
    if (v == null || v.isNull()) {
      throw ApiProblem.invalid("VALIDATION", "expectedVersion", List.of("STREAM"),
          "expectedVersion is required: the stream version this write expects (GET the episode for it)");
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
      throw ApiProblem.invalid("VALIDATION", "expectedVersion", List.of("STREAM"),
          "expectedVersion must be a whole number of 0 or more");
    }
    return v.asInt();
  }

  @Transactional
  public EpisodeView view(UUID episodeId) {
    Instant now = now();
    EventStore.Snapshot s = store.snapshot(episodeId, now, false)
        .orElseThrow(() -> ApiProblem.notFound("episode", episodeId));
    EventStore.HeaderRow h = s.row();
    EventStore.Stream stream = store.stream(episodeId, h.version());
    Patient patient = EpisodeEngine.patient(h.header().patientId(), s.patient());
    Decision d = decideOrNull(h.header(), patient, stream.core(), now);
    if (d != null) {
      alerts.raise(h.header(), AlertRules.timeConditions(d), now);
    }
    return view(h.header(), h.version(), h.headHash(), d, stream, patient, now);
  }

  private EpisodeView view(EpisodeHeader h, int version, String head, EventStore.Stream stream, Patient patient,
      Instant now) {
    return view(h, version, head, decideOrNull(h, patient, stream.core(), now), stream, patient, now);
  }

  /** The view with a decision already made over the same stream, patient and now (null: the core refused). */
  private EpisodeView view(EpisodeHeader h, int version, String head, Decision decided, EventStore.Stream stream,
      Patient patient, Instant now) {
    JsonNode decision = decided != null ? EpisodeEngine.json(decided)
        : engine.decisionJson(h, patient, stream.core(), now);
    return new EpisodeView(h.id(), h.patientId(), h.protocolId(), h.protocolVersion(), h.ward(), h.createdAt(),
        h.createdBy(), version, head, decision);
  }

  /** The current recommendation and the stream version it was computed from. */
  public record Recommendation(int version, Decision decision) {}

  /**
   * The engine's decision over the committed stream with the server's "now". The header and the
   * patient's facts come from one statement, so no transaction is needed: the events up to that
   * version never change.
   */
  public Recommendation recommendation(UUID episodeId) {
    Instant now = now();
    EventStore.Snapshot s = store.snapshot(episodeId, now, false)
        .orElseThrow(() -> ApiProblem.notFound("episode", episodeId));
    EventStore.HeaderRow h = s.row();
    Decision d = engine.decide(h.header(), EpisodeEngine.patient(h.header().patientId(), s.patient()),
        store.stream(episodeId, h.version()).core(), now);
    return new Recommendation(h.version(), d);
  }

  public Decision decision(UUID episodeId) {
    return recommendation(episodeId).decision();
  }

  @Transactional(readOnly = true)
  public EpisodeSummary summary(UUID episodeId) {
    Instant now = now();
    EventStore.Snapshot s = store.snapshot(episodeId, now, false)
        .orElseThrow(() -> ApiProblem.notFound("episode", episodeId));
    EventStore.HeaderRow h = s.row();
    return engine.summarize(h.header(), EpisodeEngine.patient(h.header().patientId(), s.patient()),
        store.stream(episodeId, h.version()).core(), now);
  }

  @Transactional(readOnly = true)
  public int version(UUID episodeId) {
    return store.header(episodeId).orElseThrow(() -> ApiProblem.notFound("episode", episodeId)).version();
  }

  @Transactional(readOnly = true)
  public List<StoredEvent> events(UUID episodeId) {
    EventStore.HeaderRow h = store.header(episodeId).orElseThrow(() -> ApiProblem.notFound("episode", episodeId));
    return store.events(episodeId, h.version());
  }

  @Transactional
  public List<EpisodeView> list(String ward, UUID patientId) {
    List<UUID> ids = jdbc.sql("""
        select id from episode where (cast(? as text) is null or ward = ?) and (cast(? as uuid) is null or patient_id = ?)
        order by created_at desc limit 500""").params(ward, ward, patientId, patientId).query(UUID.class).list();
    List<EpisodeView> out = new ArrayList<>();
    for (UUID id : ids) {
      out.add(view(id));
    }
    return out;
  }
}
