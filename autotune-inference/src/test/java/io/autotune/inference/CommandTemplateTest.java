package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.space.Configuration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {

  @Test
  void theConfigurationBecomesFlagsTrueBareFalseOmittedOthersWithTheirValue() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("tp-size", 2);
    values.put("mem-fraction-static", 0.85);
    values.put("enable-torch-compile", true);
    values.put("disable-radix-cache", false);
    values.put("schedule-policy", "lpm");

    assertThat(CommandTemplate.flags(Configuration.of(values)))
        .containsExactly(
            "--tp-size",
            "2",
            "--mem-fraction-static",
            "0.85",
            "--enable-torch-compile",
            "--schedule-policy",
            "lpm");
  }

  @Test
  void theRuntimeTemplatesFillInModelHostAndPort() {
    CommandTemplate sglang = CommandTemplate.forRuntime("sglang").orElseThrow();
    CommandTemplate vllm = CommandTemplate.forRuntime("vLLM").orElseThrow();
    Map<String, String> values =
        Map.of("model", "/models/qwen", "host", "127.0.0.1", "port", "30001");
    Configuration configuration = Configuration.of(Map.of("tp-size", 2));

    assertThat(String.join(" ", sglang.render(values, configuration)))
        .isEqualTo(
            "python3 -m sglang.launch_server --model-path /models/qwen --host 127.0.0.1 --port 30001"
                + " --tp-size 2");
    assertThat(String.join(" ", vllm.render(values, configuration)))
        .isEqualTo("vllm serve /models/qwen --host 127.0.0.1 --port 30001 --tp-size 2");
    assertThat(CommandTemplate.forRuntime("tgi")).isEmpty();
  }
}
