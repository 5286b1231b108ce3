package org.ketapath.server.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data. Ignored when {@code spring.datasource.url} names
 * an external PostgreSQL.
 *
 * @param dataDir data directory, kept across restarts (default {@code ./data/pg})
 * @param ephemeral use a fresh temporary directory that is deleted on shutdown (tests only)
 * @param port fixed port for the embedded server; 0 picks a free loopback port
 * @param database database created inside the embedded server on first start
 * @param poolSize JDBC connection pool size
 */
@ConfigurationProperties("ketapath.db")
public record DatabaseProperties(String dataDir, boolean ephemeral, int port, String database, int poolSize) {
  public DatabaseProperties {
    if (dataDir == null || dataDir.isBlank()) {
      dataDir = "data/pg";
    }
    if (database == null || database.isBlank()) {
      database = "ketapath";
    }
    if (poolSize <= 0) {
      poolSize = 10;
    }
  }
}
