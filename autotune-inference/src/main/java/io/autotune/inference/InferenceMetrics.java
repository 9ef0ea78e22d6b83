package io.autotune.inference;

import io.autotune.AutotuneException;
import io.autotune.model.Slo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The metrics the local-server runner reports, and how levels are aggregated. Latencies are in
 * seconds, throughputs in tokens per second. Stateless; thread-safe.
 *
 * <p>Per level and aggregated: {@code throughput} (total tokens/s per GPU, the objective of {@code
 * maximize_throughput}), {@code total_throughput}, {@code output_throughput}, {@code
 * total_throughput_per_gpu}, {@code output_throughput_per_gpu}, {@code request_throughput}, {@code
 * latency} (mean end-to-end), {@code latency_p50/p90/p99}, {@code ttft}, {@code ttft_p50/p90/p99},
 * {@code tpot}, {@code tpot_p50/p90/p99}, {@code requests}, {@code errors}, {@code success_rate},
 * {@code mean_input_tokens}, {@code mean_output_tokens} (as the server counted them). Aggregated
 * only: {@code max_total_throughput}, {@code levels}, {@code levels_kept}, {@code gpus}; a goodput
 * search adds {@code goodput}, {@code goodput_throughput_per_gpu}, {@code
 * goodput_output_throughput_per_gpu} and {@code goodput_load} ({@link #goodput}).
 *
 * <p>Aggregation follows the predecessor: a level that breaks a hard SLO (by more than its fail
 * ratio, or stopped early on the evidence that it would) is left out; if every level breaks one,
 * all are kept and the objective's penalty applies. Latencies and throughputs are the means over
 * the kept levels that had a successful request; request counts are sums over the kept levels.
 */
public final class InferenceMetrics {

  public static final String THROUGHPUT = "throughput";
  public static final String TOTAL_THROUGHPUT = "total_throughput";
  public static final String OUTPUT_THROUGHPUT = "output_throughput";
  public static final String TOTAL_THROUGHPUT_PER_GPU = "total_throughput_per_gpu";
  public static final String OUTPUT_THROUGHPUT_PER_GPU = "output_throughput_per_gpu";
  public static final String MAX_TOTAL_THROUGHPUT = "max_total_throughput";
  public static final String REQUEST_THROUGHPUT = "request_throughput";
  public static final String LATENCY = "latency";
  public static final String TTFT = "ttft";
  public static final String TPOT = "tpot";
  public static final String REQUESTS = "requests";
  public static final String ERRORS = "errors";
  public static final String SUCCESS_RATE = "success_rate";
  public static final String LEVELS = "levels";
  public static final String LEVELS_KEPT = "levels_kept";
  public static final String GPUS = "gpus";
  public static final String MEAN_INPUT_TOKENS = "mean_input_tokens";
  public static final String MEAN_OUTPUT_TOKENS = "mean_output_tokens";
  public static final String GOODPUT = "goodput";
  public static final String GOODPUT_THROUGHPUT_PER_GPU = "goodput_throughput_per_gpu";
  public static final String GOODPUT_OUTPUT_THROUGHPUT_PER_GPU =
      "goodput_output_throughput_per_gpu";
  public static final String GOODPUT_LOAD = "goodput_load";

  private InferenceMetrics() {}

  /** One level's metrics, under the same names as the aggregate; NaN values are left out. */
  public static Map<String, Double> ofLevel(LevelResult level, int gpus) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    put(metrics, TOTAL_THROUGHPUT, level.totalThroughput());
    put(metrics, OUTPUT_THROUGHPUT, level.outputThroughput());
    put(metrics, TOTAL_THROUGHPUT_PER_GPU, level.totalThroughput() / gpus);
    put(metrics, OUTPUT_THROUGHPUT_PER_GPU, level.outputThroughput() / gpus);
    put(metrics, THROUGHPUT, throughput(metrics, level.totalThroughput() / gpus));
    put(metrics, REQUEST_THROUGHPUT, level.requestThroughput());
    putSummary(metrics, LATENCY, level.latency());
    putSummary(metrics, TTFT, level.ttft());
    putSummary(metrics, TPOT, level.tpot());
    put(metrics, REQUESTS, level.requests());
    put(metrics, ERRORS, level.errors());
    put(metrics, SUCCESS_RATE, level.successRate());
    put(metrics, MEAN_INPUT_TOKENS, level.meanInputTokens());
    put(metrics, MEAN_OUTPUT_TOKENS, level.meanOutputTokens());
    return metrics;
  }

  /**
   * Aggregates the levels of one experiment for an objective with these SLOs.
   *
   * @throws AutotuneException when no level had a single successful request
   */
  public static Map<String, Double> aggregate(List<LevelResult> levels, int gpus, List<Slo> slos) {
    if (gpus < 1) {
      throw new IllegalArgumentException("gpus must be at least 1, but was " + gpus);
    }
    if (levels.stream().allMatch(level -> level.successes() == 0)) {
      throw new AutotuneException(noSuccessMessage(levels));
    }
    List<LevelResult> kept = new ArrayList<>();
    for (LevelResult level : levels) {
      if (level.stoppedEarly().isEmpty() && !breaksHardSlo(ofLevel(level, gpus), slos)) {
        kept.add(level);
      }
    }
    if (kept.isEmpty()) {
      kept = levels; // all break a hard SLO: keep all and let the penalty speak
    }
    return aggregateKept(kept, levels.size(), gpus);
  }

  /**
   * The metrics of a goodput search: those of each scenario's highest load that met every SLO (its
   * lightest run if none did), averaged over the scenarios as levels are, plus {@code goodput}
   * (successful requests/s at that load; 0 if no load met the SLOs), {@code
   * goodput_throughput_per_gpu} and {@code goodput_output_throughput_per_gpu} (tokens/s per GPU at
   * that load; 0 likewise) and {@code goodput_load} (the concurrency or request rate; 0 likewise).
   *
   * @throws AutotuneException when no run had a single successful request
   */
  public static Map<String, Double> goodput(List<GoodputResult> results, int gpus) {
    List<LevelResult> runs = results.stream().flatMap(r -> r.runs().stream()).toList();
    if (runs.isEmpty() || runs.stream().allMatch(level -> level.successes() == 0)) {
      throw new AutotuneException(noSuccessMessage(runs));
    }
    List<LevelResult> chosen =
        results.stream()
            .map(
                r ->
                    r.best()
                        .orElse(
                            r.runs().stream()
                                .min(Comparator.comparing(LevelResult::load))
                                .orElseThrow()))
            .toList();
    Map<String, Double> metrics = aggregateKept(chosen, runs.size(), gpus);
    put(metrics, LEVELS_KEPT, results.stream().filter(r -> r.best().isPresent()).count());
    put(metrics, GOODPUT, meanOverBest(results, LevelResult::requestThroughput));
    put(
        metrics,
        GOODPUT_THROUGHPUT_PER_GPU,
        meanOverBest(results, l -> l.totalThroughput() / gpus));
    put(
        metrics,
        GOODPUT_OUTPUT_THROUGHPUT_PER_GPU,
        meanOverBest(results, l -> l.outputThroughput() / gpus));
    put(metrics, GOODPUT_LOAD, meanOverBest(results, l -> l.load().value()));
    return metrics;
  }

  private static double meanOverBest(
      List<GoodputResult> results, ToDoubleFunction<LevelResult> value) {
    return results.stream()
        .mapToDouble(r -> r.best().map(value::applyAsDouble).orElse(0.0))
        .average()
        .orElse(0);
  }

  /** Whether these metrics exceed a hard SLO's threshold by more than its fail ratio. */
  public static boolean breaksHardSlo(Map<String, Double> metrics, List<Slo> slos) {
    for (Slo slo : slos) {
      Double actual = metrics.get(slo.metric());
      if (slo.hardFail() && actual != null && slo.ratio(actual) > slo.failRatio()) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Double> aggregateKept(List<LevelResult> kept, int total, int gpus) {
    List<Map<String, Double>> measured =
        kept.stream().filter(l -> l.successes() > 0).map(l -> ofLevel(l, gpus)).toList();
    Map<String, Double> metrics = new LinkedHashMap<>();
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    measured.forEach(level -> names.addAll(level.keySet()));
    for (String name : names) {
      put(metrics, name, mean(measured, name));
    }
    double maxTotal = max(kept, LevelResult::totalThroughput);
    put(metrics, MAX_TOTAL_THROUGHPUT, maxTotal);
    put(metrics, THROUGHPUT, throughput(metrics, maxTotal / gpus));
    int requests = kept.stream().mapToInt(LevelResult::requests).sum();
    int errors = kept.stream().mapToInt(LevelResult::errors).sum();
    put(metrics, REQUESTS, requests);
    put(metrics, ERRORS, errors);
    put(metrics, SUCCESS_RATE, requests == 0 ? 0 : (double) (requests - errors) / requests);
    put(metrics, LEVELS, total);
    put(metrics, LEVELS_KEPT, kept.size());
    put(metrics, GPUS, gpus);
    return metrics;
  }

  /**
   * The predecessor's fallbacks for {@code maximize_throughput}: total tokens/s per GPU, else
   * output tokens/s per GPU, else the best level's total per GPU.
   */
  private static double throughput(Map<String, Double> metrics, double lastResort) {
    for (String name : List.of(TOTAL_THROUGHPUT_PER_GPU, OUTPUT_THROUGHPUT_PER_GPU)) {
      Double value = metrics.get(name);
      if (value != null && value > 0) {
        return value;
      }
    }
    return lastResort;
  }

  private static String noSuccessMessage(List<LevelResult> levels) {
    List<String> stops =
        levels.stream().flatMap(l -> l.stoppedEarly().stream()).distinct().toList();
    if (!stops.isEmpty()) {
      return "the benchmark had no successful request: every level was stopped early; "
          + String.join(" | ", stops);
    }
    int requests = levels.stream().mapToInt(LevelResult::requests).sum();
    List<String> examples =
        levels.stream().flatMap(l -> l.errorExamples().stream()).distinct().limit(3).toList();
    return "the benchmark had no successful request ("
        + requests
        + " sent"
        + (examples.isEmpty() ? ")" : "); errors: " + String.join(" | ", examples));
  }

  private static double mean(List<Map<String, Double>> levels, String name) {
    return levels.stream()
        .map(m -> m.get(name))
        .filter(v -> v != null)
        .mapToDouble(Double::doubleValue)
        .average()
        .orElse(Double.NaN);
  }

  private static double max(List<LevelResult> levels, ToDoubleFunction<LevelResult> value) {
    return levels.stream().mapToDouble(value).filter(Double::isFinite).max().orElse(Double.NaN);
  }

  private static void putSummary(Map<String, Double> metrics, String name, Summary summary) {
    put(metrics, name, summary.mean());
    put(metrics, name + "_p50", summary.p50());
    put(metrics, name + "_p90", summary.p90());
    put(metrics, name + "_p99", summary.p99());
  }

  private static void put(Map<String, Double> metrics, String name, double value) {
    if (Double.isFinite(value)) {
      metrics.put(name, value);
    } else {
      metrics.remove(name);
    }
  }
}
