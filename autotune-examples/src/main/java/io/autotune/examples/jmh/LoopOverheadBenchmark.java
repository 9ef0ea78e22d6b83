package io.autotune.examples.jmh;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.Objective;
import io.autotune.model.TaskSpec;
import io.autotune.space.SearchSpace;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.Strategy;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tuning loop's own cost per experiment: a task of {@value #EXPERIMENTS} experiments whose
 * runner returns at once and whose strategy samples uniformly, so what is timed is the loop's
 * bookkeeping (record, timeout supervision, outcome, checkpoint, listeners) on the given store.
 *
 * <p>Run: {@code java -cp autotune-examples/target/autotune.jar org.openjdk.jmh.Main LoopOverhead}.
 * Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoopOverheadBenchmark {
  static final int EXPERIMENTS = 200;

  @Param({"memory", "h2"})
  public String store;

  private Path directory;
  private CheckpointStore checkpoints;
  private Tuner tuner;
  private TaskSpec spec;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    directory = Files.createTempDirectory("autotune-loop-bench");
    checkpoints =
        store.equals("h2")
            ? JdbcCheckpointStore.open("jdbc:h2:file:" + directory.resolve("db"))
            : CheckpointStore.inMemory();
    Strategy uniform = context -> java.util.Optional.of(context.space().sample(context.random()));
    tuner =
        Tuner.builder()
            .store(checkpoints)
            .runner(context -> Map.of("value", 1.0))
            .strategy(uniform)
            .workDirectory(directory.resolve("runs"))
            .build();
    SearchSpace space = SearchSpace.builder().real("x", 0, 1).choice("mode", "a", "b").build();
    spec =
        TaskSpec.of("loop-overhead", space, Objective.minimize("value"))
            .withMaxExperiments(EXPERIMENTS)
            .withSeed(1);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    checkpoints.close();
  }

  @Benchmark
  @OperationsPerInvocation(EXPERIMENTS)
  public TuningResult experiment() {
    return tuner.run(spec);
  }
}
