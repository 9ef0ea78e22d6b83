package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.InvalidTaskException;
import io.autotune.model.TaskJson;
import io.autotune.space.Configuration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Task files whose benchmark section is valid alone but not with the rest of the task. */
class LocalServerRunnerJsonTest {

  private static String task(String slo) {
    return """
        {"task_name": "t", "parameters": {"x": [1, 2]},
         "optimization": {"objective": "maximize_goodput"},
         "runner": {"type": "local-server", "command": ["server", "--port", "{port}"]},
         "benchmark": {"goodput": {"search": "request_rate"}}%s}
        """
        .formatted(slo);
  }

  @Test
  void aGoodputSearchWithoutSlosFailsTheTaskBeforeAnyServerStarts() {
    assertThatThrownBy(() -> LocalServerRunner.fromTask(TaskJson.parse(task(""))))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining("benchmark.goodput")
        .hasMessageContaining("no slo");
  }

  @Test
  void aGoodputSearchWithAnSloBuildsItsRunner() {
    String slo = ", \"slo\": {\"ttft_p90\": {\"threshold\": 0.2}}";
    assertThat(LocalServerRunner.fromTask(TaskJson.parse(task(slo)))).isNotNull();
  }

  private static String booleanTask(String runner) {
    return """
        {"task_name": "t", "parameters": {"enable-prefix-caching": [true, false]},
         "optimization": {"objective": "maximize_throughput"},
         "runner": {"type": "local-server", %s, "model": "m"}}
        """
        .formatted(runner);
  }

  private static String commandLine(String runner, boolean value) {
    LocalServerRunner built = LocalServerRunner.fromTask(TaskJson.parse(booleanTask(runner)));
    return String.join(
        " ",
        built
            .settings()
            .command()
            .render(
                Map.of("model", "m", "host", "h", "port", "1"),
                Configuration.of(Map.of("enable-prefix-caching", value))));
  }

  @Test
  void vllmNegatesFalseBooleanFlagsAndSglangLeavesThemOut() {
    assertThat(commandLine("\"runtime\": \"vllm\"", false))
        .endsWith("--port 1 --no-enable-prefix-caching");
    assertThat(commandLine("\"runtime\": \"vllm\"", true))
        .endsWith("--port 1 --enable-prefix-caching");
    assertThat(commandLine("\"runtime\": \"sglang\"", false)).endsWith("--port 1");
    assertThat(commandLine("\"command\": [\"srv\", \"--port\", \"{port}\"]", false))
        .isEqualTo("srv --port 1");
  }

  @Test
  void booleanFlagsInTheRunnerOverrideTheRuntimesWay() {
    assertThat(commandLine("\"runtime\": \"sglang\", \"boolean_flags\": \"negated\"", false))
        .endsWith("--port 1 --no-enable-prefix-caching");
    assertThat(commandLine("\"runtime\": \"vllm\", \"boolean_flags\": \"presence\"", false))
        .endsWith("--port 1");
    assertThat(commandLine("\"runtime\": \"vllm\", \"boolean_flags\": \"value\"", false))
        .endsWith("--port 1 --enable-prefix-caching=false");
  }

  @Test
  void anUnknownBooleanFlagsValueFailsTheTaskNamingItsPath() {
    String task = booleanTask("\"runtime\": \"vllm\", \"boolean_flags\": \"negate\"");
    assertThatThrownBy(() -> LocalServerRunner.fromTask(TaskJson.parse(task)))
        .isInstanceOfSatisfying(
            InvalidTaskException.class, e -> assertThat(e.path()).isEqualTo("runner.boolean_flags"))
        .hasMessageContaining("\"negate\"")
        .hasMessageContaining("\"presence\", \"negated\" or \"value\"");
    String notText = booleanTask("\"runtime\": \"vllm\", \"boolean_flags\": true");
    assertThatThrownBy(() -> LocalServerRunner.fromTask(TaskJson.parse(notText)))
        .isInstanceOfSatisfying(
            InvalidTaskException.class,
            e -> assertThat(e.path()).isEqualTo("runner.boolean_flags"));
  }
}
