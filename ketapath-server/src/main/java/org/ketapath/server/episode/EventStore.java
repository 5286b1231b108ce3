package org.ketapath.server.episode;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ketapath.core.episode.EpisodeEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only event store. Appends happen under a row lock on the episode header, which
 * carries the stream version and the head of the hash chain. Committed streams are cached by
 * version (events never change, so a cached stream is valid exactly while its length equals the
 * stored version), together with their core events in clinical time order, parsed once;
 * {@link #eventsFromDatabase} bypasses the cache for verification.
 */
@Repository
public class EventStore {
  private static final int CACHE_LIMIT = 20_000;

  /** Header row as stored, with the chain fields. */
  public record HeaderRow(EpisodeHeader header, String genesisHash, int version, String headHash) {}

  /** The patient facts the engine needs besides the events: the latest weight, the pain mechanism. */
  public record PatientFacts(BigDecimal kg, Instant measuredAt, String mechanism, String cause) {
    static final PatientFacts NONE = new PatientFacts(null, null, null, null);
  }

  /** A header row read together with its patient's facts, in one statement (one snapshot). */
  public record Snapshot(HeaderRow row, PatientFacts patient) {}

  /**
   * The first {@code version} events of a stream: the rows in seq order and the core events in
   * clinical time order (by occurrence, then seq), which is the order the engine folds them in.
   */
  public static final class Stream {
    /** The rows in clinical time order and their core parses, index by index. */
    private record Ordered(List<StoredEvent> rows, List<EpisodeEvent> core) {}

    private final List<StoredEvent> events;
    private volatile Ordered ordered;

    Stream(List<StoredEvent> events) {
      this.events = Collections.unmodifiableList(events);
    }

    private Stream(List<StoredEvent> events, Ordered ordered) {
      this.events = Collections.unmodifiableList(events);
      this.ordered = ordered;
    }

    public List<StoredEvent> events() {
      return events;
    }

    /** The core events in clinical time order, parsed once per stream version (events never change). */
    public List<EpisodeEvent> core() {
      return ordered().core();
    }

    private Ordered ordered() {
      Ordered o = ordered;
      if (o == null) {
        List<StoredEvent> rows = new ArrayList<>(events);
        rows.sort(EpisodeEngine.CLINICAL_ORDER);
        List<EpisodeEvent> core = new ArrayList<>(rows.size());
        for (StoredEvent e : rows) {
          core.add(TimelineEvents.parseStored(e));
        }
        o = new Ordered(Collections.unmodifiableList(rows), Collections.unmodifiableList(core));
        ordered = o;
      }
      return o;
    }

    /**
     * This stream with the next event appended; {@code parsed} must be that event's core parse. In
     * clinical time order it goes after every event that occurred at or before it (its seq is the
     * highest), exactly where a full sort would put it.
     */
    public Stream plus(StoredEvent next, EpisodeEvent parsed) {
      if (next.seq() != events.size() + 1) {
        throw new IllegalArgumentException("event " + next.seq() + " does not follow version " + events.size());
      }
      Ordered o = ordered();
      int at = o.rows().size();
      while (at > 0 && o.rows().get(at - 1).occurredAt().isAfter(next.occurredAt())) {
        at--;
      }
      List<StoredEvent> all = new ArrayList<>(events.size() + 1);
      all.addAll(events);
      all.add(next);
      List<StoredEvent> rows = new ArrayList<>(o.rows().size() + 1);
      rows.addAll(o.rows());
      rows.add(at, next);
      List<EpisodeEvent> core = new ArrayList<>(o.core().size() + 1);
      core.addAll(o.core());
      core.add(at, parsed);
      return new Stream(all, new Ordered(Collections.unmodifiableList(rows), Collections.unmodifiableList(core)));
    }
  }

  private final JdbcClient jdbc;
  private final Map<UUID, Stream> cache = new ConcurrentHashMap<>();

  public EventStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void createEpisode(EpisodeHeader h) {
    String genesis = h.genesisHash();
    jdbc.sql("""
        insert into episode (id, patient_id, protocol_id, protocol_version, ward, created_at, created_by,
                             genesis_hash, version, head_hash)
        values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
        .params(h.id(), h.patientId(), h.protocolId(), h.protocolVersion(), h.ward(), ts(h.createdAt()), h.createdBy(),
            genesis, genesis)
        .update();
    cache.put(h.id(), new Stream(List.of()));
  }

  /** Locks the header row until the end of the transaction. */
  public Optional<HeaderRow> lock(UUID id) {
    return jdbc.sql(HEADER_SQL + " where id = ? for update").param(id).query(EventStore::headerRow).optional();
  }

  public Optional<HeaderRow> header(UUID id) {
    return jdbc.sql(HEADER_SQL + " where id = ?").param(id).query(EventStore::headerRow).optional();
  }

  /**
   * The header and its patient's facts as of {@code now} (weights measured up to five minutes
   * ahead count, as clocks differ), in one statement; with {@code lock} the header row stays
   * locked until the end of the transaction.
   */
  public Optional<Snapshot> snapshot(UUID id, Instant now, boolean lock) {
    return jdbc.sql(SNAPSHOT_SQL + (lock ? " for update of e" : ""))
        .params(ts(now.plusSeconds(300)), id)
        .query((rs, n) -> new Snapshot(headerRow(rs, n), patientFacts(rs)))
        .optional();
  }

  /** A patient's facts as of {@code now}, for when there is no episode header to read them with. */
  public PatientFacts patientFacts(UUID patientId, Instant now) {
    return jdbc.sql(PATIENT_SQL)
        .params(ts(now.plusSeconds(300)), patientId)
        .query((rs, n) -> patientFacts(rs)).optional().orElse(PatientFacts.NONE);
  }

  private static PatientFacts patientFacts(ResultSet rs) throws SQLException {
    return new PatientFacts(rs.getBigDecimal("kg"), instant(rs, "measured_at"), rs.getString("pain_mechanism"),
        rs.getString("neuropathic_cause"));
  }

  public List<UUID> episodeIds() {
    return jdbc.sql("select id from episode order by created_at, id").query(UUID.class).list();
  }

  /** The first {@code version} events of a committed stream. */
  public List<StoredEvent> events(UUID id, int version) {
    return stream(id, version).events();
  }

  /** The first {@code version} events of a committed stream, with their core events. */
  public Stream stream(UUID id, int version) {
    Stream cached = cache.get(id);
    if (cached != null && cached.events().size() == version) {
      return cached;
    }
    List<StoredEvent> loaded = jdbc.sql(EVENT_SQL + " where episode_id = ? and seq <= ? order by seq")
        .params(id, version).query(EventStore::eventRow).list();
    Stream stream = new Stream(loaded);
    if (loaded.size() == version) {
      remember(id, stream);
    }
    return stream;
  }

  /** Every stored row of an episode, straight from the database, ordered by seq. */
  public List<StoredEvent> eventsFromDatabase(UUID id) {
    return jdbc.sql(EVENT_SQL + " where episode_id = ? order by seq").param(id).query(EventStore::eventRow).list();
  }

  /**
   * Appends the next event to a stream whose header the caller has locked, and moves the header.
   * {@code parsed} is the draft's core parse. The cache learns of it only after the transaction
   * commits.
   */
  public StoredEvent append(HeaderRow locked, Stream current, StoredEvent draft, EpisodeEvent parsed) {
    int seq = locked.version() + 1;
    StoredEvent e = new StoredEvent(draft.episodeId(), seq, draft.type(), draft.occurredAt(), draft.recordedAt(),
        draft.recordedBy(), draft.recordedRole(), draft.idempotencyKey(), draft.payload(), locked.headHash(), null);
    String hash = HashChain.next(e.prevHash(), e.canonical());
    StoredEvent stored = new StoredEvent(e.episodeId(), seq, e.type(), e.occurredAt(), e.recordedAt(), e.recordedBy(),
        e.recordedRole(), e.idempotencyKey(), e.payload(), e.prevHash(), hash);
    // One statement (one round trip): the row and the header move together. If the insert fails
    // (duplicate seq or key) the whole statement fails; the count is the header update's.
    int updated = jdbc.sql("""
        with appended as (
          insert into episode_event (episode_id, seq, event_type, occurred_at, recorded_at, recorded_by, recorded_role,
                                     idempotency_key, payload, prev_hash, hash)
          values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
          returning episode_id)
        update episode set version = ?, head_hash = ?
        where id = (select episode_id from appended) and version = ?""")
        .params(stored.episodeId(), seq, stored.type(), ts(stored.occurredAt()), ts(stored.recordedAt()),
            stored.recordedBy(), stored.recordedRole(), stored.idempotencyKey(), CanonicalJson.write(stored.payload()),
            stored.prevHash(), hash, seq, hash, locked.version())
        .update();
    if (updated != 1) {
      throw new IllegalStateException("episode " + stored.episodeId() + " moved while locked");
    }
    Stream after = current.plus(stored, parsed);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          remember(stored.episodeId(), after);
        }
      });
    }
    return stored;
  }

  /** Drops cached streams (after out-of-band changes such as a restore). */
  public void forgetCache() {
    cache.clear();
  }

  private void remember(UUID id, Stream stream) {
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.merge(id, stream, (old, neu) -> neu.events().size() >= old.events().size() ? neu : old);
  }

  private static final String HEADER_SQL = """
      select id, patient_id, protocol_id, protocol_version, ward, created_at, created_by, genesis_hash, version, head_hash
      from episode""";

  /** Patient {@code p}'s latest weight measured up to a time (DOSE-2), joined as {@code w}. */
  private static final String LATEST_WEIGHT = """
      left join lateral (select kg, measured_at from patient_weight
                         where patient_id = p.id and measured_at <= ?
                         order by measured_at desc, id desc limit 1) w on true
      """;

  private static final String SNAPSHOT_SQL = """
      select e.id, e.patient_id, e.protocol_id, e.protocol_version, e.ward, e.created_at, e.created_by, e.genesis_hash,
             e.version, e.head_hash, w.kg, w.measured_at, p.pain_mechanism, p.neuropathic_cause
      from episode e
      left join patient p on p.id = e.patient_id
      """ + LATEST_WEIGHT + " where e.id = ?";

  private static final String PATIENT_SQL = """
      select w.kg, w.measured_at, p.pain_mechanism, p.neuropathic_cause
      from patient p
      """ + LATEST_WEIGHT + " where p.id = ?";

  private static final String EVENT_SQL = """
      select episode_id, seq, event_type, occurred_at, recorded_at, recorded_by, recorded_role, idempotency_key,
             payload::text as payload, prev_hash, hash
      from episode_event""";

  static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static HeaderRow headerRow(ResultSet rs, int row) throws SQLException {
    EpisodeHeader h = new EpisodeHeader(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
        rs.getString("protocol_id"), rs.getString("protocol_version"), rs.getString("ward"),
        instant(rs, "created_at"), rs.getString("created_by"));
    return new HeaderRow(h, rs.getString("genesis_hash"), rs.getInt("version"), rs.getString("head_hash"));
  }

  private static StoredEvent eventRow(ResultSet rs, int row) throws SQLException {
    return new StoredEvent(rs.getObject("episode_id", UUID.class), rs.getInt("seq"), rs.getString("event_type"),
        instant(rs, "occurred_at"), instant(rs, "recorded_at"), rs.getString("recorded_by"),
        rs.getString("recorded_role"), rs.getString("idempotency_key"), CanonicalJson.parse(rs.getString("payload")),
        rs.getString("prev_hash"), rs.getString("hash"));
  }
}
