package org.ketapath.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for the KetaPath server over loopback (JDK only; run with
 * {@code java LoadClient.java http://127.0.0.1:PORT [threads] [seconds]} against a server started
 * with --demo). Measures, in one run: a no-op endpoint (GET /api/ping), reading an episode's
 * current recommendation (the core engine over its events), and recording an assessment (a durable,
 * hash-chained append validated by the core and checked by the engine). Bounded in
 * time and request count; not part of the test run.
 */
public final class LoadClient {
  private static final long MAX_REQUESTS_PER_PHASE = 500_000;
  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  private static final Pattern EPISODE = Pattern.compile("\"episodeId\":\"([0-9a-f-]{36})\"");

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  private LoadClient(String base) {
    if (!base.startsWith("http://127.0.0.1:") && !base.startsWith("http://localhost:")) {
      throw new IllegalArgumentException("loopback only");
    }
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    new LoadClient(base).run(threads, seconds);
  }

  private void run(int threads, int seconds) throws Exception {
    List<String> episodes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      episodes.add(runningEpisode());
    }
    AtomicLong[] versions = new AtomicLong[threads];
    for (int i = 0; i < threads; i++) {
      versions[i] = new AtomicLong(version(get("nurse", "/api/episodes/" + episodes.get(i))));
    }
    System.out.printf("threads %d, %d s per phase (after a %d s warm-up), %d episodes%n", threads, seconds, 5, threads);
    // warm-up of every path
    phase("warm-up ping", threads, 5, i -> get("nurse", "/api/ping"));
    phase("warm-up read", threads, 5, i -> get("nurse", "/api/episodes/" + episodes.get(i) + "/recommendation"));
    phase("warm-up write", threads, 5, i -> assess(episodes.get(i), versions[i]));
    System.out.println("| operation | requests | throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) | errors |");
    System.out.println("|---|---|---|---|---|---|---|");
    Result noop = phase("no-op GET /api/ping", threads, seconds, i -> get("nurse", "/api/ping"));
    Result read = phase("read GET /api/episodes/{id}/recommendation (engine decision)", threads, seconds,
        i -> get("nurse", "/api/episodes/" + episodes.get(i) + "/recommendation"));
    Result write = phase("write POST /api/episodes/{id}/assessments (durable append)", threads, seconds,
        i -> assess(episodes.get(i), versions[i]));
    for (Result r : List.of(noop, read, write)) {
      System.out.println(r.row());
    }
    System.out.printf("read/no-op throughput ratio %.2f; write/no-op throughput ratio %.2f%n",
        read.throughput() / noop.throughput(), write.throughput() / noop.throughput());
    String chain = get("admin", "/api/verify").body();
    System.out.println("chain after the run: " + chain.substring(0, Math.min(200, chain.length())));
  }

  interface Op {
    HttpResponse<String> call(int worker) throws Exception;
  }

  record Result(String name, long count, long errors, double seconds, long[] latenciesMicros) {
    double throughput() {
      return count / seconds;
    }

    double pct(double p) {
      if (latenciesMicros.length == 0) {
        return Double.NaN;
      }
      int idx = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p * latenciesMicros.length) - 1);
      return latenciesMicros[Math.max(0, idx)] / 1000.0;
    }

    String row() {
      return String.format("| %s | %d | %.0f | %.2f | %.2f | %.2f | %d |", name, count, throughput(), pct(0.50), pct(0.99),
          pct(1.0), errors);
    }
  }

  private Result phase(String name, int threads, int seconds, Op op) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong budget = new AtomicLong(MAX_REQUESTS_PER_PHASE);
    AtomicLong errors = new AtomicLong();
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int worker = t;
      futures.add(pool.submit(() -> {
        long[] lat = new long[1 << 16];
        int n = 0;
        while (System.nanoTime() < end && budget.decrementAndGet() >= 0) {
          long t0 = System.nanoTime();
          HttpResponse<String> r = op.call(worker);
          long us = (System.nanoTime() - t0) / 1000;
          if (r.statusCode() >= 300) {
            errors.incrementAndGet();
            continue;
          }
          if (n == lat.length) {
            lat = Arrays.copyOf(lat, n * 2);
          }
          lat[n++] = us;
        }
        return Arrays.copyOf(lat, n);
      }));
    }
    List<long[]> parts = new ArrayList<>();
    for (Future<long[]> f : futures) {
      parts.add(f.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(name, all.length, errors.get(), elapsed, all);
  }

  private HttpResponse<String> assess(String episode, AtomicLong version) throws Exception {
    long v = version.get();
    HttpResponse<String> r = post("nurse", "/api/episodes/" + episode + "/assessments",
        "{\"expectedVersion\":" + v + ",\"nrs\":" + (v % 11) + "}");
    if (r.statusCode() == 201) {
      version.set(v + 1);
    } else if (r.statusCode() == 409) {
      version.set(version(get("nurse", "/api/episodes/" + episode)));
    }
    return r;
  }

  private String runningEpisode() throws Exception {
    String patient = match(ID, post("nurse", "/api/patients", "{\"mrn\":\"LOAD-" + UUID.randomUUID().toString().substring(0, 13)
        + "\",\"familyName\":\"Load\",\"givenName\":\"Test\",\"ward\":\"LOAD\"}").body());
    expect(post("nurse", "/api/patients/" + patient + "/weights", "{\"kg\":70,\"measuredAt\":\"" + ago(600) + "\"}"));
    String ep = match(EPISODE, post("physician", "/api/episodes",
        "{\"patientId\":\"" + patient + "\",\"protocolId\":\"PAIN-CRISIS\",\"protocolVersion\":\"1.0.0\"}").body());
    String e = "/api/episodes/" + ep;
    expect(post("physician", e + "/screening", "{\"expectedVersion\":0,\"at\":\"" + ago(240) + "\",\"flags\":{"
        + "\"hospitalized\":true,\"terminalCancer\":true,\"opioidEscalationFailed\":true,\"adjunctsConsidered\":true,"
        + "\"proceduresConsidered\":true,\"pregnancy\":false,\"activePsychosis\":false}}"));
    expect(post("physician", e + "/orders", "{\"expectedVersion\":1,\"at\":\"" + ago(235) + "\",\"concentration\":\"1 mg/mL\"}"));
    expect(post("physician", e + "/signature", "{\"expectedVersion\":2,\"at\":\"" + ago(230) + "\"}"));
    expect(post("pharmacist", e + "/verification", "{\"expectedVersion\":3,\"at\":\"" + ago(220) + "\","
        + "\"concentration\":\"1 mg/mL\",\"weightKg\":70,\"dose\":\"0.1 mg/kg/h\"}"));
    expect(post("nurse", e + "/start", "{\"expectedVersion\":4,\"at\":\"" + ago(210) + "\",\"rate\":\"0.1 mg/kg/h\"}"));
    return ep;
  }

  private static String ago(int minutes) {
    return java.time.Instant.now().minusSeconds(60L * minutes).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  private static void expect(HttpResponse<String> r) {
    if (r.statusCode() != 201) {
      throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
  }

  private static long version(HttpResponse<String> r) {
    return Long.parseLong(match(VERSION, r.body()));
  }

  private static String match(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("unexpected response: " + text);
    }
    return m.group(1);
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return client.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String user, String path, String json) throws Exception {
    return client.send(request(user, path).header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String user, String path) {
    String auth = Base64.getEncoder().encodeToString((user + ":" + user + "-demo-pass").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + auth);
  }
}
