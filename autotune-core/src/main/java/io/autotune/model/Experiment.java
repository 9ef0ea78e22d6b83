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
 * Immutable; the {@code with...} methods return changed copies.
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
    return new Experiment(
        taskId,
        number,
        configuration,
        ExperimentStatus.PENDING,
        now,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        OptionalDouble.empty(),
        Optional.empty(),
        workerId,
        epoch,
        List.of(),
        List.of());
  }

  /** Moves to DEPLOYING or BENCHMARKING at {@code at}. */
  public Experiment inPhase(ExperimentStatus phase, Instant at) {
    if (phase != ExperimentStatus.DEPLOYING && phase != ExperimentStatus.BENCHMARKING) {
      throw new IllegalArgumentException("not a running phase: " + phase);
    }
    return new Experiment(
        taskId,
        number,
        configuration,
        phase,
        createdAt,
        phase == ExperimentStatus.DEPLOYING ? Optional.of(at) : startedAt.or(() -> Optional.of(at)),
        phase == ExperimentStatus.BENCHMARKING ? Optional.of(at) : benchmarkingAt,
        finishedAt,
        metrics,
        score,
        error,
        workerId,
        epoch,
        processes,
        gpus);
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
    return new Experiment(
        taskId,
        number,
        configuration,
        status,
        createdAt,
        startedAt,
        benchmarkingAt,
        Optional.of(at),
        metrics,
        score,
        error,
        workerId,
        epoch,
        processes,
        gpus);
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

  public Experiment withGpus(List<Integer> gpus) {
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

  /** How long it ran, from its start (or creation) to its end, if it has ended. */
  public Optional<java.time.Duration> duration() {
    Instant start = startedAt.orElse(createdAt);
    return finishedAt.map(end -> java.time.Duration.between(start, end));
  }
}
