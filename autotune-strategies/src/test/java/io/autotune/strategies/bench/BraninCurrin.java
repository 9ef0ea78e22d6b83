package io.autotune.strategies.bench;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.Optional;

/** functions_mo.py's branin_currin: BoTorch's BraninCurrin, both objectives minimised. */
final class BraninCurrin {
  static final SearchSpace SPACE = SearchSpace.builder().real("x0", 0, 1).real("x1", 0, 1).build();

  private BraninCurrin() {}

  static Optional<ParetoFunction.Outcome> evaluate(Configuration p) {
    double x0 = p.getDouble("x0");
    double x1 = p.getDouble("x1");
    double u = 15 * x0 - 5;
    double v = 15 * x1;
    double w = v - 5.1 / (4 * Math.pow(Math.PI, 2)) * u * u + 5 / Math.PI * u - 6;
    double branin = w * w + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(u) + 10;
    double x1c = Math.max(x1, 1e-12);
    double currin =
        (1 - Math.exp(-1 / (2 * x1c)))
            * (2300 * Math.pow(x0, 3) + 1900 * Math.pow(x0, 2) + 2092 * x0 + 60)
            / (100 * Math.pow(x0, 3) + 500 * Math.pow(x0, 2) + 4 * x0 + 20);
    return Optional.of(ParetoFunction.Outcome.of(new double[] {branin, currin}, new double[0]));
  }
}
