package io.autotune.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL server the tests use, as {@code .ci/postgres.sh} prints it (environment {@code
 * AUTOTUNE_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD}); its defaults are the script's. Tests
 * are skipped when no server answers. Each test gets a database of its own.
 */
public final class PostgresServer {
  public static final String URL =
      env("AUTOTUNE_TEST_PG_URL").orElse("jdbc:postgresql://127.0.0.1:55432/postgres");
  public static final String USER = env("AUTOTUNE_TEST_PG_USER").orElse("postgres");
  public static final String PASSWORD = env("AUTOTUNE_TEST_PG_PASSWORD").orElse("autotune");

  private PostgresServer() {}

  /** Skips the calling test unless the server answers. */
  public static void assumeReachable() {
    Optional<String> problem = problem();
    assumeTrue(
        problem.isEmpty(),
        () ->
            "no PostgreSQL at "
                + URL
                + " ("
                + problem.orElse("")
                + "); start one with: eval \"$(.ci/postgres.sh)\"");
  }

  /** Creates an empty database and returns its URL. */
  public static String freshDatabase() throws SQLException {
    assumeReachable();
    String name = "autotune_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    admin("CREATE DATABASE " + name.toLowerCase(Locale.ROOT));
    return URL.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
  }

  /** Drops a database made by {@link #freshDatabase()}, closing its remaining connections. */
  public static void drop(String url) throws SQLException {
    String name = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  public static JdbcCheckpointStoreBuilder store(String url) {
    return JdbcCheckpointStore.builder().url(url).user(USER).password(PASSWORD);
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Optional<String> problem() {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }
}
