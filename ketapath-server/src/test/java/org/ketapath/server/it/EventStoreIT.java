package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Versions, idempotency, durability settings and tamper detection against the real PostgreSQL. */
class EventStoreIT extends ServerIT {

  @Test
  void ofTwoConcurrentTitrationsExactlyOneWinsAndTheOtherGets409WithTheCurrentState() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 8; round++) {
        UUID episode = runningEpisode();
        int v = version(episode);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        for (String[] who : new String[][] {{"nurse", "9 mg/h"}, {"physician", "8 mg/h"}}) {
          results.add(pool.submit(() -> {
            go.await();
            return http.post(who[0], "/api/episodes/" + episode + "/rate-changes",
                Map.of("expectedVersion", v, "rate", who[1], "reason", "pain above goal"));
          }));
        }
        go.countDown();
        Http.Response a = results.get(0).get();
        Http.Response b = results.get(1).get();
        assertThat(List.of(a.status(), b.status())).as(a.body() + "\n" + b.body()).containsExactlyInAnyOrder(201, 409);
        Http.Response lost = a.status() == 409 ? a : b;
        Http.Response won = a.status() == 201 ? a : b;
        assertThat(lost.isProblem()).isTrue();
        assertThat(lost.json().get("code").asText()).isEqualTo("STALE-VERSION");
        assertThat(lost.json().get("currentVersion").asInt()).isEqualTo(v + 1);
        assertThat(lost.json().path("state").path("version").asInt()).isEqualTo(won.json().path("version").asInt());
        assertThat(lost.json().path("state").path("headHash").asText()).isEqualTo(won.json().path("hash").asText());
        assertThat(version(episode)).isEqualTo(v + 1);
        assertThat(events(episode).stream().filter(e -> e.get("type").asText().equals("rateChange"))).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRetriedRequestRecordsNothingTwiceAndReturnsTheFirstResult() {
    UUID episode = runningEpisode();
    int v = version(episode);
    String key = "retry-" + UUID.randomUUID();
    Map<String, Object> body = Map.of("expectedVersion", v, "nrs", 6);
    Http.Response first = http.post("nurse", "/api/episodes/" + episode + "/assessments", body, key);
    Http.Response retry = http.post("nurse", "/api/episodes/" + episode + "/assessments", body, key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    assertThat(version(episode)).isEqualTo(v + 1);
    assertThat(jdbc.sql("select count(*) from episode_event where episode_id = ? and idempotency_key = ?")
        .params(episode, key).query(Long.class).single()).isEqualTo(1L);
  }

  @Test
  void concurrentDuplicatesOfOneRequestRecordOnce() throws Exception {
    UUID episode = runningEpisode();
    int v = version(episode);
    String key = "dup-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Http.Response>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return http.post("nurse", "/api/episodes/" + episode + "/assessments", Map.of("expectedVersion", v, "nrs", 5), key);
        }));
      }
      go.countDown();
      String firstBody = null;
      for (Future<Http.Response> f : results) {
        Http.Response r = f.get();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        if (firstBody == null) {
          firstBody = r.body();
        }
        assertThat(r.body()).isEqualTo(firstBody);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(version(episode)).isEqualTo(v + 1);
  }

  @Test
  void reusingAKeyForADifferentRequestIsRefused() {
    UUID episode = runningEpisode();
    int v = version(episode);
    String key = "reuse-" + UUID.randomUUID();
    assertThat(http.post("nurse", "/api/episodes/" + episode + "/assessments", Map.of("expectedVersion", v, "nrs", 5), key).status())
        .isEqualTo(201);
    Http.Response other = http.post("nurse", "/api/episodes/" + episode + "/assessments", Map.of("expectedVersion", v + 1, "nrs", 2), key);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY-KEY-REUSED");
    assertThat(version(episode)).isEqualTo(v + 1);
  }

  @Test
  void theEmbeddedServerAcknowledgesOnlyDurableCommits() {
    assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
    assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
    assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
  }

  @Test
  void eventsCannotBeUpdatedOrDeletedThroughTheApplicationsConnection() {
    UUID episode = runningEpisode();
    assertThatThrownBy(() -> jdbc.sql("update episode_event set payload = '{}' where episode_id = ?").param(episode).update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from episode_event where episode_id = ?").param(episode).update())
        .hasMessageContaining("append-only");
  }

  @Test
  void anEditedRowIsDetectedAndNamed() {
    UUID episode = runningEpisode();
    tamper("update episode_event set payload = jsonb_set(payload, '{rate}', '\"70 mg/h\"') where episode_id = '" + episode
        + "' and seq = 5");
    JsonNode finding = firstFinding(episode);
    assertThat(finding.get("seq").asInt()).isEqualTo(5);
    assertThat(finding.get("kind").asText()).isEqualTo("EDITED");
  }

  @Test
  void aDeletedRowIsDetectedAndNamed() {
    UUID episode = runningEpisode();
    tamper("delete from episode_event where episode_id = '" + episode + "' and seq = 3");
    JsonNode finding = firstFinding(episode);
    assertThat(finding.get("seq").asInt()).isEqualTo(3);
    assertThat(finding.get("kind").asText()).isEqualTo("DELETED");
  }

  @Test
  void reorderedRowsAreDetectedAndNamed() {
    UUID episode = runningEpisode();
    String id = "'" + episode + "'";
    tamper("update episode_event set seq = 100 where episode_id = " + id + " and seq = 2; "
        + "update episode_event set seq = 2 where episode_id = " + id + " and seq = 3; "
        + "update episode_event set seq = 3 where episode_id = " + id + " and seq = 100");
    JsonNode finding = firstFinding(episode);
    assertThat(finding.get("seq").asInt()).isEqualTo(2);
    assertThat(finding.get("kind").asText()).isEqualTo("REORDERED");
  }

  @Test
  void anUntouchedEpisodeVerifies() {
    UUID episode = runningEpisode();
    Http.Response r = http.get("nurse", "/api/episodes/" + episode + "/verify");
    assertThat(r.json().get("findings")).isEmpty();
  }

  /** What a database superuser could do: bypass the append-only trigger. */
  private void tamper(String sql) {
    jdbc.sql("set session_replication_role = replica; " + sql + "; set session_replication_role = origin").update();
  }

  private JsonNode firstFinding(UUID episode) {
    Http.Response r = http.get("nurse", "/api/episodes/" + episode + "/verify");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("findings")).as(r.body()).isNotEmpty();
    Http.Response all = http.get("admin", "/api/verify");
    assertThat(all.json().get("intact").asBoolean()).isFalse();
    return r.json().get("findings").get(0);
  }
}
