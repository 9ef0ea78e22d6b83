package io.autotune.store.jdbc;

import io.autotune.spi.CheckpointStore;
import io.autotune.spi.CheckpointStoreContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

class H2CheckpointStoreTest extends CheckpointStoreContract {
  @TempDir Path dir;

  @Override
  protected CheckpointStore newStore() {
    return JdbcCheckpointStore.builder()
        .url("jdbc:h2:file:" + dir.resolve("autotune"))
        .grace(grace())
        .build();
  }

  @Override
  protected Duration ttl() {
    return Duration.ofSeconds(2);
  }

  @Override
  protected Duration grace() {
    return Duration.ofSeconds(1);
  }

  @Override
  protected void advance(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
