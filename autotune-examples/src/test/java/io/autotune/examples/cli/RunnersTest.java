package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.InvalidTaskException;
import io.autotune.inference.DockerServerRunner;
import io.autotune.inference.KubernetesServerRunner;
import io.autotune.inference.LocalServerRunner;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import io.autotune.spi.ExperimentRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The command line knows the runner of every shipped task file, containers and pods included. */
class RunnersTest {

  private static final Path TASKS = Path.of("..", "examples", "tasks");

  @Test
  void everyShippedTaskFileGetsItsRunner() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(TASKS)) {
      files = listing.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    Set<Class<?>> kinds = new HashSet<>();
    for (Path file : files) {
      TaskSpec spec = TaskJson.read(file);
      ExperimentRunner runner = Runners.all().create(spec);
      assertThat(runner).as(file.toString()).isNotNull();
      kinds.add(runner.getClass());
    }
    assertThat(kinds)
        .contains(LocalServerRunner.class, DockerServerRunner.class, KubernetesServerRunner.class);
  }

  @Test
  void anUnknownRunnerTypeNamesTheKnownOnes() {
    TaskSpec spec =
        TaskJson.parse(
            """
            {"task_name": "t", "parameters": {"x": [1, 2]},
             "optimization": {"objective": "minimize_value"}, "runner": {"type": "podman"}}
            """);

    assertThatThrownBy(() -> Runners.all().create(spec))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining("runner.type")
        .hasMessageContaining("docker")
        .hasMessageContaining("kubernetes");
  }
}
