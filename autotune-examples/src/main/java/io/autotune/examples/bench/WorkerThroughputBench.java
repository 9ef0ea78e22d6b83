package io.autotune.examples.bench;

import io.autotune.Tuner;
import io.autotune.model.Objective;
import io.autotune.model.TaskSpec;
import io.autotune.space.SearchSpace;
import io.autotune.spi.CheckpointStore;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import io.autotune.worker.Claims;
import io.autotune.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * No-op experiments per second across several workers on one store: each worker has its own
 * connection pool and Tuner, as separate processes would; the runner returns at once, so what is
 * measured is the loop and the store. Prints one JSON line.
 *
 * <pre>
 * java -cp autotune.jar io.autotune.examples.bench.WorkerThroughputBench URL [WORKERS] [SLOTS]
 *     [TASKS] [EXPERIMENTS_PER_TASK] [sync|async] [experiments|tasks]
 * </pre>
 *
 * {@code async} turns synchronous commits off (see {@code synchronousCommit} on the store's
 * builder); {@code tasks} makes the workers claim whole tasks instead of single experiments.
 *
 * <p>Not a test: a measurement for docs/operations.md. Not thread-safe (one run).
 */
public final class WorkerThroughputBench {
  private WorkerThroughputBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int workers = arg(args, 1, 4);
    int slots = arg(args, 2, 2);
    int tasks = arg(args, 3, 40);
    int experiments = arg(args, 4, 100);
    boolean async = args.length > 5 && args[5].equals("async");
    Claims claims =
        args.length > 6 ? Claims.valueOf(args[6].toUpperCase(Locale.ROOT)) : Claims.EXPERIMENTS;
    Path work = Files.createTempDirectory("autotune-bench");
    try (JdbcCheckpointStore store = JdbcCheckpointStore.open(url)) {
      SearchSpace space = SearchSpace.builder().real("x", -5, 10).build();
      for (int i = 0; i < tasks; i++) {
        store.createTask(
            TaskSpec.of("throughput-" + i, space, Objective.minimize("value"))
                .withMaxExperiments(experiments)
                .withSeed(i));
      }
      List<Worker> running = new ArrayList<>();
      List<CheckpointStore> stores = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int w = 0; w < workers; w++) {
        CheckpointStore own =
            JdbcCheckpointStore.builder().url(url).synchronousCommit(!async).build();
        stores.add(own);
        Tuner tuner =
            Tuner.builder()
                .store(own)
                .runner(c -> Map.of("value", c.configuration().getDouble("x")))
                .workDirectory(work)
                .build();
        running.add(
            Worker.builder()
                .tuner(tuner)
                .claims(claims)
                .slots(slots)
                .pollInterval(Duration.ofMillis(20))
                .build());
      }
      running.forEach(Worker::start);
      // polled rarely: listing tasks parses every task's JSON, CPU the workers should have
      while (!store.tasks().stream().allMatch(t -> t.status().isFinal())) {
        Thread.sleep(250);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      running.forEach(Worker::close);
      stores.forEach(CheckpointStore::close);
      int total = tasks * experiments;
      System.out.printf(
          Locale.ROOT,
          "{\"bench\": \"throughput\", \"synchronous_commit\": %s, \"claims\": \"%s\","
              + " \"workers\": %d, \"slots\": %d, \"experiments\": %d, \"seconds\": %.2f,"
              + " \"experiments_per_second\": %.1f}%n",
          !async,
          claims.name().toLowerCase(Locale.ROOT),
          workers,
          slots,
          total,
          seconds,
          total / seconds);
    }
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
