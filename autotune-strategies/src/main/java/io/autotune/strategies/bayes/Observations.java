package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The history as the model sees it: encoded successes with their objective and constraint values,
 * encoded failures, and encoded pending configurations. The losses order the successes for the
 * model's subsets and the search's anchors: the one objective; with two, how many successes
 * dominate each; with more, one random scalarisation ({@link Scalarisation}). A loss that is not a
 * finite number counts as a failure; a configuration that does not fit the space (e.g. a parameter
 * removed since) is left out. Immutable.
 *
 * @param objectives per success, its objectives' losses
 * @param constraints per success, its constraint values (feasible when every one is at most 0)
 */
record Observations(
    List<double[]> successes,
    double[] losses,
    double[][] objectives,
    double[][] constraints,
    List<double[]> failures,
    List<double[]> pending) {

  static Observations of(SpaceEncoding encoding, StrategyContext context) {
    List<double[]> successes = new ArrayList<>();
    List<List<Double>> objectives = new ArrayList<>();
    List<double[]> constraints = new ArrayList<>();
    List<double[]> failures = new ArrayList<>();
    for (Trial trial : context.history()) {
      Optional<double[]> x = encoding.encode(trial.configuration());
      if (x.isEmpty()) {
        continue;
      }
      if (!trial.isFailure() && trial.losses().stream().allMatch(Double::isFinite)) {
        successes.add(x.get());
        objectives.add(trial.losses());
        constraints.add(trial.constraints().stream().mapToDouble(Double::doubleValue).toArray());
      } else {
        failures.add(x.get());
      }
    }
    List<double[]> pending = new ArrayList<>();
    for (Configuration c : context.pending()) {
      encoding.encode(c).ifPresent(pending::add);
    }
    double[][] values =
        objectives.stream()
            .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray())
            .toArray(double[][]::new);
    double[] y =
        objectiveCount(values) == 2
            ? dominatedBy(values)
            : Scalarisation.of(objectives, context.random());
    return new Observations(
        successes, y, values, constraints.toArray(double[][]::new), failures, pending);
  }

  /** How many objectives every success reports (1 before the first success). */
  int objectiveCount() {
    return objectiveCount(objectives);
  }

  private static int objectiveCount(double[][] objectives) {
    return Arrays.stream(objectives).mapToInt(o -> o.length).min().orElse(1);
  }

  /** For each point, how many others dominate it: 0 on the Pareto front. */
  private static double[] dominatedBy(double[][] points) {
    double[] count = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      for (double[] other : points) {
        if (other[0] <= points[i][0]
            && other[1] <= points[i][1]
            && (other[0] < points[i][0] || other[1] < points[i][1])) {
          count[i]++;
        }
      }
    }
    return count;
  }

  /** How many constraints every success reports (0 without constraints). */
  int constraintCount() {
    int count = Integer.MAX_VALUE;
    for (double[] c : constraints) {
      count = Math.min(count, c.length);
    }
    return constraints.length == 0 ? 0 : count;
  }

  /** Whether success {@code i} meets every constraint. */
  boolean feasible(int i) {
    for (double c : constraints[i]) {
      if (c > 0) {
        return false;
      }
    }
    return true;
  }

  /** Points of the best {@code count} successes, feasible ones first, best first. */
  List<double[]> best(int count) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < losses.length; i++) {
      order.add(i);
    }
    order.sort(
        (a, b) ->
            feasible(a) != feasible(b)
                ? (feasible(a) ? -1 : 1)
                : Double.compare(losses[a], losses[b]));
    return order.stream().limit(count).map(successes::get).toList();
  }
}
