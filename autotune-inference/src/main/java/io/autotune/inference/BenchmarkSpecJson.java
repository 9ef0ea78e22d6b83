package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Reads the task JSON's {@code benchmark} section into a {@link BenchmarkSpec}. */
final class BenchmarkSpecJson {

  private static final Set<String> KEYS =
      Set.of(
          "tool",
          "api",
          "model_name",
          "traffic_scenarios",
          "dataset",
          "prompt",
          "num_concurrency",
          "request_rates",
          "max_concurrency",
          "goodput",
          "warmup_requests",
          "max_time_per_iteration",
          "max_requests_per_iteration",
          "request_timeout",
          "seed",
          "additional_params",
          "genai_bench_path",
          "task",
          "model_tokenizer");

  private BenchmarkSpecJson() {}

  static BenchmarkSpec parse(JsonNode section, String path) {
    Json.Fields fields = Json.fields(section, path);
    fields.onlyKnown(KEYS);
    BenchmarkSpec defaults = BenchmarkSpec.defaults();
    BenchmarkSpec.Builder builder = BenchmarkSpec.builder();
    fields.text("tool").map(tool -> tool(fields, tool)).ifPresent(builder::tool);
    fields.text("api").map(api -> api(fields, api)).ifPresent(builder::api);
    fields.text("model_name").ifPresent(builder::modelName);
    boolean builtin =
        fields.text("tool").map(tool -> tool(fields, tool)).orElse(defaults.tool())
            == BenchmarkSpec.Tool.BUILTIN;
    fields
        .texts("traffic_scenarios")
        .ifPresent(s -> builder.trafficScenarios(scenarios(s, builtin, path)));
    fields
        .node("dataset")
        .map(node -> dataset(node, path + ".dataset"))
        .ifPresent(builder::dataset);
    if (fields.node("dataset").isPresent() && fields.node("traffic_scenarios").isEmpty()) {
      builder.trafficScenarios(List.of(TrafficScenario.DATASET));
    }
    fields
        .node("prompt")
        .map(node -> PromptJson.parse(node, path + ".prompt"))
        .ifPresent(builder::prompt);
    fields.integers("num_concurrency").ifPresent(builder::concurrency);
    fields.numbers("request_rates").ifPresent(builder::requestRates);
    fields.integer("max_concurrency").ifPresent(builder::maxConcurrency);
    fields
        .node("goodput")
        .map(node -> GoodputJson.parse(node, path + ".goodput"))
        .ifPresent(builder::goodput);
    fields.integer("seed").ifPresent(builder::seed);
    BenchmarkSpec.GenaiBenchOptions genai = BenchmarkSpec.GenaiBenchOptions.defaults();
    try {
      builder
          .warmupRequests(fields.integer("warmup_requests").orElse(defaults.warmupRequests()))
          .levelBounds(
              fields
                  .number("max_time_per_iteration")
                  .map(Json::seconds)
                  .orElse(defaults.maxTimePerLevel()),
              fields.integer("max_requests_per_iteration").orElse(defaults.maxRequestsPerLevel()))
          .requestTimeout(
              fields.number("request_timeout").map(Json::seconds).orElse(defaults.requestTimeout()))
          .additionalParams(additionalParams(fields))
          .genaiBench(
              new BenchmarkSpec.GenaiBenchOptions(
                  fields.text("genai_bench_path").orElse(genai.command()),
                  fields.text("task").orElse(genai.task()),
                  fields.text("model_tokenizer").orElse(genai.tokenizer())));
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskException(path, e.getMessage());
    }
  }

  /** Checks each scenario where it stands, so that the error names its index. */
  private static List<String> scenarios(List<String> scenarios, boolean builtin, String path) {
    for (int i = 0; builtin && i < scenarios.size(); i++) {
      try {
        TrafficScenario.parse(scenarios.get(i));
      } catch (IllegalArgumentException e) {
        throw new InvalidTaskException(path + ".traffic_scenarios[" + i + "]", e.getMessage());
      }
    }
    return scenarios;
  }

  private static ShareGptDataset dataset(JsonNode node, String path) {
    Json.Fields fields = Json.fields(node, path);
    fields.onlyKnown(Set.of("path", "format", "output_tokens"));
    fields
        .text("format")
        .filter(format -> !format.equalsIgnoreCase("sharegpt"))
        .ifPresent(
            format -> {
              throw fields.invalid("format", "must be \"sharegpt\", but was \"" + format + "\"");
            });
    String file =
        fields
            .text("path")
            .orElseThrow(() -> fields.invalid("path", "is required: the dataset file"));
    OptionalInt outputTokens =
        fields.integer("output_tokens").map(OptionalInt::of).orElse(OptionalInt.empty());
    try {
      return ShareGptDataset.load(Path.of(file), outputTokens);
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskException(path + ".path", e.getMessage());
    }
  }

  private static BenchmarkSpec.Tool tool(Json.Fields fields, String tool) {
    return switch (tool.toLowerCase(Locale.ROOT)) {
      case "builtin", "built-in" -> BenchmarkSpec.Tool.BUILTIN;
      case "genai-bench", "genai_bench" -> BenchmarkSpec.Tool.GENAI_BENCH;
      default ->
          throw fields.invalid(
              "tool", "must be \"builtin\" or \"genai-bench\", but was \"" + tool + "\"");
    };
  }

  private static BenchmarkSpec.Api api(Json.Fields fields, String api) {
    return switch (api.toLowerCase(Locale.ROOT)) {
      case "completions" -> BenchmarkSpec.Api.COMPLETIONS;
      case "chat", "chat/completions" -> BenchmarkSpec.Api.CHAT;
      default ->
          throw fields.invalid(
              "api", "must be \"completions\" or \"chat\", but was \"" + api + "\"");
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> additionalParams(Json.Fields fields) {
    return fields
        .node("additional_params")
        .map(
            node -> {
              if (!node.isObject()) {
                throw fields.invalid("additional_params", "must be an object, but was " + node);
              }
              return (Map<String, Object>) new ObjectMapper().convertValue(node, Map.class);
            })
        .orElse(Map.of());
  }
}
