package io.autotune.examples.cli;

import io.autotune.TuningListener;
import io.autotune.model.Experiment;
import io.autotune.model.Task;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** Prints one line per finished experiment: number, status, duration, score, best so far. */
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
        "[%s] #%-3d %-10s %7s  score %-12s best %s%s%n",
        task.name(),
        e.number(),
        e.status(),
        seconds,
        score,
        bestText,
        e.error().map(m -> "  " + firstLine(m)).orElse(""));
    out.flush();
  }

  static String format(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
