package io.autotune.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.Tuner;
import io.autotune.TuningListener;
import io.autotune.TuningResult;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.spi.CheckpointStore;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.TestSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeTimeoutTest {
  @TempDir Path work;

  /**
   * Experiment 1 starts a shell with children and grandchildren (one of them orphaned by a subshell
   * that exits, so only the process group still finds it) and overruns its timeout.
   */
  @Test
  void timedOutExperimentIsKilledWithItsWholeTreeAndTheTaskContinues() throws Exception {
    Path pids = work.resolve("pids");
    String script =
        "if [ \"$AUTOTUNE_EXPERIMENT\" = 1 ]; then "
            + "echo $$ >> "
            + pids
            + "; "
            + "sleep 1000 & echo $! >> "
            + pids
            + "; "
            + "(sleep 1000 & echo $! >> "
            + pids
            + "; wait) & "
            + "(sleep 1000 & echo $! >> "
            + pids
            + ") ; "
            + "sh -c 'sleep 1000 & echo $! >> "
            + pids
            + "; wait' & "
            + "wait; fi; echo '{\"value\": 1}'";
    Map<Integer, Instant> started = new ConcurrentHashMap<>();
    Map<Integer, Instant> ended = new ConcurrentHashMap<>();
    TuningListener times =
        new TuningListener() {
          @Override
          public void experimentStarted(Task task, Experiment e) {
            started.put(e.number(), Instant.now());
          }

          @Override
          public void experimentFinished(Task task, Experiment e, Optional<Experiment> best) {
            ended.put(e.number(), Instant.now());
          }
        };
    Duration grace = Duration.ofSeconds(3);
    TaskSpec spec =
        TestSpecs.simple("tree")
            .withMaxExperiments(2)
            .withSeed(1)
            .withExperimentTimeout(Duration.ofSeconds(2));
    TuningResult result =
        Tuner.builder()
            .store(CheckpointStore.inMemory())
            .runner(CommandRunner.of("sh", "-c", script, "sh"))
            .strategy(new SampleStrategy())
            .workDirectory(work)
            .killGrace(grace)
            .listener(times)
            .build()
            .run(spec);

    assertThat(result.experiments())
        .extracting(Experiment::status)
        .containsExactly(ExperimentStatus.TIMED_OUT, ExperimentStatus.SUCCEEDED);
    List<Long> tree =
        Files.readAllLines(pids).stream().map(String::trim).map(Long::parseLong).toList();
    assertThat(tree).hasSizeGreaterThanOrEqualTo(5);
    assertThat(tree)
        .as("no process of the tree is alive")
        .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    assertThat(Duration.between(ended.get(1), started.get(2))).isLessThan(grace);
    assertThat(result.experiments().get(0).processes())
        .as("the process is recorded for reaping after a crash")
        .singleElement()
        .satisfies(p -> assertThat(p.pid()).isEqualTo(tree.get(0)));
  }
}
