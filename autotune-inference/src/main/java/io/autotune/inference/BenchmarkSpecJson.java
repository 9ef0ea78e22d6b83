package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autotune.InvalidTaskException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the task JSON's {@code benchmark} section into a {@link BenchmarkSpec}. */
final class BenchmarkSpecJson {

  private static final Set<String> KEYS =
      Set.of(
          "tool",
          "api",
          "model_name",
          "traffic_scenarios",
          "num_concurrency",
          "warmup_requests",
          "max_time_per_iteration",
          "max_requests_per_iteration",
          "request_timeout",
          "additional_params",
          "genai_bench_path",
          "task",
          "model_tokenizer");

  private BenchmarkSpecJson() {}

  static BenchmarkSpec parse(JsonNode section, String path) {
    JsonFields fields = new JsonFields(section, path);
    fields.onlyKnown(KEYS);
    BenchmarkSpec defaults = BenchmarkSpec.defaults();
    BenchmarkSpec.GenaiBenchOptions genai = BenchmarkSpec.GenaiBenchOptions.defaults();
    try {
      return new BenchmarkSpec(
          fields.text("tool").map(tool -> tool(fields, tool)).orElse(defaults.tool()),
          fields.text("api").map(api -> api(fields, api)).orElse(defaults.api()),
          fields.text("model_name"),
          fields.texts("traffic_scenarios").orElse(defaults.trafficScenarios()),
          fields.integers("num_concurrency").orElse(defaults.concurrency()),
          fields.integer("warmup_requests").orElse(defaults.warmupRequests()),
          fields
              .number("max_time_per_iteration")
              .map(JsonFields::seconds)
              .orElse(defaults.maxTimePerLevel()),
          fields.integer("max_requests_per_iteration").orElse(defaults.maxRequestsPerLevel()),
          fields
              .number("request_timeout")
              .map(JsonFields::seconds)
              .orElse(defaults.requestTimeout()),
          additionalParams(fields),
          new BenchmarkSpec.GenaiBenchOptions(
              fields.text("genai_bench_path").orElse(genai.command()),
              fields.text("task").orElse(genai.task()),
              fields.text("model_tokenizer").orElse(genai.tokenizer())));
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskException(path, e.getMessage());
    }
  }

  private static BenchmarkSpec.Tool tool(JsonFields fields, String tool) {
    return switch (tool.toLowerCase(Locale.ROOT)) {
      case "builtin", "built-in" -> BenchmarkSpec.Tool.BUILTIN;
      case "genai-bench", "genai_bench" -> BenchmarkSpec.Tool.GENAI_BENCH;
      default ->
          throw fields.invalid(
              "tool", "must be \"builtin\" or \"genai-bench\", but was \"" + tool + "\"");
    };
  }

  private static BenchmarkSpec.Api api(JsonFields fields, String api) {
    return switch (api.toLowerCase(Locale.ROOT)) {
      case "completions" -> BenchmarkSpec.Api.COMPLETIONS;
      case "chat", "chat/completions" -> BenchmarkSpec.Api.CHAT;
      default ->
          throw fields.invalid(
              "api", "must be \"completions\" or \"chat\", but was \"" + api + "\"");
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> additionalParams(JsonFields fields) {
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
