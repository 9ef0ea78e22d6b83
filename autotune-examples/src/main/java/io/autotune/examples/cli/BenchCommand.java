package io.autotune.examples.cli;

import io.autotune.AutotuneException;
import io.autotune.strategies.bench.BenchmarkFunction;
import io.autotune.strategies.bench.BenchmarkReport;
import io.autotune.strategies.bench.ParetoFunction;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench --func NAME --strategy NAME [--seeds N] [--trials N] [--option KEY=VALUE]...}: runs
 * a strategy on a function of the public benchmark suite (shared/bench) or of the development suite
 * (functions_dev.py) and prints one JSON line per seed, then the median simple regret at
 * 10/20/30/40/60 experiments. Not thread-safe (one command, one run).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark a strategy on branin, hartmann6, serving_sim, branin_currin, serving_pareto,"
            + " serving_slo or a function of the development suite (ackley5, rastrigin4, ...;"
            + " see docs/strategies.md); JSON lines.")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--func",
      required = true,
      description =
          "branin, hartmann6, serving_sim, branin_currin, serving_pareto, serving_slo, or ackley5,"
              + " rastrigin4, levy6, rosenbrock4, styblinski_tang8, michalewicz5, hartmann3,"
              + " six_hump_camel, goldstein_price_log, shekel10, dejong_step5, yao_step5,"
              + " ackley_mixed,"
              + " hartmann6_noisy, styblinski_tang8_noisy")
  String function;

  @Option(names = "--strategy", required = true, description = "a strategy name, e.g. tpe")
  String strategy;

  @Option(names = "--seeds", defaultValue = "30", description = "seeds 0..N-1 (default 30)")
  int seeds;

  @Option(names = "--trials", defaultValue = "60", description = "experiments per seed (60)")
  int trials;

  @Option(
      names = "--option",
      description = "a strategy option as in task JSON, e.g. real_points=10 (repeatable)")
  List<String> options = List.of();

  private final PrintStream out;
  private final PrintStream err;

  public BenchCommand() {
    this(System.out, System.err);
  }

  BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    try {
      Map<String, Object> parsed = parseOptions(options);
      if (isParetoFunction(function)) {
        BenchmarkReport.print(ParetoFunction.named(function), strategy, parsed, seeds, trials, out);
      } else {
        BenchmarkReport.print(
            BenchmarkFunction.named(function), strategy, parsed, seeds, trials, out);
      }
      return 0;
    } catch (IllegalArgumentException | AutotuneException badInput) {
      err.println("bench: " + badInput.getMessage());
      return 2;
    }
  }

  private static boolean isParetoFunction(String id) {
    return Arrays.stream(ParetoFunction.values()).anyMatch(f -> f.id().equalsIgnoreCase(id));
  }

  /** KEY=VALUE pairs; values read as JSON scalars (true, 12, 0.5), anything else a string. */
  static Map<String, Object> parseOptions(List<String> pairs) {
    Map<String, Object> parsed = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--option needs KEY=VALUE, but was '" + pair + "'");
      }
      parsed.put(pair.substring(0, eq), scalar(pair.substring(eq + 1)));
    }
    return parsed;
  }

  private static Object scalar(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notWhole) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException notNumber) {
        return text;
      }
    }
  }
}
