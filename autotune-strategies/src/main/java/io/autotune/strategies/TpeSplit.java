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
 * min(ceil(10 %), 25) are good.
 */
record TpeSplit(List<double[]> below, List<double[]> above) {
  private static final int MAX_BELOW = 25;

  static TpeSplit of(SpaceCodec codec, List<Trial> history, List<Configuration> pending) {
    List<Scored> successes = new ArrayList<>();
    List<Scored> failures = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      Trial trial = history.get(i);
      Optional<double[]> x = codec.encode(trial.configuration());
      if (x.isEmpty()) {
        continue; // not a point of this space (e.g. recorded before the space changed)
      }
      double loss = trial.loss().orElse(Double.NaN);
      (Double.isFinite(loss) ? successes : failures).add(new Scored(i, x.get(), loss));
    }
    int nBelow = Math.min(MAX_BELOW, (int) Math.ceil(0.1 * successes.size()));
    List<Scored> ranked = new ArrayList<>(successes);
    ranked.sort(Comparator.comparingDouble(Scored::loss).thenComparingInt(Scored::order));
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

  private static List<double[]> points(List<Scored> scored) {
    return scored.stream().map(Scored::x).toList();
  }

  private record Scored(int order, double[] x, double loss) {}
}
