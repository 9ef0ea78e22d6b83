package io.autotune.examples.sim;

import io.autotune.inference.BenchmarkSpec;
import io.autotune.model.Assessment;
import io.autotune.model.Evaluation;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The simulated optimum of a task that tunes the simulated server: the best score its {@link
 * PredictedBenchmark} gives over the task's search space, found by a {@link DenseSearch}. Run:
 * {@code java -cp autotune-examples/target/autotune.jar io.autotune.examples.sim.SimulatedOptimum
 * examples/tasks/quickstart.json}. Immutable.
 */
public final class SimulatedOptimum {

  /** A configuration and its predicted score. */
  public record Point(Configuration configuration, double score) {}

  private final TaskSpec spec;
  private final Map<String, String> commandFlags;
  private final PredictedBenchmark benchmark;

  private SimulatedOptimum(
      TaskSpec spec, Map<String, String> commandFlags, PredictedBenchmark benchmark) {
    this.spec = spec;
    this.commandFlags = commandFlags;
    this.benchmark = benchmark;
  }

  /**
   * For a task whose runner starts the simulated server: its benchmark section, its objective and
   * the flags of its command ({@code --time-scale}, and the server flags that are not tuned).
   */
  public static SimulatedOptimum of(TaskSpec spec) {
    BenchmarkSpec benchmark =
        spec.section("benchmark")
            .map(BenchmarkSpec::fromJson)
            .orElseThrow(() -> new IllegalArgumentException("the task has no benchmark section"));
    Map<String, String> flags = commandFlags(spec);
    double timeScale = Double.parseDouble(flags.getOrDefault("time-scale", "1"));
    return new SimulatedOptimum(
        spec, flags, new PredictedBenchmark(benchmark, timeScale, spec.objective().slos()));
  }

  /** The prediction that scores configurations. */
  public PredictedBenchmark benchmark() {
    return benchmark;
  }

  /** The simulated server's model for a configuration: the command's flags, then the tuned ones. */
  public ServingModel model(Configuration configuration) {
    Map<String, Object> flags = new LinkedHashMap<>(commandFlags);
    configuration
        .values()
        .forEach((name, value) -> flags.put(name.replaceFirst("^-+", "").replace('_', '-'), value));
    return ServingModel.fromFlags(flags);
  }

  /**
   * The predicted score of a configuration; empty when the server does not start, there is no
   * score, or a constraint is broken.
   */
  public OptionalDouble score(Configuration configuration) {
    Optional<Map<String, Double>> metrics = benchmark.metrics(model(configuration));
    if (metrics.isPresent()
        && Assessment.of(spec, metrics.get()).map(Assessment::feasible).orElse(false)
        && spec.evaluate(metrics.get()) instanceof Evaluation.Scored scored) {
      return OptionalDouble.of(scored.score());
    }
    return OptionalDouble.empty();
  }

  /** The best configuration of the task's space and its predicted score. */
  public Point find() {
    return new DenseSearch(spec.space(), spec.objective().direction(), this::score).best();
  }

  /** The {@code --name value} pairs of the runner's command, by name without dashes. */
  private static Map<String, String> commandFlags(TaskSpec spec) {
    List<String> command = new ArrayList<>();
    spec.runner().ifPresent(runner -> runner.path("command").forEach(n -> command.add(n.asText())));
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i + 1 < command.size(); i++) {
      if (command.get(i).startsWith("--")) {
        flags.put(command.get(i).substring(2).replace('_', '-'), command.get(i + 1));
      }
    }
    return flags;
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: SimulatedOptimum TASK.json");
      System.exit(2);
    }
    TaskSpec spec = TaskJson.read(Path.of(args[0]));
    Point optimum = of(spec).find();
    System.out.printf(
        java.util.Locale.ROOT,
        "simulated optimum of %s: %s = %.1f at %s%n",
        spec.name(),
        spec.objective().metric(),
        optimum.score(),
        optimum.configuration());
  }
}
