package io.autotune;

import io.autotune.internal.GpuPlacement;
import io.autotune.internal.Hosts;
import io.autotune.internal.LeasedExperiment;
import io.autotune.internal.LoopSettings;
import io.autotune.internal.SharedProposer;
import io.autotune.internal.TuningLoop;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentLease;
import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import io.autotune.runner.RunnerFactory;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.ExperimentRunner;
import io.autotune.spi.GpuMonitor;
import io.autotune.spi.Proposer;
import io.autotune.spi.Strategy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs tasks: acquires a task's lease, restores it from the store, and runs experiments until a
 * limit is reached, saving progress after each one. Several tasks may run at once on one Tuner (a
 * worker's slots); each run is one {@link TuningLoop}. Thread-safe.
 *
 * <pre>{@code
 * Tuner tuner = Tuner.builder().store(CheckpointStore.inMemory()).runner(myRunner).build();
 * TuningResult result = tuner.run(spec);
 * }</pre>
 */
public final class Tuner {
  private final CheckpointStore store;
  private final RunnerFactory runners;
  private final Function<TaskSpec, Strategy> strategies;
  private final LoopSettings settings;
  private final String workerId;
  private final Instant startedAt;
  private final Set<TuningLoop> active = ConcurrentHashMap.newKeySet();
  private final Set<LeasedExperiment> shared = ConcurrentHashMap.newKeySet();
  private final Map<String, Strategy> strategyOfTask = new ConcurrentHashMap<>();
  // a shared task's runner, made once: proposals ask it for GPU counts, experiments run on it
  private final Map<String, ExperimentRunner> runnerOfTask = new ConcurrentHashMap<>();
  private final Proposer proposer;

  private Tuner(Builder b) {
    this.store = b.store;
    this.runners = b.runners;
    this.strategies = b.strategies;
    this.settings =
        new LoopSettings(
            b.parallelism,
            b.leaseTtl,
            b.killGrace,
            b.workDirectory,
            b.clock,
            new GpuPlacement(b.gpuMonitor, b.hostGpuLocks, b.gpuWait, b.gpuSampleInterval),
            b.listeners);
    this.workerId = b.workerId;
    this.proposer =
        new SharedProposer(
            task -> strategyOfTask.computeIfAbsent(task.id(), id -> strategies.apply(task.spec())),
            b.clock);
    this.startedAt = ProcessHandle.current().info().startInstant().orElse(b.clock.instant());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This worker's id: random per Tuner unless set, never the host name. */
  public String workerId() {
    return workerId;
  }

  public CheckpointStore store() {
    return store;
  }

  /** The clock of deadlines and records, {@link Builder#clock(Clock)}. */
  public Clock clock() {
    return settings.clock();
  }

  /**
   * Adds the task to the store and runs it to its end. A spec without a seed gets a random one,
   * stored with the task so that a resumed run proposes the same configurations.
   */
  public TuningResult run(TaskSpec spec) {
    TaskSpec seeded =
        spec.seed().isPresent() ? spec : spec.withSeed(new java.util.SplittableRandom().nextLong());
    strategies.apply(seeded).validate(seeded.space());
    return resume(store.createTask(seeded).id());
  }

  /**
   * Runs a task already in the store, resuming it from its experiment log.
   *
   * @throws AutotuneException if another worker holds the task's lease or the task is final
   */
  public TuningResult resume(String taskId) {
    Task task =
        store.task(taskId).orElseThrow(() -> new AutotuneException("no task with id " + taskId));
    if (task.status().isFinal()) {
      throw new AutotuneException("task " + taskId + " is already " + task.status());
    }
    Lease lease =
        store
            .acquire(taskId, workerId, settings.leaseTtl())
            .orElseThrow(
                () ->
                    new AutotuneException(
                        "task "
                            + taskId
                            + " is held by worker "
                            + task.owner().orElse("?")
                            + " until its lease expires"));
    return run(lease);
  }

  /** Runs a task whose lease this worker already holds (from {@link CheckpointStore#claim}). */
  public TuningResult run(Lease lease) {
    Task task =
        store
            .task(lease.taskId())
            .orElseThrow(() -> new AutotuneException("no task with id " + lease.taskId()));
    Strategy strategy = strategies.apply(task.spec());
    ExperimentRunner runner = runners.create(task.spec());
    TuningLoop loop =
        new TuningLoop(settings, store, task, lease, strategy, runner, this::workerInfo);
    active.add(loop);
    try {
      return loop.run();
    } finally {
      active.remove(loop);
    }
  }

  // ---- experiments shared among workers

  /**
   * Proposes and records the next experiment of task {@code taskId} for this worker under the
   * experiment's own lease ({@link CheckpointStore#propose}): the task's strategy sees every
   * worker's running experiments as pending points. Empty when the task wants no experiment now (at
   * its parallelism, its last experiments still running, final, or held by one owner); a task whose
   * limits are reached and whose experiments have all ended is finished on the way.
   */
  public Optional<ExperimentLease> propose(String taskId) {
    return store.propose(taskId, workerId, settings.leaseTtl(), this::proposeIfItFits);
  }

  /**
   * The shared proposal, unless its experiment needs more GPUs (tp × dp × pp, by the task's runner)
   * than are free here now: a worker whose GPUs are busy leaves it to one whose are not.
   */
  private Proposer.Decision proposeIfItFits(Task task, List<Experiment> log) {
    Proposer.Decision decision = proposer.decide(task, log);
    if (decision instanceof Proposer.Finish) {
      strategyOfTask.remove(task.id());
      runnerOfTask.remove(task.id());
    }
    if (decision instanceof Proposer.Run run) {
      int needs;
      try {
        needs = runnerOf(task).gpusFor(run.configuration());
      } catch (RuntimeException e) {
        return decision; // the experiment fails with the reason, recorded
      }
      if (!settings.gpus().fitsNow(needs)) {
        return new Proposer.Wait("its next experiment needs " + needs + " free GPUs here");
      }
    }
    return decision;
  }

  /**
   * Checks that this Tuner can make the spec's strategy and runner.
   *
   * @throws InvalidTaskException naming what it cannot make
   */
  public void check(TaskSpec spec) {
    strategies.apply(spec).validate(spec.space());
    runners.create(spec);
  }

  /**
   * Marks a task that cannot run FAILED, once none of its experiments runs any more; a task held by
   * one owner is left to it.
   */
  public void fail(String taskId) {
    store.propose(
        taskId,
        workerId,
        settings.leaseTtl(),
        (task, log) ->
            log.stream().anyMatch(e -> !e.status().isFinal())
                ? new Proposer.Wait("its running experiments end first")
                : new Proposer.Finish(TaskStatus.FAILED));
  }

  /**
   * Runs an experiment whose lease this worker holds (from {@link #propose}) to its end, on the
   * caller's thread, and records it.
   *
   * @return the experiment as recorded
   * @throws LeaseLostException if the lease was lost; nothing was written after that
   */
  public Experiment runExperiment(ExperimentLease lease) {
    Task task =
        store
            .task(lease.taskId())
            .orElseThrow(() -> new AutotuneException("no task with id " + lease.taskId()));
    ExperimentRunner runner = runnerOf(task);
    LeasedExperiment experiment = new LeasedExperiment(settings, store, task, lease);
    shared.add(experiment);
    try {
      return experiment.run(runner);
    } finally {
      shared.remove(experiment);
    }
  }

  private ExperimentRunner runnerOf(Task task) {
    return runnerOfTask.computeIfAbsent(task.id(), id -> runners.create(task.spec()));
  }

  /**
   * Stops every running task gracefully: no new experiments, running ones abandoned (their
   * processes killed), leases released so another worker can resume the tasks at once. Running
   * shared experiments are recorded ABANDONED, so that any worker proposes them again.
   */
  public void stop() {
    active.forEach(TuningLoop::stop);
    shared.forEach(LeasedExperiment::stop);
  }

  /** How many GPUs none of this Tuner's experiments holds now; 0 on a host without GPUs. */
  public int freeGpus() {
    return settings.gpus().freeGpus();
  }

  WorkerInfo workerInfo() {
    Instant now = settings.clock().instant();
    return new WorkerInfo(
        workerId,
        Hosts.localName(),
        ProcessHandle.current().pid(),
        startedAt,
        now,
        Optional.empty());
  }

  /** Configures a {@link Tuner}. Not thread-safe. */
  public static final class Builder {
    private CheckpointStore store;
    private RunnerFactory runners;
    private Function<TaskSpec, Strategy> strategies =
        spec -> Strategy.named(spec.strategy(), spec.strategyOptions());
    private int parallelism = 1;
    private Duration leaseTtl = Duration.ofSeconds(30);
    private Duration killGrace = Duration.ofSeconds(10);
    private Path workDirectory = Path.of("autotune-data", "runs");
    private Clock clock = Clock.systemUTC();
    private String workerId = UUID.randomUUID().toString();
    private GpuMonitor gpuMonitor = GpuMonitor.none();
    private Duration gpuWait = Duration.ofMinutes(10);
    private Optional<Path> hostGpuLocks = Optional.empty();
    private Duration gpuSampleInterval = Duration.ofSeconds(5);
    private final List<TuningListener> listeners = new ArrayList<>();

    private Builder() {}

    /** Where tasks live. Default: {@link CheckpointStore#inMemory()}. */
    public Builder store(CheckpointStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The runner of every task. Required, unless {@link #runners(RunnerFactory)} is set. */
    public Builder runner(ExperimentRunner runner) {
      Objects.requireNonNull(runner, "runner");
      this.runners = spec -> runner;
      return this;
    }

    /** Makes each task's runner from its spec (the task JSON's runner section). */
    public Builder runners(RunnerFactory runners) {
      this.runners = Objects.requireNonNull(runners, "runners");
      return this;
    }

    /** The strategy of every task. Default: the strategy named in the task's spec. */
    public Builder strategy(Strategy strategy) {
      Objects.requireNonNull(strategy, "strategy");
      this.strategies = spec -> strategy;
      return this;
    }

    /** How many experiments of one task run at once. Default: 1. */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException(
            "parallelism must be greater than 0, but was " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /** How long a lease lasts without renewal; renewed every third of it. Default: 30 s. */
    public Builder leaseTtl(Duration leaseTtl) {
      if (leaseTtl.toMillis() < 30) {
        throw new IllegalArgumentException("leaseTtl must be at least 30 ms, but was " + leaseTtl);
      }
      this.leaseTtl = leaseTtl;
      return this;
    }

    /**
     * How long a killed process tree gets between SIGTERM and SIGKILL. Default: 10 s. Keep it
     * shorter than the store's grace (lock-delay, 15 s by default), the time a worker that lost its
     * lease has to kill its processes before another worker may take the task.
     */
    public Builder killGrace(Duration killGrace) {
      if (killGrace.isNegative()) {
        throw new IllegalArgumentException("killGrace must not be negative, but was " + killGrace);
      }
      this.killGrace = killGrace;
      return this;
    }

    /** Where experiments keep their files (logs). Default: {@code autotune-data/runs}. */
    public Builder workDirectory(Path workDirectory) {
      this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
      return this;
    }

    /** The clock for deadlines and records. Default: the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** This worker's id. Default: a random UUID. */
    public Builder workerId(String workerId) {
      if (workerId == null || workerId.isBlank()) {
        throw new IllegalArgumentException("workerId must not be blank");
      }
      this.workerId = workerId;
      return this;
    }

    /**
     * The GPUs experiments are placed on: each gets the {@link ExperimentRunner#gpusFor} GPUs it
     * needs, never shared with another experiment. Default: {@link GpuMonitor#none()}.
     */
    public Builder gpuMonitor(GpuMonitor gpuMonitor) {
      this.gpuMonitor = Objects.requireNonNull(gpuMonitor, "gpuMonitor");
      return this;
    }

    /**
     * Shares this host's GPUs with the other worker processes that lock in {@code directory} (the
     * command line's workers use {@code $TMPDIR/autotune-gpu-locks}): a GPU is never placed on
     * while another process holds it, and a process that dies lets its GPUs go. Default: GPUs are
     * coordinated among this Tuner's experiments only.
     */
    public Builder hostGpuLocks(Path directory) {
      this.hostGpuLocks = Optional.of(Objects.requireNonNull(directory, "directory"));
      return this;
    }

    /**
     * How long an experiment waits for busy GPUs before it fails; this wait is not part of its
     * timeout. Default: 10 minutes.
     */
    public Builder gpuWait(Duration gpuWait) {
      if (gpuWait.isNegative()) {
        throw new IllegalArgumentException("gpuWait must not be negative, but was " + gpuWait);
      }
      this.gpuWait = gpuWait;
      return this;
    }

    /** How often the GPUs of a running experiment are sampled. Default: 5 s. */
    public Builder gpuSampleInterval(Duration interval) {
      if (interval.toMillis() < 10) {
        throw new IllegalArgumentException(
            "gpuSampleInterval must be at least 10 ms, but was " + interval);
      }
      this.gpuSampleInterval = interval;
      return this;
    }

    /** Adds a listener. Default: none. */
    public Builder listener(TuningListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the tuner.
     *
     * @throws IllegalStateException without a runner
     */
    public Tuner build() {
      if (runners == null) {
        throw new IllegalStateException("a Tuner needs a runner: call runner(...) or runners(...)");
      }
      if (store == null) {
        store = CheckpointStore.inMemory();
      }
      return new Tuner(this);
    }
  }
}
