package org.ketapath.server.episode;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only event store. Appends happen under a row lock on the episode header, which
 * carries the stream version and the head of the hash chain. Committed streams are cached by
 * version (events never change, so a cached list is valid exactly while its length equals the
 * stored version); {@link #eventsFromDatabase} bypasses the cache for verification.
 */
@Repository
public class EventStore {
  private static final int CACHE_LIMIT = 20_000;

  /** Header row as stored, with the chain fields. */
  public record HeaderRow(EpisodeHeader header, String genesisHash, int version, String headHash) {}

  private final JdbcClient jdbc;
  private final Map<UUID, List<StoredEvent>> cache = new ConcurrentHashMap<>();

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
    cache.put(h.id(), List.of());
  }

  /** Locks the header row until the end of the transaction. */
  public Optional<HeaderRow> lock(UUID id) {
    return jdbc.sql(HEADER_SQL + " where id = ? for update").param(id).query(EventStore::headerRow).optional();
  }

  public Optional<HeaderRow> header(UUID id) {
    return jdbc.sql(HEADER_SQL + " where id = ?").param(id).query(EventStore::headerRow).optional();
  }

  public List<UUID> episodeIds() {
    return jdbc.sql("select id from episode order by created_at, id").query(UUID.class).list();
  }

  /** The first {@code version} events of a committed stream. */
  public List<StoredEvent> events(UUID id, int version) {
    List<StoredEvent> cached = cache.get(id);
    if (cached != null && cached.size() == version) {
      return cached;
    }
    List<StoredEvent> loaded = jdbc.sql(EVENT_SQL + " where episode_id = ? and seq <= ? order by seq")
        .params(id, version).query(EventStore::eventRow).list();
    if (loaded.size() == version) {
      remember(id, Collections.unmodifiableList(loaded));
    }
    return loaded;
  }

  /** Every stored row of an episode, straight from the database, ordered by seq. */
  public List<StoredEvent> eventsFromDatabase(UUID id) {
    return jdbc.sql(EVENT_SQL + " where episode_id = ? order by seq").param(id).query(EventStore::eventRow).list();
  }

  /**
   * Appends the next event to a stream whose header the caller has locked, and moves the header.
   * The cache learns of it only after the transaction commits.
   */
  public StoredEvent append(HeaderRow locked, List<StoredEvent> current, StoredEvent draft) {
    int seq = locked.version() + 1;
    StoredEvent e = new StoredEvent(draft.episodeId(), seq, draft.type(), draft.occurredAt(), draft.recordedAt(),
        draft.recordedBy(), draft.recordedRole(), draft.idempotencyKey(), draft.payload(), locked.headHash(), null);
    String hash = HashChain.next(e.prevHash(), e.canonical());
    StoredEvent stored = new StoredEvent(e.episodeId(), seq, e.type(), e.occurredAt(), e.recordedAt(), e.recordedBy(),
        e.recordedRole(), e.idempotencyKey(), e.payload(), e.prevHash(), hash);
    jdbc.sql("""
        insert into episode_event (episode_id, seq, event_type, occurred_at, recorded_at, recorded_by, recorded_role,
                                   idempotency_key, payload, prev_hash, hash)
        values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
        .params(stored.episodeId(), seq, stored.type(), ts(stored.occurredAt()), ts(stored.recordedAt()),
            stored.recordedBy(), stored.recordedRole(), stored.idempotencyKey(), CanonicalJson.write(stored.payload()),
            stored.prevHash(), hash)
        .update();
    int updated = jdbc.sql("update episode set version = ?, head_hash = ? where id = ? and version = ?")
        .params(seq, hash, stored.episodeId(), locked.version()).update();
    if (updated != 1) {
      throw new IllegalStateException("episode " + stored.episodeId() + " moved while locked");
    }
    List<StoredEvent> next = new ArrayList<>(current.size() + 1);
    next.addAll(current);
    next.add(stored);
    List<StoredEvent> after = Collections.unmodifiableList(next);
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

  private void remember(UUID id, List<StoredEvent> events) {
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.merge(id, events, (old, neu) -> neu.size() >= old.size() ? neu : old);
  }

  private static final String HEADER_SQL = """
      select id, patient_id, protocol_id, protocol_version, ward, created_at, created_by, genesis_hash, version, head_hash
      from episode""";

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
