package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A corpus of bad requests: every one gets a 4xx problem+json naming what is wrong, never a 500.
 * Among them DOSE-1 at the API: a dose without its unit, or in a unit the field does not take, is
 * refused; DOSE-2: a weight that is missing, zero, implausible or undated is refused.
 */
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
        Map.of("expectedVersion", v, "rate", "9 mg/min", "reason", "pain"), null, k, 422, "DOSE-INVALID", "rate"));
    cases.add(new Case("rate without a unit", "nurse", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", "9", "reason", "pain"), null, k, 422, "DOSE-INVALID", "rate"));
    cases.add(new Case("rate as a bare number", "nurse", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", 9, "reason", "pain"), null, k, 422, "DOSE-INVALID", "rate"));
    cases.add(new Case("rescue in millilitres", "nurse", "POST", e + "/rescue-doses",
        Map.of("expectedVersion", v, "drug", "morphine", "dose", "5 mL", "route", "IV"), null, k, 422, null, "dose"));
    cases.add(new Case("tenfold rate by a nurse", "nurse", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", "70 mg/h", "reason", "pain"), null, k, 403, "OUTSIDE-ORDER-NURSE", "rate"));
    cases.add(new Case("tenfold rate by a physician without an override", "physician", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", "70 mg/h", "reason", "pain"), null, k, 422, "OUTSIDE-ORDER", "rate"));
    cases.add(new Case("tenfold order (20 mg/kg/h misprint)", "physician", "POST", "/api/episodes/" + unordered + "/orders",
        Map.of("expectedVersion", 0, "concentration", "1 mg/mL", "maxRate", "20 mg/kg/h"), null, k, 422, "DOSE-ABOVE-GDL-4", "maxRate"));
    cases.add(new Case("concentration in the wrong unit", "physician", "POST", "/api/episodes/" + unordered + "/orders",
        Map.of("expectedVersion", 0, "concentration", "1 mg/h"), null, k, 422, null, "concentration"));
    cases.add(new Case("verification without a weight", "pharmacist", "POST", "/api/episodes/" + unordered + "/verification",
        Map.of("expectedVersion", 0, "concentration", "1 mg/mL", "dose", "7 mg/h"), null, k, 422, null, "weightKg"));
    cases.add(new Case("zero weight", "pharmacist", "POST", "/api/episodes/" + unordered + "/verification",
        Map.of("expectedVersion", 0, "concentration", "1 mg/mL", "dose", "7 mg/h", "weightKg", 0), null, k, 422, null, "weightKg"));
    cases.add(new Case("implausible patient weight", "nurse", "POST", "/api/patients/" + UUID.randomUUID() + "/weights",
        Map.of("kg", 700, "measuredAt", "2025-01-01T00:00:00Z"), null, k, 422, "VALIDATION", "kg"));
    cases.add(new Case("patient weight without a date", "nurse", "POST", "/api/patients/" + UUID.randomUUID() + "/weights",
        Map.of("kg", 70), null, k, 422, "VALIDATION", "measuredAt"));
    cases.add(new Case("NRS 11", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", 11), null, k, 422,
        "DATA-RANGE", "nrs"));
    cases.add(new Case("NRS -1", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", -1), null, k, 422,
        null, "nrs"));
    cases.add(new Case("NRS as text", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", "ten"), null,
        k, 422, "DATA-TYPE", "nrs"));
    cases.add(new Case("empty assessment", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v), null, k, 422,
        null, null));
    cases.add(new Case("expectedVersion missing", "nurse", "POST", e + "/assessments", Map.of("nrs", 3), null, k, 422,
        "VALIDATION", "expectedVersion"));
    cases.add(new Case("expectedVersion not a number", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", "x", "nrs", 3),
        null, k, 422, "VALIDATION", "expectedVersion"));
    cases.add(new Case("unknown field", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", 3, "dose", 5), null,
        k, 422, "DATA-UNKNOWN-FIELD", "dose"));
    cases.add(new Case("author set by the client", "nurse", "POST", e + "/assessments",
        Map.of("expectedVersion", v, "nrs", 3, "by", Map.of("id", "dr.x", "role", "PAIN_PHYSICIAN")), null, k, 422, "SERVER-FIELD", "by"));
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
        "{\"note\":\"" + "x".repeat(70_000) + "\"}", null, k, 413, "BODY-TOO-LARGE", null));
    cases.add(new Case("wrong content type", "nurse", "POST", e + "/assessments", "nrs=3", "text/plain", k, 415, null, null));
    cases.add(new Case("missing Idempotency-Key", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", 3), null,
        Map.of(), 400, "HEADER-MISSING", "Idempotency-Key"));
    cases.add(new Case("malformed Idempotency-Key", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v, "nrs", 3), null,
        Map.of(key, "short"), 422, "VALIDATION", "Idempotency-Key"));
    cases.add(new Case("stale version", "nurse", "POST", e + "/assessments", Map.of("expectedVersion", v - 1, "nrs", 3), null, k,
        409, "STALE-VERSION", "expectedVersion"));
    cases.add(new Case("occurred in the future", "nurse", "POST", e + "/assessments",
        Map.of("expectedVersion", v, "nrs", 3, "at", "2999-01-01T00:00:00Z"), null, k, 422, "OCCURRED-IN-FUTURE", "at"));
    cases.add(new Case("bad timestamp", "nurse", "POST", e + "/assessments",
        Map.of("expectedVersion", v, "nrs", 3, "at", "yesterday"), null, k, 422, "DATA-TIME", "at"));
    cases.add(new Case("bolus by a nurse", "nurse", "POST", e + "/boluses",
        Map.of("expectedVersion", v, "dose", "5 mg", "reason", "pain"), null, k, 403, null, null));
    cases.add(new Case("bolus in mg/h", "physician", "POST", e + "/boluses",
        Map.of("expectedVersion", v, "dose", "5 mg/h", "reason", "pain"), null, k, 422, null, "dose"));
    cases.add(new Case("override by a nurse", "nurse", "POST", e + "/overrides",
        Map.of("expectedVersion", v, "scope", "RATE_ABOVE_CAP", "upTo", "16 mg/h", "reason", "x"), null, k, 403, null, null));
    cases.add(new Case("override without a reason", "physician", "POST", e + "/overrides",
        Map.of("expectedVersion", v, "scope", "RATE_ABOVE_CAP", "upTo", "16 mg/h"), null, k, 422, null, null));
    cases.add(new Case("rate override without the rate it allows", "physician", "POST", e + "/overrides",
        Map.of("expectedVersion", v, "scope", "RATE_ABOVE_CAP", "reason", "crisis"), null, k, 422, null, null));
    cases.add(new Case("negative rate", "nurse", "POST", e + "/rate-changes",
        Map.of("expectedVersion", v, "rate", "-4 mg/h", "reason", "pain"), null, k, 422, "DOSE-INVALID", "rate"));
    cases.add(new Case("unknown side effect", "nurse", "POST", e + "/side-effects",
        Map.of("expectedVersion", v, "effect", "GREEN_SKIN"), null, k, 422, null, "effect"));
    cases.add(new Case("CTCAE grade 6", "nurse", "POST", e + "/adverse-events", Map.of("expectedVersion", v, "term", "x",
        "category", "OTHER", "ctcaeGrade", 6, "attributedToKetamine", true), null, k, 422, null, "ctcaeGrade"));
    cases.add(new Case("unknown protocol", "physician", "POST", "/api/episodes",
        Map.of("patientId", UUID.randomUUID(), "protocolId", "NOPE", "protocolVersion", "9"), null, k, 422, null, null));
    cases.add(new Case("MEDD without a table", "nurse", "POST", "/api/medd", Map.of("opioids", List.of()), null, k, 422,
        "TABLE-MISSING", "table"));
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
      if (c.field() != null && !json.path("field").asText().equals(c.field()) && !json.path("field").asText().endsWith("." + c.field())) {
        failures.add("field: " + what);
      }
      if (json.path("detail").asText().startsWith("body:")) {
        failures.add("detail names an internal source: " + what);
      }
      if (r.body().contains("Exception") || r.body().contains("\tat ")) {
        failures.add("leaks internals: " + what);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(version(ep)).as("no bad request changed the record").isEqualTo(v);
  }
}
