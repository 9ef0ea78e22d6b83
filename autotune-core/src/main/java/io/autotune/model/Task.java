package io.autotune.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A task as the store holds it: its spec, status and current lease. Immutable.
 *
 * @param owner the worker holding the lease, if any
 * @param epoch the lease epoch, incremented at every grant: the fencing token
 * @param leaseExpiresAt when the current lease expires, by the store's clock
 */
public record Task(
    String id,
    TaskSpec spec,
    TaskStatus status,
    Instant createdAt,
    Instant updatedAt,
    Optional<String> owner,
    long epoch,
    Optional<Instant> leaseExpiresAt,
    boolean cancelRequested) {

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
  }

  public String name() {
    return spec.name();
  }

  /**
   * Whether the task is not final and its owner's lease had expired at {@code storeNow} (the
   * store's clock, {@link io.autotune.spi.CheckpointStore#now()}): the owner died or stopped
   * acting, and none of its writes is accepted any more.
   */
  public boolean ownerDead(Instant storeNow) {
    return !status.isFinal()
        && owner.isPresent()
        && leaseExpiresAt.filter(expiry -> !storeNow.isBefore(expiry)).isPresent();
  }

  /**
   * Whether nobody may write for the task now: it is not final and its lease expired or is free.
   */
  public boolean hasNoLiveOwner(Instant storeNow) {
    return !status.isFinal() && (owner.isEmpty() || ownerDead(storeNow));
  }
}
