package io.autotune.store.jdbc;

import java.util.Locale;

/** What differs between the databases the store supports. */
enum Dialect {
  /** Embedded, one process: claims try tasks in order, the database serialises them anyway. */
  H2("CURRENT_TIMESTAMP", false),
  /**
   * Shared by many hosts: claims skip rows other workers hold locked, and the clock is read at each
   * statement ({@code clock_timestamp()}) rather than at the transaction's start ({@code now()}).
   */
  POSTGRESQL("clock_timestamp()", true);

  private final String now;
  private final boolean skipLocked;

  Dialect(String now, boolean skipLocked) {
    this.now = now;
    this.skipLocked = skipLocked;
  }

  static Dialect of(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "url must start with jdbc:h2: or jdbc:postgresql:, but was " + url);
  }

  /** The SQL expression for the database's current time. */
  String now() {
    return now;
  }

  boolean supportsSkipLocked() {
    return skipLocked;
  }
}
