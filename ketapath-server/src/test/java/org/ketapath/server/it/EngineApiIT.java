package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The core engine behind the API: recommendation, applying it, outcome, MEDD, protocol catalogue. */
class EngineApiIT extends ServerIT {

  @Test
  void theRecommendationExplainsItselfAndANurseCanApplyAnIncreaseWithinInst4() {
    UUID episode = runningEpisode();
    String e = "/api/episodes/" + episode;
    int v = version(episode);
    ok(http.post("nurse", e + "/assessments", Map.of("expectedVersion", v, "nrs", 8, "ppg", 4, "poss", 1)));
    Http.Response rec = http.get("nurse", e + "/recommendation");
    assertThat(rec.status()).isEqualTo(200);
    JsonNode d = rec.json();
    assertThat(d.get("reasons")).isNotEmpty();
    assertThat(d.get("ruleIds").toString()).contains("INST-4");
    assertThat(d.has("nextAssessmentDue")).isTrue();
    assertThat(d.get("action").asText()).as(d.toString()).isEqualTo("INCREASE");
    Http.Response applied = http.post("nurse", e + "/recommendation/apply", Map.of("expectedVersion", v + 1));
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    assertThat(applied.json().get("type").asText()).isEqualTo("rateChange");
    List<JsonNode> events = events(episode);
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("payload").path("rate").asText()).isEqualTo("9 mg/h");
    assertThat(last.path("payload").path("by").path("id").asText()).isEqualTo("nurse");
    assertThat(http.get("nurse", e + "/recommendation").json().get("action").asText()).isNotEqualTo("INCREASE");
  }

  @Test
  void outcomeMeddAndProtocolsComeFromTheCore() {
    UUID episode = runningEpisode();
    Http.Response outcome = http.get("physician", "/api/episodes/" + episode + "/outcome");
    assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
    assertThat(outcome.json().get("protocolRef").asText()).isEqualTo("PAIN-CRISIS@1.0.0");

    List<String> tables = List.of(http.get("nurse", "/api/medd/tables").json().get(0).asText());
    Http.Response medd = http.post("nurse", "/api/medd", Map.of("table", tables.get(0), "at", ago(0),
        "opioids", List.of(Map.of("at", ago(60), "drug", "morphine", "route", "PO", "dose", "30 mg"),
            Map.of("type", "rescue", "at", ago(30), "drug", "morphine", "route", "PO", "dose", "10 mg"))));
    assertThat(medd.status()).as(medd.body()).isEqualTo(200);
    assertThat(medd.json().get("rescueDoses").asInt()).isEqualTo(1);
    assertThat(medd.json().get("tableRef").asText()).isEqualTo(tables.get(0));

    JsonNode protocols = http.get("researcher", "/api/protocols").json();
    assertThat(protocols.size()).isEqualTo(3);
    assertThat(protocols.toString()).contains("CIVIK", "PAIN-CRISIS", "OUTPATIENT-SESSIONS", "activeForNewEpisodes");
  }
}
