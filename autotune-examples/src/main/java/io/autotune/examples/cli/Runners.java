package io.autotune.examples.cli;

import io.autotune.inference.DockerServerRunner;
import io.autotune.inference.KubernetesServerRunner;
import io.autotune.inference.LocalServerRunner;
import io.autotune.runner.CommandRunner;
import io.autotune.runner.RunnerFactory;
import java.util.Map;

/** The runner types the command line knows, by the {@code runner.type} of task JSON. */
final class Runners {
  private Runners() {}

  /**
   * {@code command} (one process per experiment), {@code local-server} (inference servers), and
   * {@code docker} and {@code kubernetes} (inference servers in containers, in pods).
   */
  static RunnerFactory all() {
    return RunnerFactory.byType(
        Map.of(
            "command",
            CommandRunner::fromSpec,
            "local-server",
            LocalServerRunner::fromTask,
            "docker",
            DockerServerRunner::fromTask,
            "kubernetes",
            KubernetesServerRunner::fromTask));
  }
}
