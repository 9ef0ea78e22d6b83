package io.autotune.dashboard;

import io.autotune.model.Assessment;
import io.autotune.model.Experiment;
import io.autotune.model.Slo;
import io.autotune.model.TaskSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer of {@code api/tasks/{id}/experiments/{number}}: one experiment in full. Its metrics
 * split into the runner's own and the GPU summaries the tuning loop adds ({@code gpu_util_mean},
 * {@code gpu0_mem_used_max_mib} ...: the store keeps these summaries of the samples, not the
 * samples themselves), each constraint with its threshold, actual value and slack, the time spent
 * deploying and benchmarking, and the error split into its first line and the log tail the runners
 * append below it (the last lines of the server's log or of the command's stderr and stdout).
 */
final class ExperimentDetail {
  private static final Pattern PER_GPU = Pattern.compile("gpu(\\d+)_(.+)");

  private ExperimentDetail() {}

  record View(
      String timestamp,
      String taskId,
      String taskName,
      TaskViews.ExperimentView experiment,
      Double deployingSeconds,
      Double benchmarkingSeconds,
      String benchmarkingAt,
      List<ConstraintCheck> constraints,
      Map<String, Double> runnerMetrics,
      Map<String, Double> gpuSummary,
      List<GpuView> perGpu,
      String errorMessage,
      String logTail) {}

  /** A constraint as this experiment met or broke it; actual and slack null unless it succeeded. */
  record ConstraintCheck(
      String metric, double threshold, Double actual, Double slack, Boolean met) {}

  /** One GPU's summary metrics (util_mean, mem_used_max_mib, power_mean_w ...). */
  record GpuView(int index, Map<String, Double> metrics) {}

  static View of(TaskLog log, TaskViews.ExperimentView view, Experiment e, Instant now) {
    Map<String, Double> runner = new TreeMap<>();
    Map<String, Double> summary = new TreeMap<>();
    Map<Integer, Map<String, Double>> perGpu = new TreeMap<>();
    e.metrics()
        .forEach(
            (name, value) -> {
              Matcher m = PER_GPU.matcher(name);
              if (m.matches()) {
                perGpu
                    .computeIfAbsent(Integer.parseInt(m.group(1)), i -> new TreeMap<>())
                    .put(m.group(2), value);
              } else if (name.startsWith("gpu_")) {
                summary.put(name.substring("gpu_".length()), value);
              } else {
                runner.put(name, value);
              }
            });
    Optional<String> error = e.error();
    return new View(
        Json.time(now),
        log.task().id(),
        log.task().name(),
        view,
        e.benchmarkingAt().map(b -> seconds(TaskLog.start(e), b)).orElse(null),
        e.benchmarkingAt().map(b -> seconds(b, TaskLog.end(e, now))).orElse(null),
        Json.time(e.benchmarkingAt()),
        constraints(log.task().spec(), e),
        runner,
        summary,
        perGpu.entrySet().stream().map(g -> new GpuView(g.getKey(), g.getValue())).toList(),
        error.map(ExperimentDetail::firstLine).orElse(null),
        error.flatMap(ExperimentDetail::afterFirstLine).orElse(null));
  }

  private static List<ConstraintCheck> constraints(TaskSpec spec, Experiment e) {
    Optional<Assessment> a = spec.assess(e);
    List<Slo> slos = spec.constraints();
    List<ConstraintCheck> checks = new ArrayList<>();
    for (int i = 0; i < slos.size(); i++) {
      Slo c = slos.get(i);
      Double slack = a.isPresent() ? a.get().slack().get(i) : null;
      checks.add(
          new ConstraintCheck(
              c.metric(),
              c.threshold(),
              a.isPresent() ? e.metrics().get(c.metric()) : null,
              slack,
              slack == null ? null : slack >= 0));
    }
    return checks;
  }

  static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** The lines after the first, if there are any but blank ones. */
  static Optional<String> afterFirstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 || text.substring(end).isBlank()
        ? Optional.empty()
        : Optional.of(text.substring(end + 1).stripTrailing());
  }

  private static double seconds(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return Json.seconds(d.isNegative() ? Duration.ZERO : d);
  }
}
