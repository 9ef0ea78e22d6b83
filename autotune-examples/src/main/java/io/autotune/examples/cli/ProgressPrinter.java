package io.autotune.examples.cli;

import io.autotune.TuningListener;
import io.autotune.model.Experiment;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints one line per finished experiment: number, status, duration, the objectives' raw values,
 * the best feasible so far, and the constraints or legacy SLOs it broke.
 */
final class ProgressPrinter implements TuningListener {
  private final PrintWriter out;

  ProgressPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void experimentFinished(Task task, Experiment e, Optional<Experiment> best) {
    TaskSpec spec = task.spec();
    String seconds =
        e.duration()
            .map(d -> String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0))
            .orElse("-");
    out.printf(
        Locale.ROOT,
        "[%s] #%-3d %-10s %7s  %s  best %s%s%s%s%n",
        task.name(),
        e.number(),
        e.status(),
        seconds,
        values(spec, e),
        best.map(b -> ProgressPrinter.format(b.score().getAsDouble()) + " (#" + b.number() + ")")
            .orElse("-"),
        brokenSlos(spec.objective(), e),
        infeasible(spec, e),
        e.error().map(m -> "  " + firstLine(m)).orElse(""));
    out.flush();
  }

  /**
   * "throughput 4500 latency 1.2", the objectives' raw values; with legacy penalty SLOs also the
   * penalised score.
   */
  static String values(TaskSpec spec, Experiment e) {
    List<String> cells = Standings.values(spec, e);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      parts.add(spec.objectives().get(i).metric() + " " + cells.get(i));
    }
    if (Standings.hasPenalty(spec)) {
      parts.add("score " + (e.score().isPresent() ? format(e.score().getAsDouble()) : "-"));
    }
    return String.join(" ", parts);
  }

  /** " infeasible: ttft 0.3 > 0.2 (slack -50%)" when a constraint is broken; or "". */
  static String infeasible(TaskSpec spec, Experiment e) {
    return "no".equals(Standings.feasible(spec, e))
        ? "  infeasible: " + Standings.slack(spec, e)
        : "";
  }

  /**
   * " over SLO: ttft 0.912 > 0.2, ..." for each legacy penalty or hard SLO the experiment's metrics
   * exceed (a penalty can push a score far past any measured value: the line says why); or "".
   */
  static String brokenSlos(Objective objective, Experiment e) {
    List<String> broken = new ArrayList<>();
    for (Slo slo : objective.slos()) {
      if (slo.isConstraint()) {
        continue;
      }
      Double actual = e.metrics().get(slo.metric());
      if (actual != null && actual > slo.threshold()) {
        broken.add(slo.metric() + " " + brief(actual) + " > " + brief(slo.threshold()));
      }
    }
    return broken.isEmpty() ? "" : "  over SLO: " + String.join(", ", broken);
  }

  /** Four significant digits, no trailing zeros: 0.912, 0.2, 3.5. */
  static String brief(double v) {
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  static String format(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
