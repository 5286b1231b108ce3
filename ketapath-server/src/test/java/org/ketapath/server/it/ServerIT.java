package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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

  protected static Map<String, Object> q(String value, String unit) {
    return Map.of("value", new BigDecimal(value), "unit", unit);
  }

  /** A new patient on ward IT and an episode of it, driven to RUNNING at 10 mg/h (max 20 mg/h, 70 kg). */
  protected UUID runningEpisode() {
    UUID episode = newEpisode();
    int v = 0;
    v = ok(http.post("physician", "/api/episodes/" + episode + "/screening", Map.of("expectedVersion", v, "painNrs", 8, "painGoal", 4)));
    v = ok(http.post("physician", "/api/episodes/" + episode + "/orders", Map.of("expectedVersion", v,
        "startRate", q("10", "mg/h"), "maxRate", q("20", "mg/h"), "concentration", q("1", "mg/mL"), "weightKg", 70)));
    v = ok(http.post("physician", "/api/episodes/" + episode + "/signature", Map.of("expectedVersion", v)));
    v = ok(http.post("pharmacist", "/api/episodes/" + episode + "/verification", Map.of("expectedVersion", v,
        "concentration", q("1", "mg/mL"), "weightKg", 70, "dose", q("10", "mg/h"))));
    ok(http.post("nurse", "/api/episodes/" + episode + "/start", Map.of("expectedVersion", v, "rate", q("10", "mg/h"))));
    return episode;
  }

  protected UUID newEpisode() {
    Http.Response p = http.post("nurse", "/api/patients", Map.of("mrn", "IT-" + UUID.randomUUID().toString().substring(0, 12),
        "familyName", "Test", "givenName", "Patient", "ward", "IT"));
    assertThat(p.status()).as(p.body()).isEqualTo(201);
    Http.Response e = http.post("physician", "/api/episodes", Map.of("patientId", p.json().get("id").asText(),
        "protocolId", "PAIN-CRISIS", "protocolVersion", "1.0.0"));
    assertThat(e.status()).as(e.body()).isEqualTo(201);
    return UUID.fromString(e.json().path("state").path("episodeId").asText());
  }

  protected static int ok(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("version").asInt();
  }

  protected int version(UUID episode) {
    return http.get("nurse", "/api/episodes/" + episode).json().path("state").path("version").asInt();
  }

  protected List<JsonNode> events(UUID episode) {
    List<JsonNode> out = new java.util.ArrayList<>();
    http.get("nurse", "/api/episodes/" + episode + "/events").json().forEach(out::add);
    return out;
  }
}
