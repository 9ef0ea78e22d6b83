package io.autotune.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.inference.LocalServerRunner;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import io.autotune.spi.CheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inference task files in examples/tasks: each one parses and builds its runner; the quickstart
 * runs.
 */
class ShippedTaskFilesTest {

  private static final Path TASKS = Path.of("..", "examples", "tasks");

  @TempDir Path work;

  @Test
  void everyShippedTaskFileParsesAndBuildsItsLocalServerRunner() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(TASKS)) {
      files = listing.filter(ShippedTaskFilesTest::isInferenceTask).sorted().toList();
    }

    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains("quickstart.json")
        .anyMatch(name -> name.startsWith("sglang-"))
        .anyMatch(name -> name.startsWith("vllm-"));
    for (Path file : files) {
      TaskSpec spec = TaskJson.read(file);
      assertThat(spec.runner().orElseThrow().path("type").asText()).isEqualTo("local-server");
      assertThat(LocalServerRunner.fromTask(spec)).as(file.toString()).isNotNull();
    }
  }

  private static boolean isInferenceTask(Path file) {
    String name = file.getFileName().toString();
    return name.equals("quickstart.json")
        || (name.startsWith("sglang-") || name.startsWith("vllm-")) && name.endsWith(".json");
  }

  @Test
  void aShortenedQuickstartTunesTheSimulatedServerToCompletion() {
    // three random experiments instead of twenty Bayesian ones: the runner path, not the strategy
    TaskSpec spec =
        TaskJson.read(TASKS.resolve("quickstart.json"))
            .withStrategy("random", Map.of())
            .withMaxExperiments(3)
            .withSeed(7);

    TuningResult result;
    try (CheckpointStore store = CheckpointStore.inMemory()) {
      result =
          Tuner.builder()
              .store(store)
              .runner(LocalServerRunner.fromTask(spec))
              .workDirectory(work)
              .build()
              .run(spec);
    }

    assertThat(result.experiments()).hasSize(3);
    assertThat(result.experiments())
        .allSatisfy(
            e ->
                assertThat(e.status())
                    .isIn(
                        ExperimentStatus.SUCCEEDED,
                        ExperimentStatus.FAILED,
                        ExperimentStatus.TIMED_OUT));
    assertThat(result.best()).as("%s", result.experiments()).isPresent();
    assertThat(result.best().orElseThrow().metrics()).containsKeys("throughput", "ttft");
  }
}
