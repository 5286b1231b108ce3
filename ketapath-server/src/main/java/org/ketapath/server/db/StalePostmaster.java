package org.ketapath.server.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * If the JVM that owned the embedded PostgreSQL was killed (kill -9, power loss of the process),
 * its postmaster may still be running on the data directory. A new start stops it the way a crash
 * would (immediate shutdown, SIGQUIT), so PostgreSQL replays its write-ahead log on the next start:
 * committed transactions are recovered, uncommitted ones are discarded.
 */
final class StalePostmaster {
  private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);

  private StalePostmaster() {}

  static void stopIfRunning(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    if (process.isEmpty()) {
      return;
    }
    ProcessHandle postmaster = process.get();
    LOG.warn("A PostgreSQL server (pid {}) left by a previous run still holds {}; stopping it (immediate shutdown)",
        postmaster.pid(), dataDir);
    try {
      new ProcessBuilder(List.of("kill", "-QUIT", Long.toString(postmaster.pid()))).inheritIO().start().waitFor();
      postmaster.onExit().get(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping the stale PostgreSQL server", e);
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the PostgreSQL server (pid " + postmaster.pid()
          + ") that still holds " + dataDir + "; stop it and start again", e);
    }
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
