package org.ketapath.server.episode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ketapath.server.alert.AlertConditions;
import org.ketapath.server.alert.AlertService;
import org.ketapath.server.security.Role;
import org.ketapath.server.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens episodes and appends to them: optimistic version check under a row lock, rules, alerts. */
@Service
public class EpisodeService {
  /** An event may be charted late, but not in the future beyond clock skew. */
  private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  public record Appended(UUID episodeId, int seq, int version, String type, String hash, Instant recordedAt,
      String recordedBy, String recordedRole, EpisodeState state, List<AlertService.Alert> alertsRaised) {}

  public record EpisodeView(EpisodeState state, String headHash) {}

  private final EventStore store;
  private final AlertService alerts;
  private final JdbcClient jdbc;
  private final Clock clock;

  public EpisodeService(EventStore store, AlertService alerts, JdbcClient jdbc, Clock clock) {
    this.store = store;
    this.alerts = alerts;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public EpisodeView open(UUID patientId, String protocolId, String protocolVersion, Actor actor) {
    EpisodeRules.actingRole(EventType.ORDERED, actor);
    String ward = jdbc.sql("select ward from patient where id = ?").param(patientId).query(String.class).optional()
        .orElseThrow(() -> ApiProblem.invalid("PATIENT-UNKNOWN", "patientId", List.of(), "patient " + patientId + " does not exist"));
    Boolean active = jdbc.sql("""
        select active from protocol_activation where protocol_id = ? and protocol_version = ?
        order by id desc limit 1""").params(protocolId, protocolVersion).query(Boolean.class).optional().orElse(false);
    if (!active) {
      throw ApiProblem.invalid("PROTOCOL-UNKNOWN", "protocolId", List.of(),
          "protocol " + protocolId + " " + protocolVersion + " is not an active protocol version (see GET /api/protocols)");
    }
    EpisodeHeader h = new EpisodeHeader(UUID.randomUUID(), patientId, protocolId, protocolVersion, ward,
        clock.instant().truncatedTo(ChronoUnit.MICROS), actor.username());
    store.createEpisode(h);
    EpisodeState state = EpisodeProjector.project(h, List.of());
    return new EpisodeView(state, h.genesisHash());
  }

  @Transactional
  public Appended append(UUID episodeId, int expectedVersion, String idempotencyKey, EventType type,
      Instant occurredAt, JsonNode payload, Actor actor) {
    EventStore.HeaderRow locked = store.lock(episodeId).orElseThrow(() -> ApiProblem.notFound("episode", episodeId));
    List<StoredEvent> events = store.events(episodeId, locked.version());
    EpisodeState state = EpisodeProjector.project(locked.header(), events);
    if (locked.version() != expectedVersion) {
      throw new ApiProblem(HttpStatus.CONFLICT, "STALE-VERSION", "expectedVersion", List.of(),
          "the episode is at version " + locked.version() + ", not " + expectedVersion
              + "; reload it, review what changed and retry with expectedVersion " + locked.version(),
          Map.of("currentVersion", locked.version(), "state", state));
    }
    for (StoredEvent e : events) {
      if (e.idempotencyKey().equals(idempotencyKey)) {
        throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY-KEY-USED", "Idempotency-Key", List.of(),
            "event " + e.seq() + " of this episode was already recorded with this Idempotency-Key by " + e.recordedBy());
      }
    }
    Role role = EpisodeRules.check(state, type, payload, actor);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant when = occurredAt == null ? now : occurredAt.truncatedTo(ChronoUnit.MICROS);
    if (when.isAfter(now.plus(FUTURE_TOLERANCE))) {
      throw ApiProblem.invalid("OCCURRED-IN-FUTURE", "occurredAt", List.of("OUTC-1"),
          "occurredAt " + when + " is in the future (server time " + now + ")");
    }
    if (when.isBefore(locked.header().createdAt().minus(Duration.ofDays(30)))) {
      throw ApiProblem.invalid("OCCURRED-BEFORE-EPISODE", "occurredAt", List.of("OUTC-1"),
          "occurredAt " + when + " is more than 30 days before the episode was opened");
    }
    StoredEvent draft = new StoredEvent(episodeId, 0, type.name(), when, now, actor.username(), role.name(),
        idempotencyKey, CanonicalJson.sorted(payload), null, null);
    StoredEvent stored = store.append(locked, events, draft);
    List<StoredEvent> after = new ArrayList<>(events);
    after.add(stored);
    EpisodeState next = EpisodeProjector.project(locked.header(), after);
    List<AlertService.Alert> raised = alerts.raise(locked.header(), AlertConditions.after(next, stored), now);
    return new Appended(episodeId, stored.seq(), stored.seq(), stored.type(), stored.hash(), stored.recordedAt(),
        stored.recordedBy(), stored.recordedRole(), next, raised);
  }

  @Transactional(readOnly = true)
  public EpisodeView view(UUID episodeId) {
    EventStore.HeaderRow h = store.header(episodeId).orElseThrow(() -> ApiProblem.notFound("episode", episodeId));
    return new EpisodeView(EpisodeProjector.project(h.header(), store.events(episodeId, h.version())), h.headHash());
  }

  @Transactional(readOnly = true)
  public List<StoredEvent> events(UUID episodeId) {
    EventStore.HeaderRow h = store.header(episodeId).orElseThrow(() -> ApiProblem.notFound("episode", episodeId));
    return store.events(episodeId, h.version());
  }

  @Transactional(readOnly = true)
  public List<EpisodeState> list(String ward, UUID patientId) {
    List<UUID> ids = jdbc.sql("""
        select id from episode where (cast(? as text) is null or ward = ?) and (cast(? as uuid) is null or patient_id = ?)
        order by created_at desc limit 500""").params(ward, ward, patientId, patientId).query(UUID.class).list();
    List<EpisodeState> out = new ArrayList<>();
    for (UUID id : ids) {
      store.header(id).ifPresent(h -> out.add(EpisodeProjector.project(h.header(), store.events(id, h.version()))));
    }
    return out;
  }
}
