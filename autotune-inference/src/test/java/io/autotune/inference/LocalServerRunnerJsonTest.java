package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.InvalidTaskException;
import io.autotune.model.TaskJson;
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
}
