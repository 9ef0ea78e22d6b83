package io.autotune.testing;

import io.autotune.model.Lease;
import io.autotune.spi.CheckpointStore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A store seen by a worker that dies: it passes every call through until the checkpoint after
 * experiment {@code survive} is saved, and then fails every call, so nothing more reaches the real
 * store, as when the worker's process is killed.
 */
public final class CrashingStore extends ForwardingStore {
  /** The worker's "death". */
  public static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("the worker died");
    }
  }

  private final int survive;
  private final AtomicBoolean dead = new AtomicBoolean();

  public CrashingStore(CheckpointStore store, int survive) {
    super(store);
    this.survive = survive;
  }

  @Override
  protected void before() {
    if (dead.get()) {
      throw new Crash();
    }
  }

  @Override
  public void saveCheckpoint(Lease lease, String checkpoint) {
    super.saveCheckpoint(lease, checkpoint);
    if (checkpoint.contains("\"finished\":" + survive + ",")) {
      dead.set(true);
    }
  }
}
