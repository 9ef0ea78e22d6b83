package io.autotune.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.inference.LocalServerRunner;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The inference task files in examples/tasks: each one parses and builds its runner. The quickstart
 * runs in {@link QuickstartOptimumTest}.
 */
class ShippedTaskFilesTest {

  private static final Path TASKS = Path.of("..", "examples", "tasks");

  @Test
  void everyShippedTaskFileParsesAndBuildsItsLocalServerRunner() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(TASKS)) {
      files = listing.filter(ShippedTaskFilesTest::isInferenceTask).sorted().toList();
    }

    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains("quickstart.json", "simulated-all-flags.json")
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
    return (name.startsWith("quickstart")
            || name.startsWith("simulated-")
            || name.startsWith("sglang-")
            || name.startsWith("vllm-"))
        && name.endsWith(".json");
  }
}
