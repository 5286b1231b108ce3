package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged server on a fresh data directory without --demo: it creates "admin" and prints a
 * one-time password once; that account can do nothing but set a new password; a restart prints
 * no password again.
 */
class FirstStartIT {
  private static final Pattern ONE_TIME = Pattern.compile("one-time password:\\s+(\\S+)");

  @Test
  void firstStartCreatesAnAdminWithAOneTimePasswordShownOnce() throws Exception {
    Path jar = Path.of(System.getProperty("ketapath.server.jar", "target/ketapath-server.jar"));
    Path dir = Files.createTempDirectory("ketapath-first-");
    Process server = null;
    try {
      int port = CrashRecoveryIT.freePort();
      server = new ProcessBuilder(CrashRecoveryIT.java(), "-Xmx384m", "-jar", jar.toString(), "--port", Integer.toString(port),
          "--data-dir", dir.resolve("pg").toString())
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
      Http http = new Http("http://127.0.0.1:" + port);
      CrashRecoveryIT.waitHealthy(http, server);
      String log = Files.readString(dir.resolve("first.log"));
      Matcher m = ONE_TIME.matcher(log);
      assertThat(m.find()).as(log).isTrue();
      String password = m.group(1);
      String base = "http://127.0.0.1:" + port;

      HttpResponse<String> gated = call(base, "GET", "/api/admin/users", password, null);
      assertThat(gated.statusCode()).isEqualTo(403);
      assertThat(gated.body()).contains("PASSWORD-CHANGE-REQUIRED");
      assertThat(call(base, "GET", "/api/admin/users", "wrong-password", null).statusCode()).isEqualTo(401);
      HttpResponse<String> changed = call(base, "POST", "/api/me/password", password,
          "{\"newPassword\":\"a-long-new-admin-secret\"}");
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
      assertThat(call(base, "GET", "/api/admin/users", password, null).statusCode()).isEqualTo(401);
      HttpResponse<String> users = call(base, "GET", "/api/admin/users", "a-long-new-admin-secret", null);
      assertThat(users.statusCode()).isEqualTo(200);
      assertThat(users.body()).contains("\"username\":\"admin\"").contains("\"mustChangePassword\":false");

      server.destroy();
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
      int port2 = CrashRecoveryIT.freePort();
      server = new ProcessBuilder(CrashRecoveryIT.java(), "-Xmx384m", "-jar", jar.toString(), "--port", Integer.toString(port2),
          "--data-dir", dir.resolve("pg").toString())
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("second.log").toFile()).start();
      CrashRecoveryIT.waitHealthy(new Http("http://127.0.0.1:" + port2), server);
      assertThat(Files.readString(dir.resolve("second.log"))).doesNotContain("one-time password");
      assertThat(call("http://127.0.0.1:" + port2, "GET", "/api/admin/users", "a-long-new-admin-secret", null).statusCode())
          .isEqualTo(200);
    } finally {
      if (server != null && server.isAlive()) {
        server.destroy();
        server.waitFor(60, TimeUnit.SECONDS);
      }
      FileSystemUtils.deleteRecursively(dir);
    }
  }

  private static HttpResponse<String> call(String base, String method, String path, String password, String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
