package io.autotune.strategies.bayes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Maximises the acquisition over the unit cube: many random points plus perturbations of the best
 * experiments, then a compass search on the numeric coordinates from the best few, then a sweep
 * over each choice's other categories. Returns candidates best first, so the caller can skip
 * configurations already taken. Stateless; the work is capped so that one proposal stays cheap.
 */
final class AcquisitionSearch {
  static final int RANDOM_CANDIDATES = 500;
  static final int PERTURBATIONS_PER_ANCHOR = 30;
  static final int REFINED = 3;
  private static final double[] DIRECTIONS = {1, -1};

  private AcquisitionSearch() {}

  record Scored(double[] point, double value) {}

  static List<Scored> search(
      Acquisition acquisition,
      SpaceEncoding encoding,
      List<double[]> anchors,
      int observedPoints,
      RandomGenerator random) {
    List<Scored> candidates = new ArrayList<>();
    // late in a task each candidate costs more (O(n²)) and the model needs fewer blind guesses
    int randomCandidates = observedPoints > 100 ? RANDOM_CANDIDATES / 2 : RANDOM_CANDIDATES;
    for (int i = 0; i < randomCandidates; i++) {
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

  /**
   * Compass search on the numeric coordinates: try a step up and down along each, keep any
   * improvement, halve the step when none helps. It needs no gradient, copes with the steps of
   * integer parameters, and its bookkeeping is negligible next to the acquisition (hipparchus'
   * BOBYQA spent about 100 µs per evaluation on its own model, 40 times the acquisition's cost).
   */
  private static Scored refineNumeric(
      Acquisition acquisition, SpaceEncoding encoding, Scored start) {
    int[] numeric =
        encoding.groups().stream().filter(g -> !g.categorical()).mapToInt(g -> g.start()).toArray();
    double[] x = start.point().clone();
    double value = start.value();
    int budget = 40 + 20 * numeric.length;
    int evaluations = 0;
    double step = 0.05;
    while (step >= 1e-3 && evaluations < budget && numeric.length > 0) {
      boolean improved = false;
      for (int f : numeric) {
        for (double direction : DIRECTIONS) {
          double[] candidate = x.clone();
          candidate[f] = Math.min(1, Math.max(0, x[f] + direction * step));
          if (candidate[f] == x[f]) {
            continue;
          }
          double v = acquisition.value(candidate);
          evaluations++;
          if (v > value) {
            x = candidate;
            value = v;
            improved = true;
            break;
          }
        }
      }
      if (!improved) {
        step *= 0.5;
      }
    }
    encoding.snap(x);
    return new Scored(x, value);
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
