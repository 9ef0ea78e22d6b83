package io.autotune.examples.sim;

import io.autotune.inference.BenchmarkSpec;
import io.autotune.model.Direction;
import io.autotune.model.Evaluation;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.Configuration;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The simulated optimum of a task that tunes the simulated server: the best score its {@link
 * PredictedBenchmark} gives over the task's search space. Found by a grid (every choice, nine
 * points per numeric parameter) and a pattern search from the best grid points, which halves its
 * steps down to 1/4096 of each range. Run: {@code java -cp autotune-examples/target/autotune.jar
 * io.autotune.examples.sim.SimulatedOptimum examples/tasks/quickstart.json}. Immutable.
 */
public final class SimulatedOptimum {

  /** A configuration and its predicted score. */
  public record Point(Configuration configuration, double score) {}

  private static final int GRID_POINTS = 9;
  private static final int STARTS = 10;
  private static final double SMALLEST_STEP = 1.0 / 4096;

  private final TaskSpec spec;
  private final Map<String, String> commandFlags;
  private final PredictedBenchmark benchmark;
  private final Direction direction;

  private SimulatedOptimum(
      TaskSpec spec, Map<String, String> commandFlags, PredictedBenchmark benchmark) {
    this.spec = spec;
    this.commandFlags = commandFlags;
    this.benchmark = benchmark;
    this.direction = spec.objective().direction();
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

  /** The predicted score of a configuration; empty when the server does not start or no score. */
  public OptionalDouble score(Configuration configuration) {
    Optional<Map<String, Double>> metrics = benchmark.metrics(model(configuration));
    if (metrics.isPresent()
        && spec.objective().evaluate(metrics.get()) instanceof Evaluation.Scored scored) {
      return OptionalDouble.of(scored.score());
    }
    return OptionalDouble.empty();
  }

  /** The best configuration of the task's space and its predicted score. */
  public Point find() {
    List<Point> grid = new ArrayList<>();
    collectGrid(
        0, new double[spec.space().dimensions()], new Object[spec.space().dimensions()], grid);
    grid.sort(byLoss());
    return grid.stream()
        .limit(STARTS)
        .map(this::patternSearch)
        .min(byLoss())
        .orElseThrow(() -> new IllegalStateException("no configuration of the space has a score"));
  }

  private void collectGrid(int index, double[] units, Object[] choices, List<Point> into) {
    List<Parameter> parameters = spec.space().parameters();
    if (index == parameters.size()) {
      Configuration configuration = configuration(units, choices);
      score(configuration).ifPresent(s -> into.add(new Point(configuration, s)));
      return;
    }
    if (parameters.get(index) instanceof ChoiceParameter choice) {
      for (Object value : choice.choices()) {
        choices[index] = value;
        collectGrid(index + 1, units, choices, into);
      }
      return;
    }
    for (int i = 0; i < GRID_POINTS; i++) {
      units[index] = i / (GRID_POINTS - 1.0);
      collectGrid(index + 1, units, choices, into);
    }
  }

  /** Moves one coordinate at a time while that improves the score, with shrinking steps. */
  private Point patternSearch(Point start) {
    List<Parameter> parameters = spec.space().parameters();
    double[] units = new double[parameters.size()];
    Object[] choices = new Object[parameters.size()];
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      Object value = start.configuration().get(parameter.name());
      if (parameter instanceof ChoiceParameter) {
        choices[i] = value;
      } else {
        units[i] = toUnit(parameter, (Number) value);
      }
    }
    Point best = start;
    for (double step = 1.0 / (2 * (GRID_POINTS - 1)); step >= SMALLEST_STEP; ) {
      Point moved = bestNeighbour(best, units, choices, step);
      if (moved == best) {
        step /= 2;
      } else {
        best = moved;
      }
    }
    return best;
  }

  /**
   * The first neighbour, one parameter moved by {@code step} or to another choice, that scores
   * better than {@code best}; {@code units} and {@code choices} are left at it. Else {@code best}.
   */
  private Point bestNeighbour(Point best, double[] units, Object[] choices, double step) {
    List<Parameter> parameters = spec.space().parameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i) instanceof ChoiceParameter choice) {
        Object kept = choices[i];
        for (Object value : choice.choices()) {
          choices[i] = value;
          Point moved = ifBetter(best, units, choices);
          if (moved != best) {
            return moved;
          }
        }
        choices[i] = kept;
      } else {
        double kept = units[i];
        for (double unit : new double[] {Math.max(0, kept - step), Math.min(1, kept + step)}) {
          units[i] = unit;
          Point moved = ifBetter(best, units, choices);
          if (moved != best) {
            return moved;
          }
        }
        units[i] = kept;
      }
    }
    return best;
  }

  private Point ifBetter(Point best, double[] units, Object[] choices) {
    Configuration candidate = configuration(units, choices);
    OptionalDouble score = score(candidate);
    return score.isPresent() && direction.isBetter(score.getAsDouble(), best.score())
        ? new Point(candidate, score.getAsDouble())
        : best;
  }

  private Configuration configuration(double[] units, Object[] choices) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<Parameter> parameters = spec.space().parameters();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      values.put(
          parameter.name(),
          parameter instanceof ChoiceParameter ? choices[i] : fromUnit(parameter, units[i]));
    }
    return Configuration.of(values);
  }

  private static double toUnit(Parameter parameter, Number value) {
    return parameter instanceof IntParameter integer
        ? integer.toUnit(value.longValue())
        : ((RealParameter) parameter).toUnit(value.doubleValue());
  }

  private static Object fromUnit(Parameter parameter, double unit) {
    return parameter instanceof IntParameter integer
        ? integer.fromUnit(unit)
        : ((RealParameter) parameter).fromUnit(unit);
  }

  private Comparator<Point> byLoss() {
    return Comparator.comparingDouble(point -> direction.toLoss(point.score()));
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
