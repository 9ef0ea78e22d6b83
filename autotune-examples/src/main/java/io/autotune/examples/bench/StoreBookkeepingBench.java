package io.autotune.examples.bench;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
import io.autotune.model.Objective;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.WorkerInfo;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The store's bookkeeping per experiment, as the tuning loop does it: record the experiment, record
 * its outcome, save the checkpoint, plus a share of the lease keeper's tick (renew, read the task,
 * heartbeat) taken every 10 experiments. Prints one JSON line with the latency distribution.
 *
 * <pre>
 * java -cp autotune.jar io.autotune.examples.bench.StoreBookkeepingBench URL [EXPERIMENTS] [async]
 * </pre>
 *
 * {@code async} turns synchronous commits off (see {@code synchronousCommit} on the store's
 * builder).
 *
 * <p>Not a test: a measurement for docs/operations.md. Not thread-safe (one run).
 */
public final class StoreBookkeepingBench {
  private static final int WARMUP = 300;

  private StoreBookkeepingBench() {}

  public static void main(String[] args) {
    String url = args[0];
    int experiments = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    boolean async = args.length > 2 && args[2].equals("async");
    try (JdbcCheckpointStore store =
        JdbcCheckpointStore.builder().url(url).synchronousCommit(!async).build()) {
      SearchSpace space = SearchSpace.builder().real("x", -5, 10).integer("n", 1, 64).build();
      TaskSpec spec =
          TaskSpec.of("bookkeeping-bench", space, Objective.minimize("value"))
              .withMaxExperiments(WARMUP + experiments);
      Task task = store.createTask(spec);
      Lease lease = store.acquire(task.id(), "bench", Duration.ofMinutes(10)).orElseThrow();
      Instant started = Instant.now();
      WorkerInfo worker =
          new WorkerInfo("bench", "localhost", 1, started, started, Optional.empty());
      long[] nanos = new long[experiments];
      for (int i = 1; i <= WARMUP + experiments; i++) {
        long t0 = System.nanoTime();
        lease = oneExperiment(store, lease, task, i, worker);
        if (i > WARMUP) {
          nanos[i - WARMUP - 1] = System.nanoTime() - t0;
        }
      }
      print(url, !async, experiments, nanos);
    }
  }

  private static Lease oneExperiment(
      JdbcCheckpointStore store, Lease lease, Task task, int number, WorkerInfo worker) {
    Configuration c = Configuration.of(Map.of("x", number * 0.001, "n", (long) (number % 64 + 1)));
    Experiment pending =
        Experiment.pending(task.id(), number, c, Instant.now(), "bench", lease.epoch());
    store.insertExperiment(lease, pending);
    Experiment done =
        pending.finished(
            ExperimentStatus.SUCCEEDED,
            Instant.now(),
            Map.of("value", number * 0.5, "ttft", 0.12),
            OptionalDouble.of(number * 0.5),
            Optional.empty());
    store.updateExperiment(lease, done);
    store.saveCheckpoint(
        lease,
        "{\"version\":1,\"next_number\":"
            + (number + 1)
            + ",\"best\":{\"number\":1,\"score\":0.5},\"strategy\":\"random\",\"seed\":7}");
    if (number % 10 == 0) {
      lease = store.renew(lease, Duration.ofMinutes(10));
      store.task(task.id());
      store.heartbeat(worker);
    }
    return lease;
  }

  private static void print(String url, boolean durable, int experiments, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "{\"bench\": \"bookkeeping\", \"db\": \"%s\", \"synchronous_commit\": %s,"
            + " \"experiments\": %d, \"median_ms\": %.3f,"
            + " \"p90_ms\": %.3f, \"p99_ms\": %.3f, \"mean_ms\": %.3f}%n",
        url.replaceAll("password=[^&]*", "password=***"),
        durable,
        experiments,
        ms(sorted, 0.5),
        ms(sorted, 0.9),
        ms(sorted, 0.99),
        mean);
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
  }
}
