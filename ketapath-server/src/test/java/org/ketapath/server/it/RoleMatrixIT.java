package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ketapath.server.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every API endpoint with every role (and without credentials). The expected matrix is
 * written here from the issue, independently of the security configuration: every forbidden cell
 * must be refused with 403, every allowed cell must get past authorization (requests that are
 * allowed use bodies or ids that are refused later, so the walk changes nothing).
 */
class RoleMatrixIT extends ServerIT {
  private static final Set<Role> ALL = EnumSet.allOf(Role.class);
  private static final Set<Role> P = EnumSet.of(Role.PAIN_PHYSICIAN);
  private static final Set<Role> BEDSIDE = EnumSet.of(Role.PAIN_PHYSICIAN, Role.NURSE);
  private static final Set<Role> CLINICAL = EnumSet.of(Role.PAIN_PHYSICIAN, Role.NURSE, Role.PHARMACIST);

  record Cell(String method, String path, Set<Role> allowed) {}

  static List<Cell> matrix() {
    List<Cell> m = new ArrayList<>();
    m.add(new Cell("GET", "/api/ping", ALL));
    m.add(new Cell("GET", "/api/me", ALL));
    m.add(new Cell("POST", "/api/me/password", ALL));
    m.add(new Cell("GET", "/api/protocols", ALL));
    m.add(new Cell("GET", "/api/admin/protocol-versions", EnumSet.of(Role.ADMIN)));
    m.add(new Cell("POST", "/api/admin/protocol-versions", EnumSet.of(Role.ADMIN)));
    m.add(new Cell("GET", "/api/admin/users", EnumSet.of(Role.ADMIN)));
    m.add(new Cell("POST", "/api/admin/users", EnumSet.of(Role.ADMIN)));
    m.add(new Cell("POST", "/api/admin/users/{username}/roles", EnumSet.of(Role.ADMIN)));
    m.add(new Cell("POST", "/api/admin/users/{username}/enabled", EnumSet.of(Role.ADMIN)));
    m.add(new Cell("POST", "/api/patients", BEDSIDE));
    m.add(new Cell("GET", "/api/patients", CLINICAL));
    m.add(new Cell("GET", "/api/patients/{id}", CLINICAL));
    m.add(new Cell("POST", "/api/patients/{id}/weights", BEDSIDE));
    m.add(new Cell("GET", "/api/patients/{id}/weights", CLINICAL));
    m.add(new Cell("POST", "/api/episodes", P));
    m.add(new Cell("GET", "/api/episodes", CLINICAL));
    m.add(new Cell("GET", "/api/episodes/{id}", CLINICAL));
    m.add(new Cell("GET", "/api/episodes/{id}/events", CLINICAL));
    m.add(new Cell("GET", "/api/episodes/{id}/verify", EnumSet.of(Role.PAIN_PHYSICIAN, Role.NURSE, Role.PHARMACIST, Role.ADMIN)));
    m.add(new Cell("GET", "/api/episodes/{id}/recommendation", CLINICAL));
    m.add(new Cell("GET", "/api/episodes/{id}/outcome", CLINICAL));
    m.add(new Cell("POST", "/api/episodes/{id}/recommendation/apply", BEDSIDE));
    m.add(new Cell("POST", "/api/medd", CLINICAL));
    m.add(new Cell("GET", "/api/medd/tables", CLINICAL));
    for (String s : List.of("screening", "orders", "signature", "boluses", "overrides")) {
      m.add(new Cell("POST", "/api/episodes/{id}/" + s, P));
    }
    m.add(new Cell("POST", "/api/episodes/{id}/verification", EnumSet.of(Role.PHARMACIST)));
    for (String s : List.of("start", "assessments", "vital-signs", "rescue-doses", "rate-changes", "side-effects",
        "adverse-events", "taper-steps", "stop", "weights", "opioids", "medication-orders", "session-starts", "session-ends")) {
      m.add(new Cell("POST", "/api/episodes/{id}/" + s, BEDSIDE));
    }
    m.add(new Cell("GET", "/api/alerts", CLINICAL));
    m.add(new Cell("POST", "/api/alerts/{id}/acknowledge", BEDSIDE));
    m.add(new Cell("GET", "/api/research/outcomes", EnumSet.of(Role.RESEARCHER)));
    m.add(new Cell("GET", "/api/verify", EnumSet.of(Role.ADMIN)));
    return m;
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyApiEndpointIsInTheMatrix() {
    Set<String> mapped = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/")) {
          info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
        }
      }
    }
    Set<String> inMatrix = new TreeSet<>();
    matrix().forEach(c -> inMatrix.add(c.method() + " " + c.path()));
    assertThat(inMatrix).containsExactlyInAnyOrderElementsOf(mapped);
  }

  @Test
  void everyForbiddenCellIsRefusedAndEveryAllowedCellPassesAuthorization() {
    UUID episode = runningEpisode();
    String patient = http.get("nurse", "/api/episodes/" + episode).json().path("patientId").asText();
    int v = version(episode);
    Map<String, String> users = Map.of("PAIN_PHYSICIAN", "physician", "NURSE", "nurse", "PHARMACIST", "pharmacist",
        "RESEARCHER", "researcher", "ADMIN", "admin");
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Cell c : matrix()) {
      String path = c.path().replace("{username}", "no-such-user")
          .replace("/api/patients/{id}", "/api/patients/" + patient)
          .replace("/api/episodes/{id}", "/api/episodes/" + episode)
          .replace("/api/alerts/{id}", "/api/alerts/" + UUID.randomUUID());
      // An allowed write must be refused after authorization so that the walk records nothing.
      String body = "{}";
      Http.Response anonymous = http.send(null, c.method(), path, "POST".equals(c.method()) ? body : null,
          "POST".equals(c.method()) ? "application/json" : null, Map.of("Idempotency-Key", "matrix-" + UUID.randomUUID()));
      if (anonymous.status() != 401) {
        wrong.add("anonymous " + c.method() + " " + c.path() + " -> " + anonymous.status());
      }
      for (Role role : Role.values()) {
        cells++;
        Http.Response r = http.send(users.get(role.name()), c.method(), path, "POST".equals(c.method()) ? body : null,
            "POST".equals(c.method()) ? "application/json" : null, Map.of("Idempotency-Key", "matrix-" + UUID.randomUUID()));
        boolean allowed = c.allowed().contains(role);
        if (!allowed && (r.status() != 403 || !r.isProblem())) {
          wrong.add("FORBIDDEN cell not refused: " + role + " " + c.method() + " " + c.path() + " -> " + r.status() + " " + r.body());
        }
        if (allowed && (r.status() == 401 || r.status() == 403 || r.status() >= 500)) {
          wrong.add("allowed cell refused: " + role + " " + c.method() + " " + c.path() + " -> " + r.status() + " " + r.body());
        }
        if (allowed && "POST".equals(c.method()) && r.status() < 300) {
          wrong.add("walk changed something: " + role + " " + c.method() + " " + c.path() + " -> " + r.status());
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(cells).isEqualTo(matrix().size() * Role.values().length);
    assertThat(version(episode)).isEqualTo(v);
  }

  @Test
  void aNurseCannotExceedTheProtocolButAPhysicianCanAfterAnOverrideWithAReason() {
    UUID episode = runningEpisode();
    String e = "/api/episodes/" + episode;
    int v = version(episode);
    Http.Response nurse = http.post("nurse", e + "/rate-changes", Map.of("expectedVersion", v, "rate", "16 mg/h", "reason", "pain 8/10"));
    assertThat(nurse.status()).as(nurse.body()).isEqualTo(403);
    assertThat(nurse.json().get("rules").toString()).contains("INST-4");
    Http.Response doc = http.post("physician", e + "/rate-changes", Map.of("expectedVersion", v, "rate", "16 mg/h", "reason", "pain 8/10"));
    assertThat(doc.status()).as(doc.body()).isEqualTo(422);
    assertThat(doc.json().get("rules").toString()).contains("DOSE-4");
    v = ok(http.post("physician", e + "/overrides", Map.of("expectedVersion", v, "scope", "RATE_ABOVE_CAP", "upTo", "16 mg/h",
        "reason", "pain crisis, discussed with the team")));
    Http.Response after = http.post("physician", e + "/rate-changes", Map.of("expectedVersion", v, "rate", "16 mg/h", "reason", "pain 8/10"));
    assertThat(after.status()).as(after.body()).isEqualTo(201);
    assertThat(version(episode)).isEqualTo(v + 1);
  }

  @Test
  void engineAlertsAreRaisedOncePerConditionAndAcknowledgedOnce() {
    UUID episode = runningEpisode();
    String e = "/api/episodes/" + episode;
    int v = version(episode);
    Http.Response high = http.post("nurse", e + "/vital-signs", Map.of("expectedVersion", v, "systolic", 172, "diastolic", 95));
    assertThat(high.status()).as(high.body()).isEqualTo(201);
    assertThat(high.json().get("alertsRaised").toString()).contains("NOTIFY_PAIN_SERVICE");
    Http.Response again = http.post("nurse", e + "/vital-signs", Map.of("expectedVersion", v + 1, "systolic", 170));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("alertsRaised").toString()).doesNotContain("NOTIFY_PAIN_SERVICE");
    http.get("nurse", e);
    http.get("nurse", e);
    var open = http.get("nurse", "/api/alerts?episodeId=" + episode).json();
    long notify = 0;
    String alert = null;
    for (var a : open) {
      if (a.get("kind").asText().equals("NOTIFY_PAIN_SERVICE")) {
        notify++;
        alert = a.get("id").asText();
      }
    }
    assertThat(notify).as(open.toString()).isEqualTo(1);
    assertThat(http.post("researcher", "/api/alerts/" + alert + "/acknowledge", "").status()).isEqualTo(403);
    assertThat(http.post("nurse", "/api/alerts/" + alert + "/acknowledge", "").status()).isEqualTo(200);
    assertThat(http.post("physician", "/api/alerts/" + alert + "/acknowledge", "").status()).isEqualTo(409);
    Http.Response hypoxia = http.post("nurse", e + "/vital-signs", Map.of("expectedVersion", v + 2, "spo2", 87));
    assertThat(hypoxia.json().get("alertsRaised").toString()).as(hypoxia.body()).contains("GIVE_OXYGEN");
  }

  @Test
  void researchersSeeOutcomesWithoutNamesOrIdentifiers() {
    UUID episode = runningEpisode();
    String patient = http.get("nurse", "/api/episodes/" + episode).json().path("patientId").asText();
    Http.Response r = http.get("researcher", "/api/research/outcomes");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).doesNotContain(episode.toString()).doesNotContain(patient).doesNotContain("IT-")
        .doesNotContain("Aalto").doesNotContain("DEMO-").doesNotContain("\"ward\"");
    assertThat(r.json().size()).isGreaterThan(0);
  }
}
