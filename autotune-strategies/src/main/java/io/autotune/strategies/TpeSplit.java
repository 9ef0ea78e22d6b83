package io.autotune.strategies;

import io.autotune.space.Configuration;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The good ("below") and bad ("above") observations of TPE, each oldest first. Failed experiments
 * (empty or non-finite loss) and pending ones always count as bad; of the successes, the best
 * min(ceil(10 %), 25) are good. "Best" is Optuna's for constraints and several objectives:
 * experiments that meet every constraint come first, by loss (with several objectives, by Pareto
 * front and crowding, {@link ParetoRanking}), then those that break one, least violation first.
 */
record TpeSplit(List<double[]> below, List<double[]> above) {
  private static final int MAX_BELOW = 25;

  static TpeSplit of(SpaceCodec codec, List<Trial> history, List<Configuration> pending) {
    List<Scored> feasible = new ArrayList<>();
    List<Scored> infeasible = new ArrayList<>();
    List<Scored> failures = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      Trial trial = history.get(i);
      Optional<double[]> x = codec.encode(trial.configuration());
      if (x.isEmpty()) {
        continue; // not a point of this space (e.g. recorded before the space changed)
      }
      Scored scored = new Scored(i, x.get(), trial);
      if (trial.isFailure() || !trial.losses().stream().allMatch(Double::isFinite)) {
        failures.add(scored);
      } else {
        (trial.isFeasible() ? feasible : infeasible).add(scored);
      }
    }
    List<Scored> ranked = ranked(feasible);
    infeasible.sort(
        Comparator.comparingDouble((Scored s) -> s.trial().violation())
            .thenComparingInt(Scored::order));
    ranked.addAll(infeasible);
    int nBelow = Math.min(MAX_BELOW, (int) Math.ceil(0.1 * ranked.size()));
    List<Scored> below = new ArrayList<>(ranked.subList(0, nBelow));
    List<Scored> above = new ArrayList<>(ranked.subList(nBelow, ranked.size()));
    above.addAll(failures);
    below.sort(Comparator.comparingInt(Scored::order));
    above.sort(Comparator.comparingInt(Scored::order));
    List<double[]> abovePoints = new ArrayList<>(points(above));
    for (Configuration c : pending) {
      codec.encode(c).ifPresent(abovePoints::add);
    }
    return new TpeSplit(points(below), abovePoints);
  }

  /** Feasible successes, best first: by loss, or by Pareto order with several objectives. */
  private static List<Scored> ranked(List<Scored> feasible) {
    int objectives = feasible.stream().mapToInt(s -> s.trial().losses().size()).min().orElse(1);
    if (objectives == 1) {
      List<Scored> ranked = new ArrayList<>(feasible);
      ranked.sort(
          Comparator.comparingDouble((Scored s) -> s.trial().losses().get(0))
              .thenComparingInt(Scored::order));
      return ranked;
    }
    List<double[]> losses =
        feasible.stream()
            .map(
                s ->
                    s.trial().losses().stream()
                        .limit(objectives)
                        .mapToDouble(Double::doubleValue)
                        .toArray())
            .toList();
    List<Scored> ranked = new ArrayList<>();
    ParetoRanking.order(losses).forEach(i -> ranked.add(feasible.get(i)));
    return ranked;
  }

  private static List<double[]> points(List<Scored> scored) {
    return scored.stream().map(Scored::x).toList();
  }

  private record Scored(int order, double[] x, Trial trial) {}
}
