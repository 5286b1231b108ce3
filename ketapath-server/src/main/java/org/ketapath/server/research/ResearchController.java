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
import java.util.Map;
import org.ketapath.core.outcome.EpisodeSummary;
import org.ketapath.server.episode.EpisodeService;
import org.ketapath.server.episode.EventStore;
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
  /** OUTC-1 without identifiers: times are hours from the start of the infusion. */
  public record EpisodeOutcome(String pseudonym, String protocolRef, String painMechanism, Object baselineOralMedd,
      Object baselineParenteralMedd, int baselineRescues24h, Integer ppg, List<Map<String, Object>> nrs,
      List<Map<String, Object>> rateChanges, List<Map<String, Object>> adverseEvents, int infusions, Double durationHours,
      Object responses) {}

  private final JdbcClient jdbc;
  private final EventStore store;
  private final EpisodeService episodes;

  public ResearchController(JdbcClient jdbc, EventStore store, EpisodeService episodes) {
    this.jdbc = jdbc;
    this.store = store;
    this.episodes = episodes;
  }

  @GetMapping("/outcomes")
  @Transactional
  @Operation(summary = "De-identified outcome record per episode (OUTC-1), for cohort reports (OUTC-2)")
  public List<EpisodeOutcome> outcomes() {
    byte[] key = HexFormat.of().parseHex(secret());
    List<EpisodeOutcome> out = new ArrayList<>();
    for (UUID id : store.episodeIds()) {
      EpisodeSummary s;
      try {
        s = episodes.summary(id);
      } catch (RuntimeException e) {
        continue;
      }
      java.time.Instant origin = s.started().orElse(null);
      List<Map<String, Object>> nrs = new ArrayList<>();
      s.nrs().forEach(p -> nrs.add(entry("hours", hours(origin, p.at()), "nrs", p.nrs())));
      List<Map<String, Object>> rates = new ArrayList<>();
      s.rateChanges().forEach(r -> rates.add(entry("hours", hours(origin, r.at()), "mgPerHour", r.rate().value(),
          "why", r.why() == null ? "" : r.why())));
      List<Map<String, Object>> aes = new ArrayList<>();
      s.adverseEvents().forEach(a -> aes.add(entry("hours", hours(origin, a.at()), "term", a.term(),
          "category", String.valueOf(a.category()), "ctcaeGrade", a.ctcaeGrade().map(Object.class::cast).orElse(""))));
      Double duration = origin == null ? null : hours(origin, s.stopped().orElse(java.time.Instant.now()));
      out.add(new EpisodeOutcome(pseudonym(key, id), s.protocolRef(), s.painMechanism().map(Enum::name).orElse(null),
          s.baselineOralMedd().orElse(null), s.baselineParenteralMedd().orElse(null), s.baselineRescues24h(),
          s.ppg().orElse(null), nrs, rates, aes, s.infusions(), duration, s.responses()));
    }
    return out;
  }

  /** A map that keeps null values (an unknown time is reported as null, not dropped). */
  private static Map<String, Object> entry(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Double hours(java.time.Instant origin, java.time.Instant at) {
    return origin == null ? null : Math.round(Duration.between(origin, at).toMinutes() / 6.0) / 10.0;
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
