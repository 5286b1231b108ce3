package org.ketapath.server.research;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ketapath.server.episode.EpisodeProjector;
import org.ketapath.server.episode.EpisodeState;
import org.ketapath.server.episode.EventStore;
import org.ketapath.server.episode.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outcomes for researchers without names or identifiers: no patient id, MRN, name, birth date,
 * ward or calendar time; each episode appears under a keyed pseudonym (HMAC with a per-installation
 * secret), and times are hours from the start of the infusion.
 */
@RestController
@RequestMapping("/api/research")
@Tag(name = "Research")
public class ResearchController {
  public record EpisodeOutcome(String pseudonym, String protocolId, String protocolVersion, String status,
      Double infusionHours, int rescueDoses, int adverseEvents, int maxAdverseEventGrade, int overrides,
      Integer painGoal, Integer lastNrs, String response) {}

  private final JdbcClient jdbc;
  private final EventStore store;

  public ResearchController(JdbcClient jdbc, EventStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  @GetMapping("/outcomes")
  @Transactional
  @Operation(summary = "De-identified outcome per episode (OUTC-1, OUTC-2)")
  public List<EpisodeOutcome> outcomes() {
    byte[] key = HexFormat.of().parseHex(secret());
    List<EpisodeOutcome> out = new ArrayList<>();
    for (UUID id : store.episodeIds()) {
      EventStore.HeaderRow h = store.header(id).orElseThrow();
      List<StoredEvent> events = store.events(id, h.version());
      EpisodeState s = EpisodeProjector.project(h.header(), events);
      int aes = 0;
      int maxGrade = 0;
      for (StoredEvent e : events) {
        if ("ADVERSE_EVENT".equals(e.type())) {
          aes++;
          maxGrade = Math.max(maxGrade, e.payload().path("grade").asInt(0));
        }
      }
      Double hours = null;
      if (s.startedAt() != null) {
        java.time.Instant end = s.stoppedAt() != null ? s.stoppedAt() : events.get(events.size() - 1).occurredAt();
        hours = Duration.between(s.startedAt(), end).toMinutes() / 60.0;
      }
      out.add(new EpisodeOutcome(pseudonym(key, id), s.protocolId(), s.protocolVersion(), s.status(), hours,
          s.rescueDoses(), aes, maxGrade, s.overrides(), s.painGoal(), s.lastNrs(), s.outcome()));
    }
    return out;
  }

  private String secret() {
    String fresh = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    jdbc.sql("insert into installation_secret (name, value) values ('research-pseudonym', ?) on conflict do nothing")
        .param(fresh).update();
    return jdbc.sql("select value from installation_secret where name = 'research-pseudonym'").query(String.class).single();
  }

  private static String pseudonym(byte[] key, UUID id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return "E-" + HexFormat.of().formatHex(mac.doFinal(id.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
          .substring(0, 16);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
