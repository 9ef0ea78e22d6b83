package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history as the model sees it: encoded successes with their losses, encoded failures, and
 * encoded pending configurations. A loss that is not a finite number counts as a failure; a
 * configuration that does not fit the space (e.g. a parameter removed since) is left out.
 * Immutable.
 */
record Observations(
    List<double[]> successes, double[] losses, List<double[]> failures, List<double[]> pending) {

  static Observations of(SpaceEncoding encoding, StrategyContext context) {
    List<double[]> successes = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    List<double[]> failures = new ArrayList<>();
    for (Trial trial : context.history()) {
      Optional<double[]> x = encoding.encode(trial.configuration());
      if (x.isEmpty()) {
        continue;
      }
      if (trial.loss().isPresent() && Double.isFinite(trial.loss().getAsDouble())) {
        successes.add(x.get());
        losses.add(trial.loss().getAsDouble());
      } else {
        failures.add(x.get());
      }
    }
    List<double[]> pending = new ArrayList<>();
    for (Configuration c : context.pending()) {
      encoding.encode(c).ifPresent(pending::add);
    }
    double[] y = losses.stream().mapToDouble(Double::doubleValue).toArray();
    return new Observations(successes, y, failures, pending);
  }

  /** Points of the best {@code count} successes, best first. */
  List<double[]> best(int count) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < losses.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(losses[a], losses[b]));
    return order.stream().limit(count).map(successes::get).toList();
  }
}
