package io.autotune.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.autotune.StoreException;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * A pooled connection to the store's database, migrated to the current schema, and the one place
 * where database errors become {@link StoreException}. Thread-safe.
 */
final class Database implements AutoCloseable {
  static final String UNIQUE_VIOLATION = "23505";

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  final Dialect dialect;

  Database(JdbcCheckpointStoreBuilder options) {
    this.dialect = Dialect.of(options.url);
    this.dataSource = open(options);
    try {
      if (options.migrate) {
        migrate();
      }
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException("cannot migrate the schema of " + options.url, e);
    }
    this.jdbi = Jdbi.create(dataSource);
  }

  private static HikariDataSource open(JdbcCheckpointStoreBuilder options) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("autotune-store");
    config.setJdbcUrl(H2Urls.shared(options.url));
    options.user.ifPresent(config::setUsername);
    options.password.ifPresent(config::setPassword);
    config.setMaximumPoolSize(options.maxConnections);
    config.setMinimumIdle(1);
    Dialect dialect = Dialect.of(options.url);
    if (dialect == Dialect.POSTGRESQL && !options.synchronousCommit) {
      config.setConnectionInitSql("SET synchronous_commit = off");
    } else if (dialect == Dialect.H2 && options.synchronousCommit) {
      // H2 writes commits to its file up to 500 ms late by default: a killed worker would lose them
      config.setConnectionInitSql("SET WRITE_DELAY 0");
    }
    // Fail a call soon when the database is away, so that the loop's retries see it.
    config.setConnectionTimeout(options.connectionTimeout.toMillis());
    config.setValidationTimeout(Math.min(options.connectionTimeout.toMillis(), 5_000));
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to " + options.url + ": " + rootMessage(e) + hint(e), e);
    }
  }

  /** What to do about an H2 file that another process holds without serving it. */
  private static String hint(Throwable e) {
    if (!rootMessage(e).contains("The file is locked")) {
      return "";
    }
    return "; another process has it open without AUTO_SERVER=TRUE (which autotune adds to an H2"
        + " file URL unless it sets AUTO_SERVER or FILE_LOCK): stop that process, or let every"
        + " process open the file with AUTO_SERVER=TRUE";
  }

  private void migrate() {
    Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:io/autotune/store/jdbc/migration")
        .table("autotune_schema_history")
        .baselineOnMigrate(true)
        .load()
        .migrate();
  }

  /** Runs {@code work} in one transaction, at the database's default isolation (READ COMMITTED). */
  <T> T inTransaction(String what, HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (JdbiException e) {
      throw new StoreException("cannot " + what + ": " + rootMessage(e), e);
    }
  }

  /** Runs a read without an explicit transaction. */
  <T> T read(String what, HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.withHandle(work);
    } catch (JdbiException e) {
      throw new StoreException("cannot " + what + ": " + rootMessage(e), e);
    }
  }

  /** The SQL state of the first SQLException in the chain, if any. */
  static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getName();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
