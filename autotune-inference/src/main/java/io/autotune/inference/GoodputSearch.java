package io.autotune.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Searches the highest load that meets the SLOs, as {@code vllm bench sweep serve_sla} does:
 * doubles the load from the start while it meets them (halves it while it does not) until a bracket
 * [met, missed] is found, then bisects the bracket, within {@code max_runs} runs. Concurrency is
 * bisected to the whole request, request rates geometrically to 5 %. Latency only grows with load,
 * so the answer is the highest load that met them. Not thread-safe.
 */
final class GoodputSearch {

  /** Runs one benchmark level at a load. */
  interface Trial {
    LevelResult run(Load load) throws InterruptedException;
  }

  private static final double RATE_RESOLUTION = 1.05;

  private final GoodputOptions options;
  private final SloCheck check;
  private final int gpus;

  GoodputSearch(GoodputOptions options, SloCheck check, int gpus) {
    this.options = options;
    this.check = check;
    this.gpus = gpus;
  }

  GoodputResult search(String scenario, Trial trial, BooleanSupplier stop, Consumer<String> log)
      throws InterruptedException {
    List<LevelResult> runs = new ArrayList<>();
    Optional<LevelResult> best = Optional.empty();
    double met = Double.NaN; // highest load that met the SLOs
    double missed = Double.NaN; // lowest load that did not
    Optional<Double> next = Optional.of(options.start());
    while (next.isPresent() && runs.size() < options.maxRuns() && !stop.getAsBoolean()) {
      Load load = new Load(options.over(), next.get());
      LevelResult level = trial.run(load);
      runs.add(level);
      Optional<String> miss = check.miss(level, gpus);
      log.accept(
          scenario
              + " "
              + load
              + ": "
              + miss.map(why -> "misses the SLOs: " + why).orElse("meets the SLOs"));
      if (miss.isEmpty()) {
        met = load.value();
        best = Optional.of(level);
      } else {
        missed = load.value();
      }
      next = next(met, missed);
    }
    log.accept(summary(scenario, options.over(), best, missed, runs.size()));
    return new GoodputResult(scenario, best, runs);
  }

  /** The next load to try, or empty when the bracket is as narrow as it gets. */
  private Optional<Double> next(double met, double missed) {
    boolean concurrency = options.over() == Load.Arrival.CONCURRENCY;
    if (Double.isNaN(missed)) { // everything met so far: go up
      double up = met * 2;
      if (options.max().isPresent()) {
        if (met >= options.max().getAsDouble()) {
          return Optional.empty();
        }
        up = Math.min(up, options.max().getAsDouble());
      }
      return Optional.of(up);
    }
    if (Double.isNaN(met)) { // everything missed so far: go down
      double down = concurrency ? Math.floor(missed / 2) : missed / 2;
      return down < (concurrency ? 1 : Double.MIN_NORMAL) ? Optional.empty() : Optional.of(down);
    }
    if (concurrency) {
      return missed - met <= 1 ? Optional.empty() : Optional.of(Math.floor((met + missed) / 2));
    }
    return missed / met <= RATE_RESOLUTION
        ? Optional.empty()
        : Optional.of(Math.sqrt(met * missed));
  }

  private static String summary(
      String scenario, Load.Arrival over, Optional<LevelResult> best, double missed, int runs) {
    String found =
        best.map(
                level ->
                    String.format(
                        Locale.ROOT,
                        "goodput %.3g req/s at %s",
                        level.requestThroughput(),
                        level.load()))
            .orElse("no load met the SLOs: goodput 0");
    String above = Double.isNaN(missed) ? "" : "; " + new Load(over, missed) + " missed";
    return scenario + ": " + found + above + " (" + runs + " runs)";
  }
}
