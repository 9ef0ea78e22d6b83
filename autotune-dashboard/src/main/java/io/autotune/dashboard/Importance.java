package io.autotune.dashboard;

import io.autotune.model.Assessment;
import io.autotune.model.Experiment;
import io.autotune.model.Objective;
import io.autotune.model.TaskSpec;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How much of an objective's variation each parameter explains alone, on the finished feasible
 * experiments: a first-order variance decomposition (the main effects of functional ANOVA, as
 * fANOVA estimates them, here straight from the data instead of from a fitted forest).
 *
 * <ol>
 *   <li>The objective's raw values are replaced by their ranks (ties share the mean rank), so that
 *       one broken measurement (1e77) counts as one value among many and the direction does not
 *       matter.
 *   <li>Each parameter splits the experiments into groups: a choice by its value; a number by its
 *       value when it takes at most {@value #MAX_GROUPS} values, else into {@value #MAX_GROUPS} (or
 *       √n, if fewer) groups of about equal size by its order.
 *   <li>Its importance is the share of the ranks' variance that the group means explain, corrected
 *       for the number of groups (ε², the adjusted correlation ratio): (SS<sub>between</sub> − (k −
 *       1)·MS<sub>within</sub>) / SS<sub>total</sub>, at least 0. A parameter that does not matter
 *       scores near 0 even with many groups; the shares need not sum to 1 (interactions, and
 *       parameters that the strategy moved together).
 * </ol>
 *
 * Thread-safe: static functions only.
 */
final class Importance {
  static final int MAX_GROUPS = 10;
  static final int MIN_EXPERIMENTS = 5;

  static final String METHOD =
      "first-order variance decomposition of the ranked objective on the finished feasible"
          + " experiments: each parameter's adjusted correlation ratio (epsilon squared) over its"
          + " values, or up to 10 equal-count groups of a numeric parameter";

  private Importance() {}

  record View(String timestamp, String method, List<ObjectiveImportance> objectives) {}

  /**
   * One objective's importances, most important first; empty with a {@code note} when there are
   * fewer than {@value #MIN_EXPERIMENTS} feasible experiments or their values are all equal.
   */
  record ObjectiveImportance(
      String metric,
      String direction,
      int experiments,
      List<ParameterImportance> parameters,
      String note) {}

  /** A parameter's share of the variance, and into how many groups it split the experiments. */
  record ParameterImportance(String name, double importance, int groups) {}

  static View of(TaskSpec spec, List<Experiment> log, String timestamp) {
    List<Experiment> feasible = new ArrayList<>();
    List<Assessment> assessed = new ArrayList<>();
    for (Experiment e : log) {
      Optional<Assessment> a = spec.assess(e);
      if (a.isPresent() && a.get().feasible()) {
        feasible.add(e);
        assessed.add(a.get());
      }
    }
    List<ObjectiveImportance> objectives = new ArrayList<>();
    for (int i = 0; i < spec.objectives().size(); i++) {
      int index = i;
      double[] values = assessed.stream().mapToDouble(a -> a.values().get(index)).toArray();
      objectives.add(objective(spec, spec.objectives().get(i), feasible, values));
    }
    return new View(timestamp, METHOD, objectives);
  }

  private static ObjectiveImportance objective(
      TaskSpec spec, Objective objective, List<Experiment> experiments, double[] values) {
    String metric = objective.metric();
    String direction = objective.direction().name();
    int n = values.length;
    if (n < MIN_EXPERIMENTS) {
      return new ObjectiveImportance(
          metric,
          direction,
          n,
          List.of(),
          "needs at least " + MIN_EXPERIMENTS + " feasible experiments, has " + n);
    }
    double[] ranks = ranks(values);
    double mean = (n + 1) / 2.0;
    double total = 0;
    for (double r : ranks) {
      total += (r - mean) * (r - mean);
    }
    if (total == 0) {
      return new ObjectiveImportance(
          metric, direction, n, List.of(), "every feasible experiment has the same value");
    }
    List<ParameterImportance> parameters = new ArrayList<>();
    for (Parameter p : spec.space().parameters()) {
      int[] groups = groups(p, experiments);
      parameters.add(share(p.name(), groups, ranks, mean, total));
    }
    parameters.sort(Comparator.comparingDouble(ParameterImportance::importance).reversed());
    return new ObjectiveImportance(metric, direction, n, parameters, null);
  }

  /** ε² of the ranks grouped by {@code groups}. */
  static ParameterImportance share(
      String name, int[] groups, double[] ranks, double mean, double total) {
    int k = 0;
    for (int g : groups) {
      k = Math.max(k, g + 1);
    }
    double[] sums = new double[k];
    int[] counts = new int[k];
    for (int i = 0; i < ranks.length; i++) {
      sums[groups[i]] += ranks[i];
      counts[groups[i]]++;
    }
    double between = 0;
    int used = 0;
    for (int g = 0; g < k; g++) {
      if (counts[g] > 0) {
        used++;
        double m = sums[g] / counts[g];
        between += counts[g] * (m - mean) * (m - mean);
      }
    }
    int n = ranks.length;
    if (used < 2 || used >= n) {
      return new ParameterImportance(name, 0, used);
    }
    double withinMeanSquare = (total - between) / (n - used);
    double epsilon = (between - (used - 1) * withinMeanSquare) / total;
    return new ParameterImportance(name, Math.max(0, epsilon), used);
  }

  /** The group of each experiment by parameter {@code p}: 0, 1, ... */
  static int[] groups(Parameter p, List<Experiment> experiments) {
    List<Object> values =
        experiments.stream().map(e -> e.configuration().values().get(p.name())).toList();
    int[] groups = new int[values.size()];
    Map<Object, Integer> distinct = new HashMap<>();
    boolean numeric = !(p instanceof ChoiceParameter);
    for (Object v : values) {
      distinct.putIfAbsent(String.valueOf(v), distinct.size());
    }
    if (!numeric || distinct.size() <= MAX_GROUPS) {
      for (int i = 0; i < groups.length; i++) {
        groups[i] = distinct.get(String.valueOf(values.get(i)));
      }
      return groups;
    }
    int bins = Math.max(2, Math.min(MAX_GROUPS, (int) Math.sqrt(values.size())));
    double[] numbers = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    double[] ranks = ranks(numbers);
    for (int i = 0; i < groups.length; i++) {
      // equal-count bins by order; ties share a rank, so equal values share a bin
      groups[i] = Math.min(bins - 1, (int) ((ranks[i] - 1) * bins / numbers.length));
    }
    return groups;
  }

  /** 1-based ranks; tied values share their mean rank. */
  static double[] ranks(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      double rank = (start + end) / 2.0 + 1;
      for (int j = start; j <= end; j++) {
        ranks[order[j]] = rank;
      }
      start = end + 1;
    }
    return ranks;
  }
}
