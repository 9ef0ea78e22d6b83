package io.autotune.strategies.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * Builds the acquisition for one proposal from the observations: warps and standardises the losses,
 * fits the hyperparameters, conditions the process, adds fantasies, and learns feasibility from
 * failures. Sizes are capped ({@link #MAX_FIT_POINTS} and friends) so that a proposal stays cheap
 * late in a long task.
 *
 * <p>A pending experiment is fantasised at its predicted mean (kriging believer), which removes the
 * uncertainty there; {@link PendingPenalty} keeps the next slot from landing right next to it.
 *
 * <p>A failed experiment is fantasised at its predicted mean: no score is made up and the mean does
 * not move, but the model stops being uncertain there. Without it a failed region keeps a high
 * expected improvement forever (the model has no data there), and the feasibility model alone has
 * to outvote that optimism. Stateless.
 */
final class SurrogateModel {
  static final int MAX_FIT_POINTS = 80;
  static final int MAX_MODEL_POINTS = 250;
  static final int MAX_CLASSIFIER_POINTS = 120;
  static final int MAX_FAILURES = 60;

  private SurrogateModel() {}

  static Acquisition acquisition(
      SpaceEncoding encoding, Observations observations, RandomGenerator random) {
    if (observations.objectiveCount() == 2 && !observations.successes().isEmpty()) {
      return ParetoSurrogate.acquisition(encoding, observations, random);
    }
    Kernel kernel = new Kernel(encoding.groups());
    double[] allY = OutputWarping.apply(observations.losses());
    int[] kept = Subsets.bestAndSpread(allY, modelPoints(1 + observations.constraintCount()));
    double[][] x = Subsets.rows(observations.successes().toArray(double[][]::new), kept);
    double[] y = Subsets.values(allY, kept);
    List<double[]> failures = Subsets.last(observations.failures(), MAX_FAILURES);
    Hyperparameters h = fit(kernel, x, y, random, 1 + observations.constraintCount());
    Optional<FeasibilityModel> feasibility = feasibility(kernel, x, failures, h);
    if (x.length == 0) {
      List<double[]> known = new ArrayList<>(failures);
      known.addAll(observations.pending());
      double[][] kx = known.toArray(double[][]::new);
      GaussianProcess where = GaussianProcess.fit(kernel, kx, new double[kx.length], h);
      return new Acquisition(
          encoding,
          Acquisition.Criterion.exploration(where),
          feasibility,
          Optional.empty(),
          PendingPenalty.NONE);
    }
    GaussianProcess model = withFantasies(kernel, x, y, h, observations.pending(), failures);
    PendingPenalty penalty = new PendingPenalty(kernel, observations.pending(), h);
    Optional<ConstraintModel> constraints =
        constraints(
            kernel,
            x,
            Subsets.rows(observations.constraints(), kept),
            observations,
            1 + observations.constraintCount(),
            random);
    // the incumbent is the best modelled loss, not the best observed one: with noisy experiments a
    // lucky measurement would otherwise set a bar that nothing can be expected to beat
    OptionalDouble best = bestFeasible(model, x, Subsets.rows(observations.constraints(), kept));
    Acquisition.Criterion criterion =
        best.isPresent()
            ? Acquisition.Criterion.expectedImprovement(model, best.getAsDouble())
            : Acquisition.Criterion.feasibilityOnly();
    return new Acquisition(encoding, criterion, feasibility, constraints, penalty);
  }

  /** One process per constraint of the task, or empty for a task without constraints. */
  static Optional<ConstraintModel> constraints(
      Kernel kernel,
      double[][] x,
      double[][] values,
      Observations observations,
      int models,
      RandomGenerator random) {
    int count = observations.constraintCount();
    return count == 0
        ? Optional.empty()
        : Optional.of(ConstraintModel.fit(kernel, x, values, count, models, random));
  }

  /** The best modelled loss among the points that met every constraint; empty if none did. */
  static OptionalDouble bestFeasible(GaussianProcess model, double[][] x, double[][] c) {
    OptionalDouble best = OptionalDouble.empty();
    for (int i = 0; i < x.length; i++) {
      if (Arrays.stream(c[i]).allMatch(v -> v <= 0)) {
        double mean = model.mean(x[i]);
        best = OptionalDouble.of(best.isPresent() ? Math.min(best.getAsDouble(), mean) : mean);
      }
    }
    return best;
  }

  /**
   * How many points each of {@code models} processes keeps: a prediction costs O(n²) per model, so
   * with k models each keeps MAX_MODEL_POINTS/√k and a proposal costs about what one model does.
   */
  static int modelPoints(int models) {
    return (int) (MAX_MODEL_POINTS / Math.sqrt(models));
  }

  static Hyperparameters fit(Kernel kernel, double[][] x, double[] y, RandomGenerator random) {
    return fit(kernel, x, y, random, 1);
  }

  /**
   * Fits one of {@code models} processes. The fit costs O(n³) per likelihood evaluation, so with k
   * processes to fit each sees at most MAX_FIT_POINTS/∛k points.
   */
  static Hyperparameters fit(
      Kernel kernel, double[][] x, double[] y, RandomGenerator random, int models) {
    int max = (int) (MAX_FIT_POINTS / Math.cbrt(models));
    if (x.length == 0) {
      return HyperparameterFit.priorMode(kernel.groups());
    }
    if (x.length <= max) {
      return HyperparameterFit.fit(kernel, x, y, random);
    }
    int[] subset = Subsets.bestAndSpread(y, max);
    double[] sy = OutputWarping.standardise(Subsets.values(y, subset));
    return HyperparameterFit.fit(kernel, Subsets.rows(x, subset), sy, random);
  }

  static Optional<FeasibilityModel> feasibility(
      Kernel kernel, double[][] successes, List<double[]> failures, Hyperparameters h) {
    if (failures.isEmpty()) {
      return Optional.empty();
    }
    // the classifier costs O(n³) per Newton step: all kept failures, successes spread evenly
    int keep = Math.min(successes.length, MAX_CLASSIFIER_POINTS - failures.size());
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < keep; i++) {
      points.add(successes[(int) ((long) i * successes.length / keep)]);
    }
    points.addAll(failures);
    boolean[] ok = new boolean[points.size()];
    Arrays.fill(ok, 0, keep, true);
    return Optional.of(
        FeasibilityModel.fit(kernel, points.toArray(double[][]::new), ok, h.lengthScales()));
  }

  static GaussianProcess withFantasies(
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
      ally[n + i] = model.mean(pending.get(i));
    }
    for (int i = 0; i < failures.size(); i++) {
      int at = n + pending.size() + i;
      all[at] = failures.get(i);
      ally[at] = model.mean(failures.get(i));
    }
    return GaussianProcess.fit(kernel, all, ally, h);
  }
}
