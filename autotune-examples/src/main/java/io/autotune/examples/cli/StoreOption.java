package io.autotune.examples.cli;

import io.autotune.spi.CheckpointStore;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import io.autotune.store.jdbc.JdbcCheckpointStoreBuilder;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Opens the store a {@code --store URL} names: {@code memory:}, {@code jdbc:h2:file:PATH} (the
 * default, nothing to install) or {@code jdbc:postgresql://HOST/DB} (shared by many hosts; user and
 * password from {@code AUTOTUNE_DB_USER} and {@code AUTOTUNE_DB_PASSWORD} or the URL). The commands
 * take it as a picocli mixin: {@link Required} where the store is shared, {@link OrDefault} where a
 * local H2 file will do.
 */
final class StoreOption {
  static final String DEFAULT = JdbcCheckpointStore.DEFAULT_URL;

  private StoreOption() {}

  /** {@code --store URL}, which the command cannot do without. */
  static final class Required {
    @Option(names = "--store", paramLabel = "URL", required = true, description = "the store")
    String url;

    CheckpointStore open() {
      return StoreOption.open(url);
    }
  }

  /** {@code --store URL}, by default the local H2 file. */
  static final class OrDefault {
    @Option(
        names = "--store",
        paramLabel = "URL",
        description = "the store (default: ${DEFAULT-VALUE})")
    String url = DEFAULT;

    CheckpointStore open() {
      return StoreOption.open(url);
    }
  }

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
