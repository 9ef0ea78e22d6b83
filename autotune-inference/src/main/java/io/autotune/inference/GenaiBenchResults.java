package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autotune.AutotuneException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads genai-bench's per-run result files (one JSON file per scenario and concurrency, e.g. {@code
 * D100_100_text-to-text_num_concurrency_8_time_30s.json}, each with an {@code aggregated_metrics}
 * object) into {@link LevelResult}s. Latencies are converted to seconds when the file says {@code
 * "_time_unit": "ms"}. Stateless; thread-safe.
 */
public final class GenaiBenchResults {

  private static final ObjectMapper JSON = new ObjectMapper();

  private GenaiBenchResults() {}

  /** The levels found in {@code directory} (searched recursively), by scenario and concurrency. */
  public static List<LevelResult> read(Path directory) {
    List<LevelResult> levels = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(GenaiBenchResults::isRunFile).sorted().toList()) {
        JsonNode root = JSON.readTree(file.toFile());
        if (root.has("aggregated_metrics")) {
          levels.add(parse(root));
        }
      }
    } catch (IOException e) {
      throw new AutotuneException(
          "could not read genai-bench results in " + directory + ": " + e.getMessage(), e);
    }
    levels.sort(Comparator.comparing(LevelResult::scenario).thenComparing(LevelResult::load));
    return levels;
  }

  /** One result file's {@code aggregated_metrics} as a level. */
  static LevelResult parse(JsonNode root) {
    JsonNode agg = root.get("aggregated_metrics");
    String unit = root.path("_time_unit").asText(agg.path("_time_unit").asText("s"));
    double toSeconds = unit.equals("ms") ? 1e-3 : 1.0;
    JsonNode stats = agg.path("stats");
    int errors = agg.path("num_error_requests").asInt(0);
    int completed = agg.path("num_completed_requests").asInt(0);
    int requests = Math.max(agg.path("num_requests").asInt(0), completed + errors);
    return new LevelResult(
        agg.path("scenario").asText("unknown"),
        Load.concurrency(Math.max(1, agg.path("num_concurrency").asInt(1))),
        requests,
        errors,
        agg.path("run_duration").asDouble(Double.NaN),
        summary(stats.path("ttft"), toSeconds),
        summary(stats.path("tpot"), toSeconds),
        summary(stats.path("e2e_latency"), toSeconds),
        agg.path("mean_output_throughput_tokens_per_s").asDouble(Double.NaN),
        agg.path("mean_total_tokens_throughput_tokens_per_s").asDouble(Double.NaN),
        agg.path("requests_per_second").asDouble(Double.NaN),
        stats.path("num_input_tokens").path("mean").asDouble(Double.NaN),
        stats.path("num_output_tokens").path("mean").asDouble(Double.NaN),
        errors == 0
            ? List.of()
            : List.of(
                "genai-bench counted "
                    + errors
                    + " failed requests: "
                    + agg.path("error_codes_frequency")),
        Optional.empty());
  }

  private static Summary summary(JsonNode stat, double toSeconds) {
    if (!stat.isObject() || !stat.has("mean")) {
      return Summary.EMPTY;
    }
    return new Summary(
        stat.path("mean").asDouble(Double.NaN) * toSeconds,
        stat.path("p50").asDouble(Double.NaN) * toSeconds,
        stat.path("p90").asDouble(Double.NaN) * toSeconds,
        stat.path("p99").asDouble(Double.NaN) * toSeconds);
  }

  private static boolean isRunFile(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file)
        && name.endsWith(".json")
        && !name.startsWith("experiment_metadata")
        && !name.startsWith("gpu_utilization");
  }
}
