package io.autotune.spi;

import io.autotune.space.Configuration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A finished experiment as a strategy sees it.
 *
 * <p>{@code losses} holds one value per objective, each oriented so that lower is better; it is
 * empty when the experiment failed or timed out, which tells the strategy that the configuration
 * did not run, never a fake score. {@code constraints} holds one value per constraint of the task,
 * feasible when at most 0 (Optuna's convention); it is empty for a failure and for a task without
 * constraints. A succeeded experiment that breaks a constraint keeps its real losses: a strategy
 * learns from both where the objectives are good and where the constraints hold.
 */
public record Trial(
    int number, Configuration configuration, List<Double> losses, List<Double> constraints) {

  public Trial {
    Objects.requireNonNull(configuration, "configuration");
    losses = List.copyOf(losses);
    constraints = List.copyOf(constraints);
    if (losses.isEmpty() && !constraints.isEmpty()) {
      throw new IllegalArgumentException(
          "trial " + number + ": a failed trial has no constraint values");
    }
    if (constraints.stream().anyMatch(c -> !Double.isFinite(c))) {
      throw new IllegalArgumentException(
          "trial " + number + ": constraint values must be finite, but were " + constraints);
    }
  }

  /** A succeeded experiment with one objective and no constraints. */
  public static Trial succeeded(int number, Configuration configuration, double loss) {
    return new Trial(number, configuration, List.of(loss), List.of());
  }

  /** A succeeded experiment with its losses (one per objective) and constraint values. */
  public static Trial succeeded(
      int number, Configuration configuration, List<Double> losses, List<Double> constraints) {
    if (losses.isEmpty()) {
      throw new IllegalArgumentException("trial " + number + ": a success needs its losses");
    }
    return new Trial(number, configuration, losses, constraints);
  }

  /** A one-objective experiment: succeeded with this loss, or failed when it is empty. */
  public static Trial of(int number, Configuration configuration, OptionalDouble loss) {
    return loss.isPresent()
        ? succeeded(number, configuration, loss.getAsDouble())
        : failed(number, configuration);
  }

  public static Trial failed(int number, Configuration configuration) {
    return new Trial(number, configuration, List.of(), List.of());
  }

  /** The first objective's loss; empty for a failure. */
  public OptionalDouble loss() {
    return losses.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(losses.get(0));
  }

  public boolean isFailure() {
    return losses.isEmpty();
  }

  /** Succeeded with every constraint value at most 0. */
  public boolean isFeasible() {
    return !isFailure() && constraints.stream().allMatch(c -> c <= 0);
  }

  /** How far the constraints are broken: the sum of their positive values; 0 when feasible. */
  public double violation() {
    return constraints.stream().mapToDouble(c -> Math.max(0, c)).sum();
  }
}
