package io.autotune.strategies.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises the acquisition over the unit cube: many random points plus perturbations of the best
 * experiments, then BOBYQA on the numeric coordinates from the best few, then a sweep over each
 * choice's other categories. Returns candidates best first, so the caller can skip configurations
 * already taken. Stateless; the work is capped so that one proposal stays cheap.
 */
final class AcquisitionSearch {
  static final int RANDOM_CANDIDATES = 500;
  static final int PERTURBATIONS_PER_ANCHOR = 30;
  static final int REFINED = 3;

  private AcquisitionSearch() {}

  record Scored(double[] point, double value) {}

  static List<Scored> search(
      Acquisition acquisition,
      SpaceEncoding encoding,
      List<double[]> anchors,
      RandomGenerator random) {
    List<Scored> candidates = new ArrayList<>();
    for (int i = 0; i < RANDOM_CANDIDATES; i++) {
      candidates.add(score(acquisition, encoding.randomPoint(random)));
    }
    for (double[] anchor : anchors) {
      for (int i = 0; i < PERTURBATIONS_PER_ANCHOR; i++) {
        double scale = i % 3 == 0 ? 0.02 : i % 3 == 1 ? 0.08 : 0.25;
        candidates.add(score(acquisition, perturb(anchor, encoding, scale, random)));
      }
    }
    candidates.sort(Comparator.comparingDouble(Scored::value).reversed());
    List<Scored> refined = new ArrayList<>();
    for (int i = 0; i < Math.min(REFINED, candidates.size()); i++) {
      Scored local = refineNumeric(acquisition, encoding, candidates.get(i));
      refined.add(sweepCategories(acquisition, encoding, local));
    }
    refined.addAll(candidates);
    refined.sort(Comparator.comparingDouble(Scored::value).reversed());
    return refined;
  }

  private static Scored score(Acquisition acquisition, double[] point) {
    return new Scored(point, acquisition.value(point));
  }

  private static double[] perturb(
      double[] anchor, SpaceEncoding encoding, double scale, RandomGenerator random) {
    double[] x = anchor.clone();
    for (SpaceEncoding.Group g : encoding.groups()) {
      if (g.categorical()) {
        if (random.nextDouble() < 0.15) {
          SpaceEncoding.setCategory(x, g, random.nextInt(g.size()));
        }
      } else {
        double u = x[g.start()] + scale * random.nextGaussian();
        x[g.start()] = Math.min(1, Math.max(0, u));
      }
    }
    encoding.snap(x);
    return x;
  }

  private static Scored refineNumeric(
      Acquisition acquisition, SpaceEncoding encoding, Scored start) {
    int[] numeric =
        encoding.groups().stream().filter(g -> !g.categorical()).mapToInt(g -> g.start()).toArray();
    if (numeric.length < 2) {
      return start;
    }
    double[] base = start.point();
    double[] best = {start.value()};
    double[][] bestPoint = {base};
    ObjectiveFunction objective =
        new ObjectiveFunction(
            u -> {
              double[] x = base.clone();
              for (int k = 0; k < numeric.length; k++) {
                x[numeric[k]] = u[k];
              }
              double v = acquisition.value(x);
              if (v > best[0]) {
                best[0] = v;
                bestPoint[0] = x;
              }
              return v;
            });
    double[] guess = Arrays.stream(numeric).mapToDouble(f -> base[f]).toArray();
    double[] lower = new double[numeric.length];
    double[] upper = new double[numeric.length];
    Arrays.fill(upper, 1);
    try {
      new BOBYQAOptimizer(2 * numeric.length + 1, 0.05, 1e-4)
          .optimize(
              new MaxEval(40 + 15 * numeric.length),
              objective,
              GoalType.MAXIMIZE,
              new InitialGuess(guess),
              new SimpleBounds(lower, upper));
    } catch (MathIllegalStateException tooManyEvaluations) {
      // keep the best point seen
    }
    double[] x = bestPoint[0].clone();
    encoding.snap(x);
    return new Scored(x, best[0]);
  }

  private static Scored sweepCategories(
      Acquisition acquisition, SpaceEncoding encoding, Scored start) {
    Scored best = start;
    for (SpaceEncoding.Group g : encoding.groups()) {
      if (!g.categorical()) {
        continue;
      }
      int current = SpaceEncoding.category(best.point(), g);
      for (int c = 0; c < g.size(); c++) {
        if (c != current) {
          double[] x = best.point().clone();
          SpaceEncoding.setCategory(x, g, c);
          Scored s = score(acquisition, x);
          if (s.value() > best.value()) {
            best = s;
          }
        }
      }
    }
    return best;
  }
}
