package io.autotune.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link JdbcCheckpointStore}. Setters validate at once; {@link #build()} opens the
 * store. Not thread-safe.
 */
public final class JdbcCheckpointStoreBuilder {
  String url = JdbcCheckpointStore.DEFAULT_URL;
  Optional<String> user = Optional.empty();
  Optional<String> password = Optional.empty();
  Duration grace = Duration.ofSeconds(15);
  Optional<Clock> clock = Optional.empty();
  int maxConnections = 10;
  Duration connectionTimeout = Duration.ofSeconds(5);
  boolean migrate = true;
  boolean synchronousCommit = true;

  JdbcCheckpointStoreBuilder() {}

  /**
   * The JDBC URL: {@code jdbc:h2:...} or {@code jdbc:postgresql://...}. An H2 file URL that sets
   * neither AUTO_SERVER nor FILE_LOCK is opened with {@code ;AUTO_SERVER=TRUE}, so that other
   * processes of this host (the command line's {@code status}, a dashboard) can open it at the same
   * time; add {@code ;AUTO_SERVER=FALSE} to keep the file to one process. Default {@value
   * JdbcCheckpointStore#DEFAULT_URL}.
   */
  public JdbcCheckpointStoreBuilder url(String url) {
    Dialect.of(Objects.requireNonNull(url, "url"));
    this.url = url;
    return this;
  }

  /** The database user. Default: none (the URL's, or the driver's default). */
  public JdbcCheckpointStoreBuilder user(String user) {
    this.user = Optional.of(Objects.requireNonNull(user, "user"));
    return this;
  }

  /** The database password. Default: none (the URL's, if any). */
  public JdbcCheckpointStoreBuilder password(String password) {
    this.password = Optional.of(Objects.requireNonNull(password, "password"));
    return this;
  }

  /**
   * How long after a lease expires it may be granted again (lock-delay): the time a worker that
   * lost its lease has to notice and kill its experiment's processes, so keep it longer than the
   * tuner's kill grace (SIGTERM to SIGKILL, 10 s by default). Default 15 s.
   */
  public JdbcCheckpointStoreBuilder grace(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, but was " + grace);
    }
    this.grace = grace;
    return this;
  }

  /**
   * Decides lease expiry by {@code clock} instead of the database's clock. For tests only: with
   * workers on several hosts, only the database's clock is one clock. Default: the database's.
   */
  public JdbcCheckpointStoreBuilder clock(Clock clock) {
    this.clock = Optional.of(Objects.requireNonNull(clock, "clock"));
    return this;
  }

  /** The most connections the store's pool opens. Default 10. */
  public JdbcCheckpointStoreBuilder maxConnections(int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be greater than 0, but was " + maxConnections);
    }
    this.maxConnections = maxConnections;
    return this;
  }

  /**
   * How long a call waits for a connection before it fails with a StoreException (the database may
   * be down). Default 5 s.
   */
  public JdbcCheckpointStoreBuilder connectionTimeout(Duration connectionTimeout) {
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException(
          "connectionTimeout must be at least 250 ms, but was " + connectionTimeout);
    }
    this.connectionTimeout = connectionTimeout;
    return this;
  }

  /**
   * PostgreSQL only: whether a commit waits for its WAL record to reach the disk. Off, a commit
   * returns before that flush, which saves a disk sync per write (most of the bookkeeping's latency
   * on slow disks); a crash of the database server (not of a worker) then loses the last fraction
   * of a second of writes, and workers that acted on them see their records gone. Default true.
   */
  public JdbcCheckpointStoreBuilder synchronousCommit(boolean synchronousCommit) {
    this.synchronousCommit = synchronousCommit;
    return this;
  }

  /** Whether opening the store creates or upgrades the schema. Default true. */
  public JdbcCheckpointStoreBuilder migrate(boolean migrate) {
    this.migrate = migrate;
    return this;
  }

  /**
   * Opens the store.
   *
   * @throws io.autotune.StoreException if the database cannot be reached or migrated
   */
  public JdbcCheckpointStore build() {
    return new JdbcCheckpointStore(this);
  }
}
