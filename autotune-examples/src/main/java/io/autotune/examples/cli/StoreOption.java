package io.autotune.examples.cli;

import io.autotune.spi.CheckpointStore;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import io.autotune.store.jdbc.JdbcCheckpointStoreBuilder;
import java.util.Optional;

/**
 * Opens the store a {@code --store URL} names: {@code memory:}, {@code jdbc:h2:file:PATH} (the
 * default, nothing to install) or {@code jdbc:postgresql://HOST/DB} (shared by many hosts; user and
 * password from {@code AUTOTUNE_DB_USER} and {@code AUTOTUNE_DB_PASSWORD} or the URL).
 */
final class StoreOption {
  static final String DEFAULT = JdbcCheckpointStore.DEFAULT_URL;

  private StoreOption() {}

  static CheckpointStore open(String url) {
    if (url.equals("memory:")) {
      return CheckpointStore.inMemory();
    }
    if (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:")) {
      JdbcCheckpointStoreBuilder store = JdbcCheckpointStore.builder().url(url);
      Optional.ofNullable(System.getenv("AUTOTUNE_DB_USER")).ifPresent(store::user);
      Optional.ofNullable(System.getenv("AUTOTUNE_DB_PASSWORD")).ifPresent(store::password);
      return store.build();
    }
    throw new IllegalArgumentException(
        "--store: unsupported store URL \""
            + url
            + "\"; use memory:, jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB");
  }
}
