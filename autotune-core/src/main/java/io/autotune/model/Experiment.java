package io.autotune.model;

import io.autotune.space.Configuration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One evaluated configuration of a task, numbered 1, 2, 3 ... as the experiment log holds it.
 * Immutable; {@link #toBuilder()} and the {@code with...} methods return changed copies.
 *
 * @param createdAt when it was recorded (PENDING)
 * @param startedAt when it started deploying
 * @param benchmarkingAt when it started benchmarking, if the runner said so
 * @param finishedAt when it reached a final status
 * @param score the objective's score (SLO penalty applied), for SUCCEEDED only
 * @param error why it failed, timed out or was abandoned
 * @param workerId the worker that ran it
 * @param epoch the lease epoch under which it was recorded
 * @param processes the processes it started, for reaping orphans after a crash
 * @param gpus the GPU indices it ran on
 */
public record Experiment(
    String taskId,
    int number,
    Configuration configuration,
    ExperimentStatus status,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> benchmarkingAt,
    Optional<Instant> finishedAt,
    Map<String, Double> metrics,
    OptionalDouble score,
    Optional<String> error,
    String workerId,
    long epoch,
    List<ProcessRef> processes,
    List<Integer> gpus) {

  public Experiment {
    Objects.requireNonNull(taskId, "taskId");
    if (number < 1) {
      throw new IllegalArgumentException("experiment numbers start at 1, but was " + number);
    }
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(benchmarkingAt, "benchmarkingAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    metrics = Map.copyOf(metrics);
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(workerId, "workerId");
    processes = List.copyOf(processes);
    gpus = List.copyOf(gpus);
  }

  /** A new PENDING experiment. */
  public static Experiment pending(
      String taskId,
      int number,
      Configuration configuration,
      Instant now,
      String workerId,
      long epoch) {
    return new Builder(taskId, number, configuration, now, workerId, epoch).build();
  }

  /** A builder holding this experiment's values, to change a few of them. */
  public Builder toBuilder() {
    Builder b = new Builder(taskId, number, configuration, createdAt, workerId, epoch);
    b.status = status;
    b.startedAt = startedAt;
    b.benchmarkingAt = benchmarkingAt;
    b.finishedAt = finishedAt;
    b.metrics = metrics;
    b.score = score;
    b.error = error;
    b.processes = processes;
    b.gpus = gpus;
    return b;
  }

  /** Moves to DEPLOYING or BENCHMARKING at {@code at}. */
  public Experiment inPhase(ExperimentStatus phase, Instant at) {
    if (phase != ExperimentStatus.DEPLOYING && phase != ExperimentStatus.BENCHMARKING) {
      throw new IllegalArgumentException("not a running phase: " + phase);
    }
    Builder b = toBuilder().status(phase);
    if (phase == ExperimentStatus.DEPLOYING) {
      b.startedAt(Optional.of(at));
    } else {
      b.startedAt(startedAt.or(() -> Optional.of(at))).benchmarkingAt(Optional.of(at));
    }
    return b.build();
  }

  /** Moves to a final status at {@code at}. */
  public Experiment finished(
      ExperimentStatus status,
      Instant at,
      Map<String, Double> metrics,
      OptionalDouble score,
      Optional<String> error) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("not a final status: " + status);
    }
    return toBuilder()
        .status(status)
        .finishedAt(Optional.of(at))
        .metrics(metrics)
        .score(score)
        .error(error)
        .build();
  }

  /**
   * ABANDONED at {@code at} by a store that found its owner's lease ended: expired at {@code
   * leaseExpiredAt}, or released when empty. Its metrics and processes are kept (the processes are
   * killed by whoever next reaps this host).
   */
  public Experiment abandonedByDeadOwner(Instant at, Optional<Instant> leaseExpiredAt) {
    String lease = leaseExpiredAt.map(t -> "its lease expired at " + t).orElse("it released it");
    return finished(
        ExperimentStatus.ABANDONED,
        at,
        metrics,
        OptionalDouble.empty(),
        Optional.of(
            "its owner (worker "
                + workerId
                + ", epoch "
                + epoch
                + ") died before it finished: "
                + lease));
  }

  public Experiment withProcesses(List<ProcessRef> processes) {
    return toBuilder().processes(processes).build();
  }

  public Experiment withGpus(List<Integer> gpus) {
    return toBuilder().gpus(gpus).build();
  }

  /** How long it ran, from its start (or creation) to its end, if it has ended. */
  public Optional<java.time.Duration> duration() {
    Instant start = startedAt.orElse(createdAt);
    return finishedAt.map(end -> java.time.Duration.between(start, end));
  }

  /**
   * Builds an {@link Experiment}, for stores that read one back and for changed copies ({@link
   * #toBuilder()}). A new one is PENDING, with no times but its creation, no metrics, score, error,
   * processes or GPUs. Not thread-safe.
   */
  public static final class Builder {
    private final String taskId;
    private final int number;
    private final Configuration configuration;
    private final Instant createdAt;
    private final String workerId;
    private final long epoch;
    private ExperimentStatus status = ExperimentStatus.PENDING;
    private Optional<Instant> startedAt = Optional.empty();
    private Optional<Instant> benchmarkingAt = Optional.empty();
    private Optional<Instant> finishedAt = Optional.empty();
    private Map<String, Double> metrics = Map.of();
    private OptionalDouble score = OptionalDouble.empty();
    private Optional<String> error = Optional.empty();
    private List<ProcessRef> processes = List.of();
    private List<Integer> gpus = List.of();

    /** The identity of an experiment, fixed when it is recorded. */
    public Builder(
        String taskId,
        int number,
        Configuration configuration,
        Instant createdAt,
        String workerId,
        long epoch) {
      this.taskId = Objects.requireNonNull(taskId, "taskId");
      this.number = number;
      this.configuration = Objects.requireNonNull(configuration, "configuration");
      this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
      this.workerId = Objects.requireNonNull(workerId, "workerId");
      this.epoch = epoch;
    }

    /** Default PENDING. */
    public Builder status(ExperimentStatus status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    /** Default empty. */
    public Builder startedAt(Optional<Instant> startedAt) {
      this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
      return this;
    }

    /** Default empty. */
    public Builder benchmarkingAt(Optional<Instant> benchmarkingAt) {
      this.benchmarkingAt = Objects.requireNonNull(benchmarkingAt, "benchmarkingAt");
      return this;
    }

    /** Default empty. */
    public Builder finishedAt(Optional<Instant> finishedAt) {
      this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
      return this;
    }

    /** Default none. */
    public Builder metrics(Map<String, Double> metrics) {
      this.metrics = Map.copyOf(metrics);
      return this;
    }

    /** Default empty. */
    public Builder score(OptionalDouble score) {
      this.score = Objects.requireNonNull(score, "score");
      return this;
    }

    /** Default empty. */
    public Builder error(Optional<String> error) {
      this.error = Objects.requireNonNull(error, "error");
      return this;
    }

    /** Default none. */
    public Builder processes(List<ProcessRef> processes) {
      this.processes = List.copyOf(processes);
      return this;
    }

    /** Default none. */
    public Builder gpus(List<Integer> gpus) {
      this.gpus = List.copyOf(gpus);
      return this;
    }

    public Experiment build() {
      return new Experiment(
          taskId,
          number,
          configuration,
          status,
          createdAt,
          startedAt,
          benchmarkingAt,
          finishedAt,
          metrics,
          score,
          error,
          workerId,
          epoch,
          processes,
          gpus);
    }
  }
}
