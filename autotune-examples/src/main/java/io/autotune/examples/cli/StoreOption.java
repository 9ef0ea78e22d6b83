package io.autotune.examples.cli;

import io.autotune.spi.CheckpointStore;

/** Opens the store a {@code --store URL} names. */
final class StoreOption {
  static final String DEFAULT = "memory:";

  private StoreOption() {}

  static CheckpointStore open(String url) {
    if (url.equals("memory:")) {
      return CheckpointStore.inMemory();
    }
    throw new IllegalArgumentException(
        "--store: unsupported store URL \"" + url + "\"; use memory:");
  }
}
