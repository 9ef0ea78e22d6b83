package io.autotune.examples.cli;

import io.autotune.spi.CheckpointStore;
import io.autotune.store.jdbc.JdbcCheckpointStore;

/** Opens the store a {@code --store URL} names. */
final class StoreOption {
  static final String DEFAULT = "memory:";

  private StoreOption() {}

  static CheckpointStore open(String url) {
    if (url.equals("memory:")) {
      return CheckpointStore.inMemory();
    }
    if (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:")) {
      // PostgreSQL credentials go in the URL: ?user=...&password=...
      return JdbcCheckpointStore.open(url);
    }
    throw new IllegalArgumentException(
        "--store: unsupported store URL \""
            + url
            + "\"; use memory:, jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB");
  }
}
