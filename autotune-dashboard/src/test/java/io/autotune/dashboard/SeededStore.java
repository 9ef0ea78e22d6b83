package io.autotune.dashboard;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
import io.autotune.model.Objective;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.CheckpointStore;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import io.autotune.testing.MutableClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Function;

/**
 * A store seeded with four tasks and eleven experiments at known times, and three workers. The
 * clock stands at {@link #NOW}; the tests' expectations are worked out by hand from this file.
 *
 * <pre>
 * old-task     created 2026-11-29 06:00 (outside 24 h)  COMPLETED  #1 SUCCEEDED 10 m, #2 FAILED 5 m
 * qwen-sglang  created 2026-11-30 09:00, maximise       COMPLETED  #1 09:00 15 m ok 2100
 *                                                                  #2 09:20 20 m ok 2600
 *                                                                  #3 09:45 10 m FAILED
 *                                                                  #4 10:10 18 m TIMED_OUT
 *                                                                  #5 10:30 12 m ok 2450
 * llama-vllm   created 09:00, minimise, max 10          RUNNING    #1 10:00 40 m ok 0.52
 *                                                                  #2 10:45 40 m ok 0.47
 *                                                                  #3 11:30 BENCHMARKING (runs)
 * XSS_NAME     created 09:00                            FAILED     #1 11:00 5 m FAILED
 * </pre>
 */
final class SeededStore implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final String XSS_NAME = "<img src=x onerror=alert(1)>";
  private static final String WORKER = "worker-seed";

  final MutableClock clock = MutableClock.startingAt("2026-11-29T06:00:00Z");
  final CheckpointStore store;
  Task oldTask;
  Task qwen;
  Task llama;
  Task xss;

  private SeededStore(Function<MutableClock, CheckpointStore> storeOnClock) {
    this.store = storeOnClock.apply(clock);
  }

  /** Seeds a fresh in-process H2 database through the JDBC store, on the seed's clock. */
  static SeededStore h2() {
    return seeded(
        clock ->
            JdbcCheckpointStore.builder()
                .url("jdbc:h2:mem:dashboard-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .clock(clock)
                .build());
  }

  /** Seeds an in-memory store on the seed's clock. */
  static SeededStore inMemory() {
    return seeded(clock -> CheckpointStore.inMemory(clock, Duration.ofSeconds(5)));
  }

  /** Seeds the store that {@code storeOnClock} makes; its leases must follow the given clock. */
  static SeededStore seeded(Function<MutableClock, CheckpointStore> storeOnClock) {
    SeededStore seeded = new SeededStore(storeOnClock);
    seeded.seed();
    return seeded;
  }

  private void seed() {
    oldTask = store.createTask(throughput("old-task"));
    Lease lease = acquire(oldTask);
    record(lease, 1, "2026-11-29T06:00:00Z", 10, ExperimentStatus.SUCCEEDED, 1900);
    record(lease, 2, "2026-11-29T06:15:00Z", 5, ExperimentStatus.FAILED, 0);
    store.finishTask(lease, TaskStatus.COMPLETED);

    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-30T09:00:00Z")));
    qwen = store.createTask(throughput("qwen-sglang"));
    llama =
        store.createTask(
            TaskSpec.of("llama-vllm", space(), Objective.minimize("ttft")).withMaxExperiments(10));
    xss = store.createTask(throughput(XSS_NAME));

    lease = acquire(qwen);
    record(lease, 1, "2026-11-30T09:00:00Z", 15, ExperimentStatus.SUCCEEDED, 2100);
    record(lease, 2, "2026-11-30T09:20:00Z", 20, ExperimentStatus.SUCCEEDED, 2600);
    record(lease, 3, "2026-11-30T09:45:00Z", 10, ExperimentStatus.FAILED, 0);
    record(lease, 4, "2026-11-30T10:10:00Z", 18, ExperimentStatus.TIMED_OUT, 0);
    record(lease, 5, "2026-11-30T10:30:00Z", 12, ExperimentStatus.SUCCEEDED, 2450);
    store.finishTask(lease, TaskStatus.COMPLETED);

    lease = acquire(llama);
    record(lease, 1, "2026-11-30T10:00:00Z", 40, ExperimentStatus.SUCCEEDED, 0.52);
    record(lease, 2, "2026-11-30T10:45:00Z", 40, ExperimentStatus.SUCCEEDED, 0.47);
    Experiment running = pending(lease, 3, Instant.parse("2026-11-30T11:30:00Z"));
    running = running.inPhase(ExperimentStatus.DEPLOYING, running.createdAt());
    store.updateExperiment(lease, running);
    running = running.inPhase(ExperimentStatus.BENCHMARKING, Instant.parse("2026-11-30T11:34:00Z"));
    store.updateExperiment(lease, running);

    lease = acquire(xss);
    record(lease, 1, "2026-11-30T11:00:00Z", 5, ExperimentStatus.FAILED, 0);
    store.finishTask(lease, TaskStatus.FAILED);

    clock.advance(Duration.between(clock.instant(), NOW));
    seedWorkers();
  }

  private void seedWorkers() {
    // the test JVM itself, so that its CPU and memory are read from /proc
    Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(NOW);
    store.heartbeat(
        new WorkerInfo(
            "worker-local",
            localHost(),
            ProcessHandle.current().pid(),
            jvmStart.plusSeconds(1),
            NOW.minusSeconds(3),
            Optional.empty()));
    store.heartbeat(
        new WorkerInfo(
            "worker-late",
            "gpu-node-7",
            4242,
            NOW.minus(Duration.ofHours(2)),
            NOW.minusSeconds(95),
            Optional.empty()));
    store.heartbeat(
        new WorkerInfo(
            "worker-stopped",
            "gpu-node-8",
            4343,
            NOW.minus(Duration.ofHours(5)),
            NOW.minus(Duration.ofHours(4)),
            Optional.of(NOW.minus(Duration.ofHours(4)))));
  }

  @Override
  public void close() {
    store.close();
  }

  static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private Lease acquire(Task task) {
    return store.acquire(task.id(), WORKER, Duration.ofDays(3)).orElseThrow();
  }

  /** Records experiment {@code number}: pending, deploying at start, final after the minutes. */
  private void record(
      Lease lease, int number, String start, int minutes, ExperimentStatus status, double score) {
    Experiment e = pending(lease, number, Instant.parse(start));
    Instant end = e.createdAt().plus(Duration.ofMinutes(minutes));
    e = e.inPhase(ExperimentStatus.DEPLOYING, e.createdAt());
    store.updateExperiment(lease, e);
    boolean ok = status == ExperimentStatus.SUCCEEDED;
    store.updateExperiment(
        lease,
        e.finished(
            status,
            end,
            ok ? Map.of(metric(lease), score) : Map.of(),
            ok ? OptionalDouble.of(score) : OptionalDouble.empty(),
            ok ? Optional.empty() : Optional.of("server exited with code 1")));
  }

  /** The metric the task optimises: the runner's measurement goes by that name. */
  private String metric(Lease lease) {
    return store.task(lease.taskId()).orElseThrow().spec().objective().metric();
  }

  private Experiment pending(Lease lease, int number, Instant at) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("tp-size", number % 2 + 1);
    values.put("schedule-policy", number % 3 == 0 ? "fcfs" : "lpm");
    Configuration configuration = new Configuration(values);
    Experiment e =
        Experiment.pending(lease.taskId(), number, configuration, at, WORKER, lease.epoch());
    store.insertExperiment(lease, e);
    return e;
  }

  private static TaskSpec throughput(String name) {
    return TaskSpec.of(name, space(), Objective.maximize("throughput"));
  }

  private static SearchSpace space() {
    return SearchSpace.builder()
        .integer("tp-size", 1, 2)
        .choice("schedule-policy", "lpm", "fcfs")
        .build();
  }
}
