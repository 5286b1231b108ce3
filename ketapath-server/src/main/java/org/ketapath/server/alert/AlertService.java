package org.ketapath.server.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ketapath.server.episode.EpisodeHeader;
import org.ketapath.server.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alert records. A condition is identified by a key that is stable for as long as the condition is
 * the same one (for example "the assessment due at 14:00 is overdue"), and the key is unique per
 * episode, so an alert is raised once per condition however often it is evaluated.
 */
@Service
public class AlertService {
  /** Something that needs a person's attention. */
  public record Condition(String key, String kind, String severity, String message, List<String> rules) {}

  public record Alert(UUID id, UUID episodeId, String ward, String kind, String severity, String message,
      List<String> rules, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy) {}

  private final JdbcClient jdbc;

  public AlertService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Raises the conditions not raised before; returns the newly raised alerts. */
  @Transactional
  public List<Alert> raise(EpisodeHeader episode, List<Condition> conditions, Instant now) {
    List<Alert> raised = new java.util.ArrayList<>();
    for (Condition c : conditions) {
      UUID id = UUID.randomUUID();
      int inserted = jdbc.sql("""
          insert into alert (id, episode_id, ward, condition_key, kind, severity, message, rule_ids, raised_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (episode_id, condition_key) do nothing""")
          .params(id, episode.id(), episode.ward(), c.key(), c.kind(), c.severity(), c.message(),
              String.join(",", c.rules()), now.atOffset(java.time.ZoneOffset.UTC))
          .update();
      if (inserted == 1) {
        raised.add(new Alert(id, episode.id(), episode.ward(), c.kind(), c.severity(), c.message(), c.rules(), now, null,
            null));
      }
    }
    return raised;
  }

  public List<Alert> open(Optional<String> ward, Optional<UUID> episodeId) {
    return jdbc.sql(SELECT + "\n" + """
         where acknowledged_at is null
           and (cast(? as text) is null or ward = ?)
           and (cast(? as uuid) is null or episode_id = ?)
         order by raised_at, id""")
        .params(ward.orElse(null), ward.orElse(null), episodeId.orElse(null), episodeId.orElse(null))
        .query(AlertService::row).list();
  }

  @Transactional
  public Alert acknowledge(UUID id, String user, Instant now) {
    int updated = jdbc.sql("update alert set acknowledged_at = ?, acknowledged_by = ? where id = ? and acknowledged_at is null")
        .params(now.atOffset(java.time.ZoneOffset.UTC), user, id).update();
    Alert alert = jdbc.sql(SELECT + " where id = ?").param(id).query(AlertService::row).optional()
        .orElseThrow(() -> ApiProblem.notFound("alert", id));
    if (updated == 0) {
      throw new ApiProblem(HttpStatus.CONFLICT, "ALERT-ALREADY-ACKNOWLEDGED", null, List.of(),
          "alert " + id + " was already acknowledged by " + alert.acknowledgedBy() + " at " + alert.acknowledgedAt());
    }
    return alert;
  }

  private static final String SELECT = """
      select id, episode_id, ward, kind, severity, message, rule_ids, raised_at, acknowledged_at, acknowledged_by
      from alert""";

  private static Alert row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    java.time.OffsetDateTime ack = rs.getObject("acknowledged_at", java.time.OffsetDateTime.class);
    String rules = rs.getString("rule_ids");
    return new Alert(rs.getObject("id", UUID.class), rs.getObject("episode_id", UUID.class), rs.getString("ward"),
        rs.getString("kind"), rs.getString("severity"), rs.getString("message"),
        rules.isEmpty() ? List.of() : List.of(rules.split(",")),
        rs.getObject("raised_at", java.time.OffsetDateTime.class).toInstant(), ack == null ? null : ack.toInstant(),
        rs.getString("acknowledged_by"));
  }
}
