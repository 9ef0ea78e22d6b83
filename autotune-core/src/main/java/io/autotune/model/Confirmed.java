package io.autotune.model;

import io.autotune.space.Configuration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One of the configurations that a task's {@link Confirmation} runs again, with every run of it:
 * the mean of its first objective and a 95 % confidence interval of that mean (Student's t), so
 * that the final pick rests on several runs rather than on the luckiest one. Immutable.
 *
 * @param configuration the configuration
 * @param experiments the numbers of its experiments that count (any status but ABANDONED), the
 *     search's first
 * @param values the first objective's score of each of those that succeeded, in number order
 * @param feasibleRuns how many of them met every constraint
 */
public record Confirmed(
    Configuration configuration, List<Integer> experiments, List<Double> values, int feasibleRuns) {

  /** Two-sided 95 % quantiles of Student's t for 1 to 30 degrees of freedom. */
  private static final double[] T_975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042
  };

  private static final double Z_975 = 1.959964;

  public Confirmed {
    Objects.requireNonNull(configuration, "configuration");
    experiments = List.copyOf(experiments);
    values = List.copyOf(values);
  }

  /** The mean of {@link #values}; NaN when none succeeded. */
  public double mean() {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** The sample standard deviation of {@link #values}; empty with fewer than two. */
  public OptionalDouble standardDeviation() {
    int n = values.size();
    if (n < 2) {
      return OptionalDouble.empty();
    }
    double mean = mean();
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return OptionalDouble.of(Math.sqrt(squares / (n - 1)));
  }

  /**
   * Half the width of the 95 % confidence interval of the mean, {@code t(0.975, n-1) · s / √n}: the
   * interval is {@code mean ± halfWidth}. Empty with fewer than two successful runs.
   */
  public OptionalDouble halfWidth95() {
    int n = values.size();
    return standardDeviation().isPresent()
        ? OptionalDouble.of(t975(n - 1) * standardDeviation().getAsDouble() / Math.sqrt(n))
        : OptionalDouble.empty();
  }

  /** Whether every run that counts succeeded and met every constraint. */
  public boolean feasibleInEveryRun() {
    return feasibleRuns == experiments.size();
  }

  /**
   * The {@code confirmation.top()} best feasible configurations of the search (each by its first
   * run), with all their runs in {@code log}: those feasible in every run first, then by the best
   * mean of the first objective.
   */
  static List<Confirmed> of(TaskSpec spec, Confirmation confirmation, List<Experiment> log) {
    Direction direction = spec.objective().direction();
    Map<Configuration, List<Experiment>> runs = new LinkedHashMap<>();
    log.stream()
        .filter(e -> e.status() != ExperimentStatus.ABANDONED)
        .sorted(Comparator.comparingInt(Experiment::number))
        .forEach(e -> runs.computeIfAbsent(e.configuration(), c -> new ArrayList<>()).add(e));
    Comparator<Experiment> byFirstRun =
        Comparator.<Experiment>comparingDouble(e -> direction.toLoss(e.score().getAsDouble()))
            .thenComparingInt(Experiment::number);
    return runs.values().stream()
        .filter(list -> feasible(spec, list.get(0)))
        .sorted(Comparator.comparing((List<Experiment> list) -> list.get(0), byFirstRun))
        .limit(confirmation.top())
        .map(list -> confirmed(spec, list))
        .sorted(
            Comparator.comparing((Confirmed c) -> !c.feasibleInEveryRun())
                .thenComparingDouble(c -> direction.toLoss(c.mean()))
                .thenComparingInt(c -> c.experiments().get(0)))
        .toList();
  }

  private static Confirmed confirmed(TaskSpec spec, List<Experiment> runs) {
    List<Double> values =
        runs.stream()
            .filter(e -> e.status() == ExperimentStatus.SUCCEEDED)
            .map(e -> e.score().getAsDouble())
            .toList();
    int feasible = (int) runs.stream().filter(e -> feasible(spec, e)).count();
    return new Confirmed(
        runs.get(0).configuration(),
        runs.stream().map(Experiment::number).toList(),
        values,
        feasible);
  }

  private static boolean feasible(TaskSpec spec, Experiment e) {
    return Assessment.of(spec, e).map(Assessment::feasible).orElse(false);
  }

  /** Student's t quantile; beyond 30 degrees of freedom Cornish-Fisher's first correction. */
  static double t975(int degreesOfFreedom) {
    if (degreesOfFreedom <= T_975.length) {
      return T_975[degreesOfFreedom - 1];
    }
    double z = Z_975;
    return z + (z * z * z + z) / (4.0 * degreesOfFreedom);
  }
}
