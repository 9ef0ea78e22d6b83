package io.autotune.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.space.Configuration;
import io.autotune.spi.CheckpointStore;
import io.autotune.testing.CrashingStore;
import io.autotune.testing.MutableClock;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.ScriptedRunner;
import io.autotune.testing.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResumeTest {
  @TempDir Path work;
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final Duration GRACE = Duration.ofSeconds(5);
  private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
  private final ScriptedRunner runner = ScriptedRunner.value(c -> c.configuration().getDouble("x"));

  private Tuner tuner(CheckpointStore store) {
    return Tuner.builder()
        .store(store)
        .runner(runner)
        .strategy(new SampleStrategy())
        .clock(clock)
        .leaseTtl(TTL)
        .workDirectory(work)
        .build();
  }

  private static List<Configuration> configurations(List<Experiment> experiments) {
    return experiments.stream()
        .filter(e -> e.status() != ExperimentStatus.ABANDONED)
        .map(Experiment::configuration)
        .toList();
  }

  /**
   * The first worker "dies" after experiment k: from then on nothing it does reaches the store (as
   * if its process were gone), and its lease is left to expire. A second worker resumes the task.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 4, 7})
  void aTaskInterruptedAfterExperimentKResumesAtKPlusOneWithTheSameProposals(int k) {
    TaskSpec spec = TestSpecs.simple("resume").withMaxExperiments(10).withSeed(42);
    TuningResult uninterrupted = tuner(CheckpointStore.inMemory(clock, GRACE)).run(spec);

    CheckpointStore shared = CheckpointStore.inMemory(clock, GRACE);
    CrashingStore dying = new CrashingStore(shared, k);
    String taskId = shared.createTask(spec).id();
    Throwable crash = catchThrowable(() -> tuner(dying).resume(taskId));
    assertThat(crash).isInstanceOf(CrashingStore.Crash.class);
    assertThat(shared.experiments(taskId)).hasSize(k);

    clock.advance(TTL.plus(GRACE));
    TuningResult resumed = tuner(shared).resume(taskId);

    assertThat(resumed.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(resumed.experiments())
        .extracting(Experiment::number)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(configurations(resumed.experiments()))
        .isEqualTo(configurations(uninterrupted.experiments()));
  }
}
