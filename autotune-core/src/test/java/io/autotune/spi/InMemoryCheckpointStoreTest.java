package io.autotune.spi;

import io.autotune.testing.MutableClock;
import java.time.Duration;

class InMemoryCheckpointStoreTest extends CheckpointStoreContract {
  private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");

  @Override
  protected CheckpointStore newStore() {
    return CheckpointStore.inMemory(clock, grace());
  }

  @Override
  protected Duration grace() {
    return Duration.ofSeconds(5);
  }

  @Override
  protected void advance(Duration duration) {
    clock.advance(duration);
  }
}
