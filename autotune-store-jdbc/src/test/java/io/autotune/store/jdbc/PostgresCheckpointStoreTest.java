package io.autotune.store.jdbc;

import io.autotune.spi.CheckpointStore;
import io.autotune.spi.CheckpointStoreContract;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

class PostgresCheckpointStoreTest extends CheckpointStoreContract {
  private String url;

  @Override
  protected CheckpointStore newStore() throws SQLException {
    url = PostgresServer.freshDatabase();
    return PostgresServer.store(url).grace(grace()).build();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (url != null) {
      PostgresServer.drop(url);
    }
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
