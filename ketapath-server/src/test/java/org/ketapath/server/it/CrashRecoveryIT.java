package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the packaged server jar as a child process on a free loopback port with its own data
 * directory, kills it with SIGKILL in the middle of a write load, restarts it and checks that every
 * write the client saw acknowledged is there, that an in-flight write retried with its key is
 * recorded exactly once, and that the hash chain verifies (endpoint and {@code verify} command).
 */
class CrashRecoveryIT {
  private static final int MAX_REQUESTS_PER_WRITER = 400;

  record Write(UUID episode, int expectedVersion, String key, int nrs) {}

  @Test
  void everyAcknowledgedWriteSurvivesKill9AndTheChainVerifies() throws Exception {
    Path jar = Path.of(System.getProperty("ketapath.server.jar", "target/ketapath-server.jar"));
    assertThat(jar).exists();
    Path dir = Files.createTempDirectory("ketapath-crash-");
    Process second = null;
    try {
      int port = freePort();
      Process first = start(jar, dir, port, "first.log");
      Http http = new Http("http://127.0.0.1:" + port);
      waitHealthy(http, first);

      List<UUID> running = new ArrayList<>();
      for (JsonNode e : http.get("nurse", "/api/episodes?ward=4B").json()) {
        if (running.size() < 4) {
          running.add(UUID.fromString(e.get("episodeId").asText()));
        }
      }
      assertThat(running).isNotEmpty();

      Queue<Write> acknowledged = new ConcurrentLinkedQueue<>();
      Queue<Write> inFlight = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (UUID episode : running) {
        int startVersion = http.get("nurse", "/api/episodes/" + episode).json().path("version").asInt();
        Thread t = new Thread(() -> {
          int v = startVersion;
          for (int i = 0; i < MAX_REQUESTS_PER_WRITER && !stop.get(); i++) {
            Write w = new Write(episode, v, "crash-" + UUID.randomUUID(), i % 11);
            inFlight.add(w);
            try {
              Http.Response r = http.post("nurse", "/api/episodes/" + episode + "/assessments",
                  Map.of("expectedVersion", w.expectedVersion(), "nrs", w.nrs()), w.key());
              if (r.status() != 201) {
                return;
              }
              inFlight.remove(w);
              acknowledged.add(w);
              v++;
            } catch (RuntimeException e) {
              return;
            }
          }
        });
        t.start();
        writers.add(t);
      }
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (acknowledged.size() < 150 && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      first.destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is left behind
      first.waitFor(30, TimeUnit.SECONDS);
      stop.set(true);
      for (Thread t : writers) {
        t.join(30_000);
      }
      assertThat(acknowledged.size()).isGreaterThanOrEqualTo(20);

      int port2 = freePort();
      second = start(jar, dir, port2, "second.log");
      Http http2 = new Http("http://127.0.0.1:" + port2);
      waitHealthy(http2, second);

      for (UUID episode : running) {
        List<JsonNode> events = new ArrayList<>();
        http2.get("nurse", "/api/episodes/" + episode + "/events").json().forEach(events::add);
        for (Write w : acknowledged) {
          if (w.episode().equals(episode)) {
            JsonNode e = events.get(w.expectedVersion());
            assertThat(e.get("seq").asInt()).isEqualTo(w.expectedVersion() + 1);
            assertThat(e.get("idempotencyKey").asText()).as("acknowledged write %s", w).isEqualTo(w.key());
          }
        }
      }
      for (Write w : inFlight) {
        Http.Response retry = http2.post("nurse", "/api/episodes/" + w.episode() + "/assessments",
            Map.of("expectedVersion", w.expectedVersion(), "nrs", w.nrs()), w.key());
        assertThat(retry.status()).as("retry of in-flight %s: %s", w, retry.body()).isEqualTo(201);
        long copies = 0;
        for (JsonNode e : http2.get("nurse", "/api/episodes/" + w.episode() + "/events").json()) {
          if (e.get("idempotencyKey").asText().equals(w.key())) {
            copies++;
          }
        }
        assertThat(copies).isEqualTo(1);
      }
      JsonNode report = http2.get("admin", "/api/verify").json();
      assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();

      second.destroy();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      Process verify = new ProcessBuilder(java(), "-Xmx256m", "-jar", jar.toString(), "verify", "--data-dir",
          dir.resolve("pg").toString()).redirectErrorStream(true).start();
      String out = new String(verify.getInputStream().readAllBytes());
      assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(verify.exitValue()).as(out).isZero();
      assertThat(out).contains("INTACT");
    } finally {
      if (second != null && second.isAlive()) {
        second.destroy();
        second.waitFor(60, TimeUnit.SECONDS);
      }
      // Keep the two server logs for diagnosis; remove the data directory.
      Path logs = Path.of("target", "crash-recovery-logs");
      Files.createDirectories(logs);
      for (String log : List.of("first.log", "second.log")) {
        if (Files.exists(dir.resolve(log))) {
          Files.copy(dir.resolve(log), logs.resolve(log), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      FileSystemUtils.deleteRecursively(dir);
    }
  }

  static Process start(Path jar, Path dir, int port, String log) throws IOException {
    return new ProcessBuilder(java(), "-Xmx512m", "-jar", jar.toString(), "serve", "--demo", "--port", Integer.toString(port),
        "--data-dir", dir.resolve("pg").toString(), "--server.address=127.0.0.1")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile())
        .start();
  }

  static void waitHealthy(Http http, Process p) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      assertThat(p.isAlive()).as("server process exited early").isTrue();
      try {
        if (http.get(null, "/actuator/health").status() == 200) {
          return;
        }
      } catch (RuntimeException e) {
        // not up yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("server did not become healthy");
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
