package io.autotune.inference;

import io.autotune.model.Slo;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What one benchmark of a server is judged by and bounded by: the task's SLOs (for early stops and
 * goodput), the GPUs the server uses (for per-GPU figures), the time it may take, a cancellation
 * signal and where its notes go. Immutable.
 *
 * @param slos the task's SLOs
 * @param gpus the GPUs the server runs on, at least 1
 * @param timeLeft the benchmark starts nothing after this long
 * @param cancelled turns true when the benchmark must stop at once
 * @param log receives one line per notable event (prompt calibration, skipped levels, goodput)
 */
public record BenchmarkRun(
    List<Slo> slos, int gpus, Duration timeLeft, BooleanSupplier cancelled, Consumer<String> log) {

  public BenchmarkRun {
    slos = List.copyOf(slos);
    if (gpus < 1) {
      throw new IllegalArgumentException("gpus must be at least 1, but was " + gpus);
    }
    Objects.requireNonNull(timeLeft, "timeLeft");
    Objects.requireNonNull(cancelled, "cancelled");
    Objects.requireNonNull(log, "log");
  }

  /** No SLOs, one GPU, never cancelled, notes dropped. */
  public static BenchmarkRun of(Duration timeLeft) {
    return new BenchmarkRun(List.of(), 1, timeLeft, () -> false, line -> {});
  }
}
