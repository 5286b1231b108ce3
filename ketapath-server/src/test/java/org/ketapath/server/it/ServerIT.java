package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the in-process integration tests: the whole server on a random loopback port over one
 * real (embedded) PostgreSQL in a temporary directory, shared by every test class of the JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ketapath.db.ephemeral=true", "ketapath.demo=true", "server.address=127.0.0.1",
        "logging.level.org.ketapath=WARN"})
public abstract class ServerIT {
  @LocalServerPort
  protected int port;

  @Autowired
  protected JdbcClient jdbc;

  protected Http http;

  @BeforeEach
  void client() {
    http = new Http("http://127.0.0.1:" + port);
  }

  /** Screening flags that make a PAIN-CRISIS patient eligible with no contraindication. */
  protected static Map<String, Object> eligibleFlags() {
    Map<String, Object> flags = new java.util.LinkedHashMap<>();
    for (String f : List.of("uncontrolledCardiovascularDisease", "pregnancy", "activePsychosis", "severeLiverDysfunction",
        "elevatedIntracranialPressure", "elevatedIntraocularPressure", "postoperative", "delirium", "recentSeizures",
        "historyOfPsychosis", "ischaemicHeartDisease", "cyp3a4Inhibitor")) {
      flags.put(f, false);
    }
    for (String f : List.of("hospitalized", "terminalCancer", "opioidEscalationFailed", "adjunctsConsidered",
        "proceduresConsidered", "opioidsOptimized", "neuropathicAdjuvantsTried")) {
      flags.put(f, true);
    }
    return flags;
  }

  protected static String ago(int minutes) {
    return java.time.Instant.now().minusSeconds(60L * minutes).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  /**
   * A new 70 kg patient on ward IT and a PAIN-CRISIS episode of it, started 3.5 h ago at
   * 0.1 mg/kg/h (7 mg/h; protocol maximum 0.2 mg/kg/h = 14 mg/h).
   */
  protected UUID runningEpisode() {
    UUID episode = newEpisode();
    String e = "/api/episodes/" + episode;
    int v = 0;
    v = ok(http.post("physician", e + "/screening", Map.of("expectedVersion", v, "at", ago(240), "flags", eligibleFlags())));
    v = ok(http.post("physician", e + "/orders", Map.of("expectedVersion", v, "at", ago(235), "concentration", "1 mg/mL")));
    v = ok(http.post("physician", e + "/signature", Map.of("expectedVersion", v, "at", ago(230))));
    v = ok(http.post("pharmacist", e + "/verification", Map.of("expectedVersion", v, "at", ago(220),
        "concentration", "1 mg/mL", "weightKg", 70, "dose", "0.1 mg/kg/h")));
    ok(http.post("nurse", e + "/start", Map.of("expectedVersion", v, "at", ago(210), "rate", "0.1 mg/kg/h")));
    return episode;
  }

  protected UUID newEpisode() {
    Http.Response p = http.post("nurse", "/api/patients", Map.of("mrn", "IT-" + UUID.randomUUID().toString().substring(0, 12),
        "familyName", "Test", "givenName", "Patient", "ward", "IT"));
    assertThat(p.status()).as(p.body()).isEqualTo(201);
    String patient = p.json().get("id").asText();
    Http.Response w = http.post("nurse", "/api/patients/" + patient + "/weights", Map.of("kg", 70, "measuredAt", ago(600)));
    assertThat(w.status()).as(w.body()).isEqualTo(201);
    Http.Response e = http.post("physician", "/api/episodes", Map.of("patientId", patient,
        "protocolId", "PAIN-CRISIS", "protocolVersion", "1.0.0"));
    assertThat(e.status()).as(e.body()).isEqualTo(201);
    return UUID.fromString(e.json().path("episodeId").asText());
  }

  protected static int ok(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("version").asInt();
  }

  protected int version(UUID episode) {
    return http.get("nurse", "/api/episodes/" + episode).json().path("version").asInt();
  }

  protected List<JsonNode> events(UUID episode) {
    List<JsonNode> out = new java.util.ArrayList<>();
    http.get("nurse", "/api/episodes/" + episode + "/events").json().forEach(out::add);
    return out;
  }
}
