package io.autotune.testing;

import io.autotune.model.Objective;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.ExperimentContext;
import io.autotune.spi.Phase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An experiment context, outside any tuning loop, that records what a runner did with it: phases,
 * processes, log lines. Tests set {@link #cancelled} and {@link #onPhase}. Thread-safe.
 */
public final class FakeExperimentContext implements ExperimentContext {

  public final List<Phase> phases = new CopyOnWriteArrayList<>();
  public final List<Process> processes = new CopyOnWriteArrayList<>();
  public final List<String> logs = new CopyOnWriteArrayList<>();
  public final AtomicBoolean cancelled = new AtomicBoolean();
  public volatile Consumer<Phase> onPhase = phase -> {};
  private final Configuration configuration;
  private final Clock clock;
  private final Instant deadline;
  private final Path workDirectory;
  private final List<Integer> gpus;
  private final TaskSpec spec;

  public FakeExperimentContext(
      Map<String, ?> configuration,
      Duration timeout,
      Path workDirectory,
      List<Integer> gpus,
      Objective objective) {
    this(configuration, timeout, workDirectory, gpus, objective, Clock.systemUTC());
  }

  /** A context whose deadline is {@code timeout} from now on {@code clock}, a hand-moved one. */
  public FakeExperimentContext(
      Map<String, ?> configuration,
      Duration timeout,
      Path workDirectory,
      List<Integer> gpus,
      Objective objective,
      Clock clock) {
    this.configuration = Configuration.of(configuration);
    this.clock = clock;
    this.deadline = clock.instant().plus(timeout);
    this.workDirectory = workDirectory;
    this.gpus = gpus;
    this.spec = TaskSpec.of("test", SearchSpace.builder().integer("x", 0, 1).build(), objective);
  }

  public FakeExperimentContext(Map<String, ?> configuration, Duration timeout, Path workDirectory) {
    this(configuration, timeout, workDirectory, List.of(), Objective.maximize("throughput"));
  }

  @Override
  public String taskId() {
    return "task-1";
  }

  @Override
  public TaskSpec spec() {
    return spec;
  }

  @Override
  public int number() {
    return 1;
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
    return workDirectory;
  }

  @Override
  public void phase(Phase phase) {
    phases.add(phase);
    onPhase.accept(phase);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public void register(Process process) {
    processes.add(process);
  }

  @Override
  public void onCleanup(Runnable cleanup) {}

  @Override
  public void log(String line) {
    logs.add(line);
  }
}
