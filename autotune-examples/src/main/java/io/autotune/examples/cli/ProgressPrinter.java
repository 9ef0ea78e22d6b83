package io.autotune.examples.cli;

import io.autotune.TuningListener;
import io.autotune.model.Experiment;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import io.autotune.model.Task;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints one line per finished experiment: number, status, duration, score, best so far, and the
 * SLOs it broke (an SLO penalty can push a score far past any measured value: the line says why).
 */
final class ProgressPrinter implements TuningListener {
  private final PrintWriter out;

  ProgressPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void experimentFinished(Task task, Experiment e, Optional<Experiment> best) {
    String score = e.score().isPresent() ? format(e.score().getAsDouble()) : "-";
    String bestText =
        best.map(b -> format(b.score().getAsDouble()) + " (#" + b.number() + ")").orElse("-");
    String seconds =
        e.duration()
            .map(d -> String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0))
            .orElse("-");
    out.printf(
        Locale.ROOT,
        "[%s] #%-3d %-10s %7s  score %-12s best %s%s%s%n",
        task.name(),
        e.number(),
        e.status(),
        seconds,
        score,
        bestText,
        brokenSlos(task.spec().objective(), e),
        e.error().map(m -> "  " + firstLine(m)).orElse(""));
    out.flush();
  }

  /** " over SLO: ttft 0.912 > 0.2, ..." for each SLO the experiment's metrics exceed; or "". */
  static String brokenSlos(Objective objective, Experiment e) {
    List<String> broken = new ArrayList<>();
    for (Slo slo : objective.slos()) {
      Double actual = e.metrics().get(slo.metric());
      if (actual != null && actual > slo.threshold()) {
        broken.add(slo.metric() + " " + brief(actual) + " > " + brief(slo.threshold()));
      }
    }
    return broken.isEmpty() ? "" : "  over SLO: " + String.join(", ", broken);
  }

  /** Four significant digits, no trailing zeros: 0.912, 0.2, 3.5. */
  private static String brief(double v) {
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
