package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autotune.InvalidTaskException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkSpecJsonTest {

  private static BenchmarkSpec parse(String json) throws Exception {
    return BenchmarkSpec.fromJson(new ObjectMapper().readTree(json));
  }

  @Test
  void readsThePredecessorsBenchmarkSection() throws Exception {
    BenchmarkSpec spec =
        parse(
            "{\"traffic_scenarios\": [\"D(100,100)\", \"D(1024,256)\"],"
                + " \"num_concurrency\": [1, 8, 32], \"max_time_per_iteration\": 45,"
                + " \"max_requests_per_iteration\": 120, \"model_name\": \"qwen\", \"api\": \"chat\","
                + " \"additional_params\": {\"temperature\": 0.7}}");

    assertThat(spec.scenarios())
        .containsExactly(new TrafficScenario(100, 100), new TrafficScenario(1024, 256));
    assertThat(spec.concurrency()).containsExactly(1, 8, 32);
    assertThat(spec.maxTimePerLevel()).isEqualTo(Duration.ofSeconds(45));
    assertThat(spec.maxRequestsPerLevel()).isEqualTo(120);
    assertThat(spec.modelName()).hasValue("qwen");
    assertThat(spec.api()).isEqualTo(BenchmarkSpec.Api.CHAT);
    assertThat(spec.additionalParams()).containsEntry("temperature", 0.7);
    assertThat(spec.tool()).isEqualTo(BenchmarkSpec.Tool.BUILTIN);
  }

  @Test
  void anEmptySectionMeansTheDefaults() throws Exception {
    assertThat(parse("{}")).isEqualTo(BenchmarkSpec.defaults());
  }

  @Test
  void mistakesNameTheirJsonPath() {
    assertThatThrownBy(() -> parse("{\"num_concurency\": [1]}"))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageStartingWith("benchmark.num_concurency: unknown key");
    assertThatThrownBy(() -> parse("{\"num_concurrency\": [0]}"))
        .hasMessageContaining("num_concurrency values must be at least 1, but one was 0");
    assertThatThrownBy(() -> parse("{\"num_concurrency\": \"8\"}"))
        .hasMessageStartingWith("benchmark.num_concurrency: must be a list");
    assertThatThrownBy(() -> parse("{\"tool\": \"locust\"}"))
        .hasMessageStartingWith("benchmark.tool: must be \"builtin\" or \"genai-bench\"");
  }

  @Test
  void onlyGenaiBenchTakesScenariosOtherThanDeterministicOnes() throws Exception {
    assertThatThrownBy(() -> parse("{\"traffic_scenarios\": [\"N(480,240)/(300,150)\"]}"))
        .hasMessageContaining("is not of the form D(in,out)");
    assertThat(
            parse("{\"tool\": \"genai-bench\", \"traffic_scenarios\": [\"N(480,240)/(300,150)\"]}")
                .trafficScenarios())
        .containsExactly("N(480,240)/(300,150)");
  }

  @Test
  void genaiBenchGetsThePredecessorsCommandLine() throws Exception {
    BenchmarkSpec spec =
        parse(
            "{\"tool\": \"genai-bench\", \"traffic_scenarios\": [\"D(100,100)\"],"
                + " \"num_concurrency\": [1, 8], \"max_time_per_iteration\": 90}");

    List<String> command =
        GenaiBenchTool.command(
            "/opt/genai-bench",
            java.net.URI.create("http://127.0.0.1:30000/"),
            "qwen",
            spec,
            java.nio.file.Path.of("/tmp/exp-3/genai-bench"));

    assertThat(String.join(" ", command))
        .isEqualTo(
            "/opt/genai-bench benchmark"
                + " --api-backend openai --api-base http://127.0.0.1:30000 --api-key dummy"
                + " --task text-to-text --experiment-base-dir /tmp/exp-3"
                + " --experiment-folder-name genai-bench --api-model-name qwen --model-tokenizer gpt2"
                + " --traffic-scenario D(100,100) --num-concurrency 1 --num-concurrency 8"
                + " --max-time-per-run 2 --max-requests-per-run 50");
  }
}
