package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.InvalidTaskException;
import io.autotune.model.TaskJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The docker runner's section of the task JSON. */
class DockerRunnerJsonTest {

  private static DockerServerRunner parse(String runner) {
    return DockerServerRunner.fromTask(
        TaskJson.parse(
            """
            {"task_name": "t", "base_runtime": "sglang", "parameters": {"tp-size": [1, 2]},
             "optimization": {"objective": "maximize_throughput"},
             "runner": {"type": "docker", %s}}
            """
                .formatted(runner)));
  }

  @Test
  void readsTheImageTheClientItsArgumentsAndTheServer() {
    DockerSettings settings =
        parse(
                """
                "image": "lmsysorg/sglang:v0.5", "model": "Qwen/Qwen2.5-7B-Instruct",
                "docker": "/usr/local/bin/docker", "docker_args": ["--ipc=host", "--shm-size=16g"],
                "worker": "w1", "port": 30000, "env": {"HF_TOKEN": "t"}, "shutdown_grace": 5
                """)
            .settings();

    assertThat(settings.image()).isEqualTo("lmsysorg/sglang:v0.5");
    assertThat(settings.docker()).isEqualTo("/usr/local/bin/docker");
    assertThat(settings.runArguments()).containsExactly("--ipc=host", "--shm-size=16g");
    assertThat(settings.worker()).isEqualTo("w1");
    assertThat(settings.server().model()).hasValue("Qwen/Qwen2.5-7B-Instruct");
    assertThat(settings.server().port()).hasValue(30000);
    assertThat(settings.server().environment()).isEqualTo(Map.of("HF_TOKEN", "t"));
    assertThat(settings.server().command().parts()).isEqualTo(CommandTemplate.SGLANG);
  }

  @Test
  void badInputNamesItsJsonPath() {
    assertThatThrownBy(() -> parse("\"model\": \"m\""))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining("runner.image")
        .hasMessageContaining("is required");
    assertThatThrownBy(() -> parse("\"model\": \"m\", \"image\": \" \""))
        .hasMessageContaining("runner.image")
        .hasMessageContaining("non-empty");
    assertThatThrownBy(
            () -> parse("\"model\": \"m\", \"image\": \"i\", \"docker_args\": \"--ipc=host\""))
        .hasMessageContaining("runner.docker_args");
    assertThatThrownBy(() -> parse("\"model\": \"m\", \"image\": \"i\", \"host\": \"0.0.0.0\""))
        .hasMessageContaining("runner.host");
    assertThatThrownBy(() -> parse("\"model\": \"m\", \"image\": \"i\", \"worker\": \"\""))
        .hasMessageContaining("runner.worker");
  }

  @Test
  void theServerKeysAreTheLocalRunnersOnes() {
    DockerServerRunner runner =
        parse("\"image\": \"i\", \"runtime\": \"vllm\", \"model\": \"m\", \"uses_gpus\": false");

    assertThat(runner.settings().server().command().parts()).isEqualTo(CommandTemplate.VLLM);
    assertThat(runner.gpusFor(io.autotune.space.Configuration.of(Map.of("tp-size", 2)))).isZero();
    assertThat(runner.settings().runArguments()).isEqualTo(List.of());
  }
}
