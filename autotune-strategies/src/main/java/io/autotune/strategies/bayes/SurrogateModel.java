package io.autotune.strategies.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Builds the acquisition for one proposal from the observations: warps and standardises the losses,
 * fits the hyperparameters (on at most {@link #MAX_FIT_POINTS} experiments, so the fit stays cheap
 * late in a task), conditions the process, adds pending experiments as "kriging believer" fantasies
 * (observed at the predicted mean, which removes their uncertainty so parallel slots spread out),
 * and learns feasibility from failures. Stateless.
 */
final class SurrogateModel {
  static final int MAX_FIT_POINTS = 80;
  static final int MAX_CLASSIFIER_POINTS = 120;

  private SurrogateModel() {}

  static Acquisition acquisition(
      SpaceEncoding encoding, Observations observations, RandomGenerator random) {
    Kernel kernel = new Kernel(encoding.groups());
    double[][] x = observations.successes().toArray(double[][]::new);
    double[] y = OutputWarping.apply(observations.losses());
    Hyperparameters h =
        x.length == 0
            ? HyperparameterFit.priorMode(kernel.groups())
            : fitOnSubset(kernel, x, y, random);
    Optional<FeasibilityModel> feasibility = feasibility(kernel, observations, h);
    if (x.length == 0) {
      List<double[]> known = new ArrayList<>(observations.failures());
      known.addAll(observations.pending());
      double[][] kx = known.toArray(double[][]::new);
      GaussianProcess where = GaussianProcess.fit(kernel, kx, new double[kx.length], h);
      return Acquisition.exploration(encoding, where, feasibility);
    }
    GaussianProcess model =
        withFantasies(kernel, x, y, h, observations.pending(), observations.failures());
    double best = Arrays.stream(y).min().orElse(0);
    return Acquisition.expectedImprovement(encoding, model, feasibility, best);
  }

  private static Optional<FeasibilityModel> feasibility(
      Kernel kernel, Observations observations, Hyperparameters h) {
    if (observations.failures().isEmpty()) {
      return Optional.empty();
    }
    // the classifier costs O(n³) per Newton step: keep the recent failures and a spread of
    // successes
    List<double[]> failures = observations.failures();
    failures =
        failures.subList(Math.max(0, failures.size() - MAX_CLASSIFIER_POINTS / 2), failures.size());
    List<double[]> successes = observations.successes();
    int keep = Math.min(successes.size(), MAX_CLASSIFIER_POINTS - failures.size());
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < keep; i++) {
      points.add(successes.get((int) ((long) i * successes.size() / keep)));
    }
    int kept = points.size();
    points.addAll(failures);
    boolean[] ok = new boolean[points.size()];
    Arrays.fill(ok, 0, kept, true);
    return Optional.of(
        new FeasibilityModel(kernel, points.toArray(double[][]::new), ok, h.lengthScales()));
  }

  private static Hyperparameters fitOnSubset(
      Kernel kernel, double[][] x, double[] y, RandomGenerator random) {
    if (x.length <= MAX_FIT_POINTS) {
      return HyperparameterFit.fit(kernel, x, y, random);
    }
    // keep the best half of the budget (where the search works) and spread the rest over the others
    Integer[] order = new Integer[x.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
    int keepBest = MAX_FIT_POINTS / 2;
    int others = MAX_FIT_POINTS - keepBest;
    double stride = (x.length - keepBest) / (double) others;
    double[][] sx = new double[MAX_FIT_POINTS][];
    double[] sy = new double[MAX_FIT_POINTS];
    for (int i = 0; i < MAX_FIT_POINTS; i++) {
      int index = i < keepBest ? order[i] : order[keepBest + (int) ((i - keepBest) * stride)];
      sx[i] = x[index];
      sy[i] = y[index];
    }
    return HyperparameterFit.fit(kernel, sx, OutputWarping.standardise(sy), random);
  }

  private static GaussianProcess withFantasies(
      Kernel kernel,
      double[][] x,
      double[] y,
      Hyperparameters h,
      List<double[]> pending,
      List<double[]> failures) {
    GaussianProcess model = GaussianProcess.fit(kernel, x, y, h);
    if (pending.isEmpty() && failures.isEmpty()) {
      return model;
    }
    int n = x.length;
    double[][] all = Arrays.copyOf(x, n + pending.size() + failures.size());
    double[] ally = Arrays.copyOf(y, all.length);
    for (int i = 0; i < pending.size(); i++) {
      all[n + i] = pending.get(i);
      ally[n + i] = Math.max(model.mean(pending.get(i)), 0);
    }
    for (int i = 0; i < failures.size(); i++) {
      int at = n + pending.size() + i;
      all[at] = failures.get(i);
      ally[at] = model.mean(failures.get(i));
    }
    return GaussianProcess.fit(kernel, all, ally, h);
  }
}
