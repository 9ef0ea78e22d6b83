package io.autotune.worker;

import io.autotune.Tuner;
import java.time.Duration;
import java.util.Objects;

/** Configures a {@link Worker}. Setters validate at once. Not thread-safe. */
public final class WorkerBuilder {
  private Tuner tuner;
  private Claims claims = Claims.EXPERIMENTS;
  private int slots;
  private Duration leaseTtl = Duration.ofSeconds(30);
  private Duration pollInterval = Duration.ofSeconds(1);
  private Duration heartbeatInterval = Duration.ofSeconds(10);
  private Duration killGrace = Duration.ofSeconds(10);

  WorkerBuilder() {}

  /** The tuner that runs claimed tasks; its store is the one claimed from. Required. */
  public WorkerBuilder tuner(Tuner tuner) {
    this.tuner = Objects.requireNonNull(tuner, "tuner");
    return this;
  }

  /** What the worker claims: single experiments of any task (default) or whole tasks. */
  public WorkerBuilder claims(Claims claims) {
    this.claims = Objects.requireNonNull(claims, "claims");
    return this;
  }

  /**
   * How many experiments (or, claiming tasks, tasks) run at once. Default: claiming experiments,
   * one per GPU the tuner can place on (1 on a host without GPUs), and an experiment is proposed
   * only while a GPU is free; claiming tasks, 1.
   */
  public WorkerBuilder slots(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be greater than 0, but was " + slots);
    }
    this.slots = slots;
    return this;
  }

  /** The TTL of a claimed lease; give the tuner's {@code leaseTtl}. Default 30 s (the tuner's). */
  public WorkerBuilder leaseTtl(Duration leaseTtl) {
    this.leaseTtl = positive("leaseTtl", leaseTtl);
    return this;
  }

  /** How long to wait before claiming again when no task was runnable. Default 1 s. */
  public WorkerBuilder pollInterval(Duration pollInterval) {
    this.pollInterval = positive("pollInterval", pollInterval);
    return this;
  }

  /**
   * How often the worker's row is refreshed in the store, and how often it has the store mark the
   * experiments of dead owners ABANDONED. Default 10 s.
   */
  public WorkerBuilder heartbeatInterval(Duration heartbeatInterval) {
    this.heartbeatInterval = positive("heartbeatInterval", heartbeatInterval);
    return this;
  }

  /** How long an orphan gets between SIGTERM and SIGKILL. Default 10 s. */
  public WorkerBuilder killGrace(Duration killGrace) {
    if (killGrace.isNegative()) {
      throw new IllegalArgumentException("killGrace must not be negative, but was " + killGrace);
    }
    this.killGrace = killGrace;
    return this;
  }

  /**
   * Builds the worker.
   *
   * @throws IllegalStateException without a tuner
   */
  public Worker build() {
    if (tuner == null) {
      throw new IllegalStateException("a Worker needs a tuner: call tuner(...)");
    }
    int sized = slots > 0 ? slots : claims == Claims.TASKS ? 1 : Math.max(1, tuner.freeGpus());
    return new Worker(
        tuner,
        new WorkerSettings(claims, sized, leaseTtl, pollInterval, heartbeatInterval, killGrace));
  }

  private static Duration positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
    return value;
  }
}
