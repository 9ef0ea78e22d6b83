package io.autotune.internal;

import io.autotune.model.ExperimentStatus;
import io.autotune.model.ProcessRef;
import io.autotune.model.TaskSpec;
import io.autotune.runner.ProcessTree;
import io.autotune.space.Configuration;
import io.autotune.spi.ExperimentContext;
import io.autotune.spi.ExperimentRunner;
import io.autotune.spi.Phase;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One experiment's run: the context its runner sees, and the supervision around the runner call.
 * The runner runs on its own thread under a resilience4j TimeLimiter; on timeout or cancellation
 * that thread is interrupted and every registered process is killed with its tree. Thread-safe.
 */
final class ExperimentExecution implements ExperimentContext {
  private static final Logger LOG = LoggerFactory.getLogger(ExperimentExecution.class);

  /** What the loop is told while the experiment runs. */
  interface Events {
    void phase(int number, ExperimentStatus phase);

    void process(int number, ProcessRef process);

    void gpus(int number, List<Integer> gpus);
  }

  private final String taskId;
  private final TaskSpec spec;
  private final int number;
  private final Configuration configuration;
  private final GpuPlacement placement;
  private volatile Instant deadline;
  private volatile List<Integer> gpus = List.of();
  private final Path workDirectory;
  private final Duration killGrace;
  private final Clock clock;
  private final Events events;
  private final List<Process> processes = new CopyOnWriteArrayList<>();
  private final List<Runnable> cleanups = new CopyOnWriteArrayList<>();
  private volatile boolean cancelled;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private volatile Outcome cancelOutcome;
  private volatile Future<Map<String, Double>> call;
  private volatile Thread slot;

  ExperimentExecution(
      String taskId,
      TaskSpec spec,
      int number,
      Configuration configuration,
      GpuPlacement placement,
      Path workDirectory,
      Duration killGrace,
      Clock clock,
      Events events) {
    this.taskId = taskId;
    this.spec = spec;
    this.number = number;
    this.configuration = configuration;
    this.placement = placement;
    this.workDirectory = workDirectory;
    this.killGrace = killGrace;
    this.clock = clock;
    this.events = events;
    this.deadline = clock.instant().plus(spec.experimentTimeout());
  }

  /** Runs the experiment on the GPUs it needs, to its end, on the caller's thread; never throws. */
  Outcome run(ExperimentRunner runner, ExecutorService runnerThreads) {
    slot = Thread.currentThread();
    try (GpuPlacement.Placed placed =
        placement.place("task " + spec.name() + ", experiment " + number, gpusFor(runner))) {
      gpus = placed.indices();
      if (!gpus.isEmpty()) {
        events.gpus(number, gpus);
      }
      Outcome outcome = runUnderTimeout(runner, runnerThreads);
      return outcome.status() == ExperimentStatus.SUCCEEDED
          ? outcome.withMetrics(placed.usage())
          : outcome;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return cancelOutcome != null ? cancelOutcome : Outcome.failed("interrupted", clock.instant());
    } catch (RuntimeException e) {
      return Outcome.failed(describe(e), clock.instant());
    }
  }

  private int gpusFor(ExperimentRunner runner) {
    int count = runner.gpusFor(configuration);
    if (count < 0) {
      throw new IllegalStateException("the runner asked for " + count + " GPUs");
    }
    return count;
  }

  private Outcome runUnderTimeout(ExperimentRunner runner, ExecutorService runnerThreads) {
    deadline = clock.instant().plus(spec.experimentTimeout());
    TimeLimiter limiter =
        TimeLimiter.of(
            "experiment-" + number,
            TimeLimiterConfig.custom()
                .timeoutDuration(spec.experimentTimeout())
                .cancelRunningFuture(true)
                .build());
    try {
      events.phase(number, ExperimentStatus.DEPLOYING);
      Map<String, Double> metrics =
          limiter.executeFutureSupplier(() -> call = runnerThreads.submit(() -> runner.run(this)));
      return cancelled && cancelOutcome != null
          ? cancelOutcome
          : Outcome.returned(metrics == null ? Map.of() : metrics, clock.instant());
    } catch (TimeoutException e) {
      return Outcome.timedOut(
          "exceeded its timeout of " + seconds(spec.experimentTimeout()), clock.instant());
    } catch (CancellationException | InterruptedException e) {
      Outcome why = cancelOutcome;
      return why != null ? why : Outcome.failed("interrupted", clock.instant());
    } catch (Throwable t) {
      if (cancelled && cancelOutcome != null) {
        return cancelOutcome;
      }
      return Outcome.failed(describe(t), clock.instant());
    } finally {
      cancelled = true;
      killProcesses();
      runCleanups();
    }
  }

  /**
   * Stops the experiment: its runner thread is interrupted; it ends with {@code outcome} (the last
   * one given, when the loop asks again). Only the first call interrupts and kills: processes
   * registered later are killed by {@link #register}.
   */
  void cancel(Outcome outcome) {
    cancelOutcome = outcome;
    cancelled = true;
    if (stopRequested.getAndSet(true)) {
      return;
    }
    Future<Map<String, Double>> running = call;
    Thread waiting = slot;
    if (running != null) {
      running.cancel(true);
    } else if (waiting != null) {
      waiting.interrupt(); // still waiting for GPUs
    }
    killProcesses();
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0
        ? d.toSeconds() + " s"
        : String.format(java.util.Locale.ROOT, "%.3f s", d.toMillis() / 1000.0);
  }

  static String describe(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null
        && (cause.getMessage() == null
            || cause instanceof java.util.concurrent.ExecutionException)) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank()
        ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + message;
  }

  private void killProcesses() {
    for (Process p : processes) {
      try {
        ProcessTree.kill(p.toHandle(), killGrace);
      } catch (RuntimeException e) {
        LOG.warn("experiment {}: could not kill process {}: {}", number, p.pid(), e.toString());
      }
    }
  }

  private void runCleanups() {
    for (Runnable cleanup : cleanups) {
      try {
        cleanup.run();
      } catch (RuntimeException e) {
        LOG.warn("experiment {}: a cleanup failed: {}", number, e.toString());
      }
    }
  }

  @Override
  public String taskId() {
    return taskId;
  }

  @Override
  public TaskSpec spec() {
    return spec;
  }

  @Override
  public int number() {
    return number;
  }

  @Override
  public Configuration configuration() {
    return configuration;
  }

  @Override
  public Instant deadline() {
    return deadline;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public List<Integer> gpus() {
    return gpus;
  }

  @Override
  public Path workDirectory() {
    try {
      return Files.createDirectories(workDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void phase(Phase phase) {
    events.phase(
        number,
        phase == Phase.DEPLOYING ? ExperimentStatus.DEPLOYING : ExperimentStatus.BENCHMARKING);
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public void register(Process process) {
    processes.add(process);
    if (cancelled) {
      killProcesses();
      return;
    }
    events.process(number, ProcessTree.refOf(process.toHandle()));
  }

  @Override
  public void onCleanup(Runnable cleanup) {
    cleanups.add(cleanup);
  }

  @Override
  public void log(String line) {
    try {
      Files.writeString(
          workDirectory().resolve("experiment.log"),
          clock.instant() + " " + line + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("experiment {}: cannot write its log: {}", number, e.toString());
    }
  }
}
