package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autotune.InvalidTaskException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        .containsExactly(
            TrafficScenario.Synthetic.deterministic(100, 100),
            TrafficScenario.Synthetic.deterministic(1024, 256));
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
  void readsGenaiBenchsLengthDistributions() throws Exception {
    BenchmarkSpec spec =
        parse("{\"traffic_scenarios\": [\"N(480,240)/(300,150)\", \"U(50,100)/(200, 250)\"]}");

    assertThat(spec.scenarios())
        .containsExactly(
            new TrafficScenario.Synthetic(
                new LengthDistribution.Normal(480, 240), new LengthDistribution.Normal(300, 150)),
            new TrafficScenario.Synthetic(
                new LengthDistribution.Uniform(50, 100), new LengthDistribution.Uniform(200, 250)));
    assertThat(spec.scenarios())
        .extracting(Object::toString)
        .containsExactly("N(480,240)/(300,150)", "U(50,100)/(200,250)");
  }

  @Test
  void anUnknownScenarioNotationNamesItsIndex() throws Exception {
    assertThatThrownBy(() -> parse("{\"traffic_scenarios\": [\"D(1,1)\", \"Z(480,240)\"]}"))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageStartingWith(
            "benchmark.traffic_scenarios[1]: traffic scenario 'Z(480,240)' is not one of");
    assertThatThrownBy(() -> parse("{\"traffic_scenarios\": [\"U(100,50)/(1,2)\"]}"))
        .hasMessageStartingWith("benchmark.traffic_scenarios[0]:")
        .hasMessageContaining("max 50 is less than min 100");
    assertThat(
            parse("{\"tool\": \"genai-bench\", \"traffic_scenarios\": [\"I(512,512)\"]}")
                .trafficScenarios())
        .as("genai-bench knows notations of its own")
        .containsExactly("I(512,512)");
  }

  @Test
  void readsOpenLoopRatesAndTheirCap() throws Exception {
    BenchmarkSpec spec = parse("{\"request_rates\": [4, 1, 2.5], \"max_concurrency\": 64}");

    assertThat(spec.concurrency()).isEmpty();
    assertThat(spec.loads())
        .containsExactly(Load.requestRate(1), Load.requestRate(2.5), Load.requestRate(4));
    assertThat(spec.maxConcurrency()).hasValue(64);
  }

  @Test
  void levelsAreEitherClosedOrOpenLoop() {
    assertThatThrownBy(() -> parse("{\"request_rates\": [1], \"num_concurrency\": [2]}"))
        .hasMessage(
            "benchmark: give num_concurrency (closed loop) or request_rates (open loop), not both");
    assertThatThrownBy(() -> parse("{\"max_concurrency\": 8}"))
        .hasMessageContaining("max_concurrency caps an open loop");
    assertThatThrownBy(() -> parse("{\"request_rates\": [0]}"))
        .hasMessageContaining("request_rates values must be positive");
    assertThatThrownBy(() -> parse("{\"tool\": \"genai-bench\", \"request_rates\": [1]}"))
        .hasMessageContaining("need the built-in load generator");
  }

  @Test
  void readsTheGoodputSearch() throws Exception {
    BenchmarkSpec spec =
        parse(
            "{\"goodput\": {\"search\": \"concurrency\", \"start\": 4, \"max\": 256, \"max_runs\": 8}}");

    assertThat(spec.goodput())
        .hasValue(
            new GoodputOptions(
                Load.Arrival.CONCURRENCY, 4, java.util.OptionalDouble.of(256), 8, 0.99));
    assertThat(spec.loads()).isEmpty();
    assertThat(parse("{\"goodput\": {}}").goodput()).hasValue(GoodputOptions.overRequestRate());
    assertThatThrownBy(() -> parse("{\"goodput\": {}, \"num_concurrency\": [1]}"))
        .hasMessageContaining("goodput searches the load itself");
    assertThatThrownBy(() -> parse("{\"goodput\": {\"search\": \"qps\"}}"))
        .hasMessageStartingWith("benchmark.goodput.search: must be");
    assertThatThrownBy(() -> parse("{\"goodput\": {\"max_runs\": 1}}"))
        .hasMessageStartingWith("benchmark.goodput: goodput max_runs must be at least 2");
  }

  @Test
  void readsThePromptOptions() throws Exception {
    BenchmarkSpec spec =
        parse(
            "{\"prompt\": {\"format\": \"token_ids\", \"token_id_range\": [100, 5000],"
                + " \"prefix_len\": 64}}");

    assertThat(spec.prompt())
        .isEqualTo(new PromptOptions(PromptOptions.Format.TOKEN_IDS, 100, 5000, 64));
    assertThat(parse("{}").prompt()).isEqualTo(PromptOptions.defaults());
    assertThatThrownBy(() -> parse("{\"api\": \"chat\", \"prompt\": {\"format\": \"token_ids\"}}"))
        .hasMessageContaining("token_ids needs the completions api");
    assertThatThrownBy(() -> parse("{\"prompt\": {\"token_id_range\": [5000, 100]}}"))
        .hasMessageStartingWith("benchmark.prompt: token_id_range [5000, 100)");
    assertThatThrownBy(() -> parse("{\"prompt\": {\"format\": \"words\"}}"))
        .hasMessageStartingWith("benchmark.prompt.format: must be");
    assertThatThrownBy(() -> parse("{\"prompt\": {\"prefix\": 3}}"))
        .hasMessageStartingWith("benchmark.prompt.prefix: unknown key");
  }

  @Test
  void readsAShareGptDatasetBeforeAnyServerStarts(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("sharegpt.json");
    Files.writeString(
        file,
        "[{\"id\": \"a\", \"conversations\": [{\"from\": \"human\", \"value\": \"Why is the sky blue?\"},"
            + " {\"from\": \"gpt\", \"value\": \"Rayleigh scattering of sunlight.\"}]},"
            + " {\"id\": \"b\", \"conversations\": [{\"from\": \"human\", \"value\": \"alone\"}]}]");

    BenchmarkSpec spec = parse("{\"dataset\": {\"path\": \"" + file + "\"}}");

    assertThat(spec.trafficScenarios()).containsExactly("dataset");
    ShareGptDataset dataset = spec.dataset().orElseThrow();
    assertThat(dataset.entries())
        .as("a conversation without a reply is skipped; 32 characters make 8 tokens")
        .containsExactly(new ShareGptDataset.Entry("Why is the sky blue?", 8));
    assertThat(
            parse("{\"dataset\": {\"path\": \"" + file + "\", \"output_tokens\": 100}}")
                .dataset()
                .orElseThrow()
                .entries()
                .get(0)
                .outputTokens())
        .isEqualTo(100);
  }

  @Test
  void aMissingEmptyOrBrokenDatasetNamesItsPath(@TempDir Path folder) throws Exception {
    Path empty = Files.writeString(folder.resolve("empty.json"), "[]");
    Path broken = Files.writeString(folder.resolve("broken.json"), "[{\"conversations\": [");
    Path object = Files.writeString(folder.resolve("object.json"), "{\"a\": 1}");

    assertThatThrownBy(
            () -> parse("{\"dataset\": {\"path\": \"" + folder.resolve("nope.json") + "\"}}"))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageStartingWith("benchmark.dataset.path: cannot read")
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> parse("{\"dataset\": {\"path\": \"" + empty + "\"}}"))
        .hasMessageStartingWith("benchmark.dataset.path: " + empty + " holds no conversation");
    assertThatThrownBy(() -> parse("{\"dataset\": {\"path\": \"" + broken + "\"}}"))
        .hasMessageStartingWith("benchmark.dataset.path: cannot read " + broken);
    assertThatThrownBy(() -> parse("{\"dataset\": {\"path\": \"" + object + "\"}}"))
        .hasMessageStartingWith("benchmark.dataset.path: " + object + " is not a JSON array");
    assertThatThrownBy(() -> parse("{\"dataset\": {}}"))
        .hasMessageStartingWith("benchmark.dataset.path: is required");
    assertThatThrownBy(() -> parse("{\"traffic_scenarios\": [\"dataset\"]}"))
        .hasMessageContaining("the traffic scenario \"dataset\" needs a dataset");
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
