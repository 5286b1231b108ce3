package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GDL-3, INST-1, DOSE-2, DOSE-3: the record itself, not only the web page, refuses to order, sign,
 * verify or start a blocked episode until a pain physician overrides the blocking finding with a
 * reason, and refuses each step of order, signature, verification and start out of its sequence.
 */
class BlockedEpisodeIT extends ServerIT {

  @Test
  void aContraindicatedEpisodeCannotBeOrderedOrStartedUntilAPhysicianOverridesTheFinding() {
    UUID episode = newEpisode();
    String e = "/api/episodes/" + episode;
    Map<String, Object> flags = eligibleFlags();
    flags.put("pregnancy", true);
    int v = ok(http.post("physician", e + "/screening", Map.of("expectedVersion", 0, "at", ago(240), "flags", flags)));
    assertThat(http.get("physician", e + "/recommendation").json().path("action").asText()).isEqualTo("BLOCKED");

    Http.Response order = http.post("physician", e + "/orders", Map.of("expectedVersion", v, "at", ago(235),
        "concentration", "1 mg/mL"));
    assertThat(order.status()).as(order.body()).isEqualTo(422);
    assertThat(order.isProblem()).isTrue();
    assertThat(order.json().path("code").asText()).isEqualTo("EPISODE-BLOCKED");
    assertThat(order.json().path("field").asText()).isEqualTo("screening");
    assertThat(order.json().path("rules").toString()).contains("GDL-3", "INST-1");
    assertThat(order.json().path("detail").asText()).contains("contraindication:pregnancy", "override");

    Http.Response start = http.post("nurse", e + "/start", Map.of("expectedVersion", v, "at", ago(230),
        "rate", "0.1 mg/kg/h"));
    assertThat(start.status()).as(start.body()).isEqualTo(422);
    assertThat(start.json().path("code").asText()).isEqualTo("EPISODE-BLOCKED");
    assertThat(version(episode)).as("nothing refused was recorded").isEqualTo(v);

    Http.Response nurseOverride = http.post("nurse", e + "/overrides", Map.of("expectedVersion", v,
        "scope", "FINDING", "finding", "contraindication:pregnancy", "reason", "I think it is fine"));
    assertThat(nurseOverride.status()).as(nurseOverride.body()).isEqualTo(403);

    v = ok(http.post("physician", e + "/overrides", Map.of("expectedVersion", v, "at", ago(234), "scope", "FINDING",
        "finding", "contraindication:pregnancy", "reason", "end-of-life care; obstetrics and patient agree")));
    v = ok(http.post("physician", e + "/orders", Map.of("expectedVersion", v, "at", ago(233), "concentration", "1 mg/mL")));
    v = ok(http.post("physician", e + "/signature", Map.of("expectedVersion", v, "at", ago(232))));
    v = ok(http.post("pharmacist", e + "/verification", Map.of("expectedVersion", v, "at", ago(231),
        "concentration", "1 mg/mL", "weightKg", 70, "dose", "0.1 mg/kg/h")));
    ok(http.post("nurse", e + "/start", Map.of("expectedVersion", v, "at", ago(230), "rate", "0.1 mg/kg/h")));
    assertThat(http.get("physician", e + "/recommendation").json().path("action").asText()).isNotEqualTo("BLOCKED");
  }

  @Test
  void anInfusionWithNoBodyWeightCannotStart() {
    Http.Response p = http.post("nurse", "/api/patients", Map.of("mrn", "IT-" + UUID.randomUUID().toString().substring(0, 12),
        "familyName", "Test", "givenName", "Noweight", "ward", "IT"));
    assertThat(p.status()).as(p.body()).isEqualTo(201);
    Http.Response created = http.post("physician", "/api/episodes", Map.of("patientId", p.json().get("id").asText(),
        "protocolId", "PAIN-CRISIS", "protocolVersion", "1.0.0"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String e = "/api/episodes/" + created.json().path("episodeId").asText();
    int v = ok(http.post("physician", e + "/screening", Map.of("expectedVersion", 0, "at", ago(60), "flags", eligibleFlags())));

    Http.Response start = http.post("nurse", e + "/start", Map.of("expectedVersion", v, "at", ago(1), "rate", "7 mg/h"));
    assertThat(start.status()).as(start.body()).isEqualTo(422);
    assertThat(start.json().path("code").asText()).isEqualTo("EPISODE-BLOCKED");
    assertThat(start.json().path("field").asText()).isEqualTo("weight");
    assertThat(start.json().path("rules").toString()).contains("DOSE-2");
  }

  @Test
  void orderSignatureVerificationAndStartComeInThatOrder() {
    UUID episode = newEpisode();
    String e = "/api/episodes/" + episode;
    int v = ok(http.post("physician", e + "/screening", Map.of("expectedVersion", 0, "at", ago(240), "flags", eligibleFlags())));
    refused(http.post("nurse", e + "/start", Map.of("expectedVersion", v, "rate", "0.1 mg/kg/h")), "ORDER-MISSING", "INST-1");
    refused(http.post("physician", e + "/signature", Map.of("expectedVersion", v)), "ORDER-MISSING", "INST-1");
    v = ok(http.post("physician", e + "/orders", Map.of("expectedVersion", v, "at", ago(235), "concentration", "1 mg/mL")));
    refused(http.post("pharmacist", e + "/verification", verification(v)), "ORDER-UNSIGNED", "INST-1");
    v = ok(http.post("physician", e + "/signature", Map.of("expectedVersion", v, "at", ago(230))));
    refused(http.post("nurse", e + "/start", Map.of("expectedVersion", v, "rate", "0.1 mg/kg/h")), "ORDER-UNVERIFIED", "DOSE-3");
    assertThat(version(episode)).as("nothing refused was recorded").isEqualTo(v);
    v = ok(http.post("pharmacist", e + "/verification", verification(v)));
    ok(http.post("nurse", e + "/start", Map.of("expectedVersion", v, "at", ago(210), "rate", "0.1 mg/kg/h")));
  }

  private static Map<String, Object> verification(int expectedVersion) {
    return Map.of("expectedVersion", expectedVersion, "at", ago(220), "concentration", "1 mg/mL", "weightKg", 70,
        "dose", "0.1 mg/kg/h");
  }

  private static void refused(Http.Response r, String code, String rule) {
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.isProblem()).isTrue();
    assertThat(r.json().path("code").asText()).isEqualTo(code);
    assertThat(r.json().path("field").asText()).isEqualTo("type");
    assertThat(r.json().path("rules").toString()).contains(rule);
  }
}
