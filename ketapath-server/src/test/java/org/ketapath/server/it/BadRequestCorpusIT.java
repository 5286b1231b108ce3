package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A corpus of bad requests: every one gets a 4xx problem+json naming what is wrong, never a 500. */
class BadRequestCorpusIT extends ServerIT {
  record Case(String name, String user, String method, String path, Object body, String contentType, Map<String, String> headers,
      int status, String code, String field) {}

  @Test
  void everyBadRequestGetsA4xxProblemNamingFieldAndRule() {
    UUID ep = runningEpisode();
    int v = version(ep);
    String e = "/api/episodes/" + ep;
    UUID unordered = newEpisode();
    String key = "Idempotency-Key";
    Map<String, String> k = Map.of(key, "corpus-" + UUID.randomUUID());
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("wrong rate unit", "nurse", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", q("12", "mg/min"), "reason", "pain"), null, k, 422, "DOSE-UNIT", "rate.unit"));
    cases.add(new Case("rate in mL/h where mg/h is needed", "nurse", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", q("12", "mL/h"), "reason", "pain"), null, k, 422, "DOSE-UNIT", "rate.unit"));
    cases.add(new Case("rescue in mcg", "nurse", "POST", e + "/rescue-doses",
        Map.of("expectedVersion", v, "drug", "morphine", "dose", q("5000", "mcg"), "route", "IV"), null, k, 422, "DOSE-UNIT", "dose.unit"));
    cases.add(new Case("tenfold rate by a nurse", "nurse", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", q("100", "mg/h"), "reason", "pain"), null, k, 422, "DOSE-ABOVE-GDL-4", "rate"));
    cases.add(new Case("above the order by a nurse", "nurse", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", q("25", "mg/h"), "reason", "pain"), null, k, 403, "ABOVE-ORDER-NURSE", "rate"));
    cases.add(new Case("above the order by a physician without a reason", "physician", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", q("25", "mg/h"), "reason", "pain"), null, k, 422, "ABOVE-ORDER", "rate"));
    cases.add(new Case("tenfold order (20 mg/kg/h misprint)", "physician", "POST", "/api/episodes/" + unordered + "/orders",
        Map.of("expectedVersion", 0, "startRate", q("0.1", "mg/kg/h"), "maxRate", q("20", "mg/kg/h"),
            "concentration", q("1", "mg/mL"), "weightKg", 70), null, k, 422, "DOSE-ABOVE-GDL-4", "maxRate"));
    cases.add(new Case("weight-based order without a weight", "physician", "POST", "/api/episodes/" + unordered + "/orders",
        Map.of("expectedVersion", 0, "startRate", q("0.1", "mg/kg/h"), "maxRate", q("0.2", "mg/kg/h"),
            "concentration", q("1", "mg/mL")), null, k, 422, "WEIGHT-MISSING", "startRate"));
    cases.add(new Case("implausible weight", "nurse", "POST", "/api/patients/" + UUID.randomUUID() + "/weights",
        Map.of("kg", 700, "measuredAt", "2025-01-01T00:00:00Z"), null, k, 422, "VALIDATION", "kg"));
    cases.add(new Case("verification without a weight", "pharmacist", "POST", "/api/episodes/" + unordered + "/verification",
        Map.of("expectedVersion", 0, "concentration", q("1", "mg/mL"), "dose", q("7", "mg/h")), null, k, 422, "VALIDATION", "weightKg"));
    cases.add(new Case("NRS 11", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", 11), null, k, 422,
        "VALIDATION", "nrs"));
    cases.add(new Case("NRS -1", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", -1), null, k, 422,
        "VALIDATION", "nrs"));
    cases.add(new Case("NRS as text", "nurse", "POST", e + "/assessments", "{\"expectedVersion\":" + v + ",\"nrs\":\"ten\"}", null,
        k, 400, "BAD-VALUE", "nrs"));
    cases.add(new Case("NRS missing", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v), null, k, 422,
        "VALIDATION", "nrs"));
    cases.add(new Case("expectedVersion missing", "nurse", "POST", e + "/assessments", Map.of("nrs", 3), null, k, 422,
        "VALIDATION", "expectedVersion"));
    cases.add(new Case("unknown field", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", 3, "dose", 5), null,
        k, 400, "UNKNOWN-FIELD", "dose"));
    cases.add(new Case("unknown episode", "nurse", "POST", "/api/episodes/" + UUID.randomUUID() + "/assessments",
        Map.of("expectedVersion", 0, "nrs", 3), null, k, 404, "NOT-FOUND", null));
    cases.add(new Case("unknown episode read", "nurse", "GET", "/api/episodes/" + UUID.randomUUID(), null, null, Map.of(), 404,
        "NOT-FOUND", null));
    cases.add(new Case("episode id not a UUID", "nurse", "GET", "/api/episodes/42", null, null, Map.of(), 404, "NOT-FOUND", "id"));
    cases.add(new Case("malformed JSON", "nurse", "POST", e + "/assessments", "{\"expectedVersion\": 1, \"nrs\": ", null, k, 400,
        "MALFORMED-JSON", null));
    cases.add(new Case("empty body", "nurse", "POST", e + "/assessments", "", null, k, 400, "MALFORMED-JSON", null));
    cases.add(new Case("JSON array instead of object", "nurse", "POST", e + "/assessments", "[1,2]", null, k, 400, null, null));
    cases.add(new Case("oversized body", "nurse", "POST", e + "/assessments",
        "{\"comment\":\"" + "x".repeat(70_000) + "\"}", null, k, 413, "BODY-TOO-LARGE", null));
    cases.add(new Case("wrong content type", "nurse", "POST", e + "/assessments", "nrs=3", "text/plain", k, 415, null, null));
    cases.add(new Case("missing Idempotency-Key", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", 3), null,
        Map.of(), 400, "HEADER-MISSING", "Idempotency-Key"));
    cases.add(new Case("malformed Idempotency-Key", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", 3), null,
        Map.of(key, "short"), 422, "VALIDATION", "Idempotency-Key"));
    cases.add(new Case("stale version", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v - 1, "nrs", 3), null, k,
        409, "STALE-VERSION", "expectedVersion"));
    cases.add(new Case("occurred in the future", "nurse", "POST", e + "/assessments",
        Map.of("expectedVersion", v, "nrs", 3, "occurredAt", "2999-01-01T00:00:00Z"), null, k, 422, "OCCURRED-IN-FUTURE", "occurredAt"));
    cases.add(new Case("bad timestamp", "nurse", "POST", e + "/assessments",
        Map.of("expectedVersion", v, "nrs", 3, "occurredAt", "yesterday"), null, k, 400, "BAD-VALUE", "occurredAt"));
    cases.add(new Case("bolus by a nurse", "nurse", "POST", e + "/boluses",
        Map.of("expectedVersion", v, "dose", q("5", "mg"), "reason", "pain"), null, k, 403, null, null));
    cases.add(new Case("tenfold bolus", "physician", "POST", e + "/boluses",
        Map.of("expectedVersion", v, "dose", q("70", "mg"), "reason", "pain"), null, k, 422, "BOLUS-ABOVE-GDL-5", "dose"));
    cases.add(new Case("override by a nurse", "nurse", "POST", e + "/overrides",
        Map.of("expectedVersion", v, "rule", "DOSE-4", "reason", "x"), null, k, 403, null, null));
    cases.add(new Case("override without a reason", "physician", "POST", e + "/overrides",
        Map.of("expectedVersion", v, "rule", "DOSE-4", "reason", " "), null, k, 422, "VALIDATION", "reason"));
    cases.add(new Case("taper step that raises the rate", "nurse", "POST", e + "/taper-steps",
        Map.of("expectedVersion", v, "rate", q("15", "mg/h")), null, k, 422, "TAPER-NOT-LOWER", "rate"));
    cases.add(new Case("negative dose", "nurse", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", q("-4", "mg/h"), "reason", "pain"), null, k, 422, "VALIDATION", "rate.value"));
    cases.add(new Case("outcome before stop", "physician", "POST", e + "/outcome",
        Map.of("expectedVersion", v, "response", "COMPLETE"), null, k, 409, "EPISODE-STATE", null));
    cases.add(new Case("unknown protocol", "physician", "POST", "/api/episodes",
        Map.of("patientId", UUID.randomUUID(), "protocolId", "NOPE", "protocolVersion", "9"), null, k, 422, null, null));
    cases.add(new Case("unknown route", "nurse", "GET", "/api/nothing-here", null, null, Map.of(), 404, null, null));
    cases.add(new Case("wrong method", "nurse", "DELETE", e, null, null, Map.of(), 405, null, null));
    cases.add(new Case("no credentials", null, "GET", e, null, null, Map.of(), 401, "UNAUTHENTICATED", null));
    cases.add(new Case("wrong password", "nobody", "GET", e, null, null, Map.of(), 401, "UNAUTHENTICATED", null));

    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      Map<String, String> headers = new java.util.HashMap<>(c.headers());
      if (headers.containsKey(key) && !headers.get(key).equals("short")) {
        headers.put(key, "corpus-" + UUID.randomUUID());
      }
      String contentType = c.body() == null ? null : c.contentType() == null ? "application/json" : c.contentType();
      Http.Response r = http.send(c.user(), c.method(), c.path(), c.body(), contentType, headers);
      String what = c.name() + " -> " + r.status() + " " + r.body();
      if (r.status() != c.status() || !r.isProblem()) {
        failures.add(what);
        continue;
      }
      var json = r.json();
      if (c.code() != null && !c.code().equals(json.path("code").asText())) {
        failures.add("code: " + what);
      }
      if (c.field() != null && !c.field().equals(json.path("field").asText())) {
        failures.add("field: " + what);
      }
      if (r.body().contains("Exception") || r.body().contains("\tat ")) {
        failures.add("leaks internals: " + what);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(version(ep)).as("no bad request changed the record").isEqualTo(v);
  }
}
