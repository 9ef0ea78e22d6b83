package io.autotune.strategies.bayes;

import java.util.SplittableRandom;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * The space-filling start of a task: a Sobol sequence with a random digital shift drawn from the
 * task's seed, so that point k is the same whenever it is asked for (a pure function of the seed
 * and the number of experiments so far). Stateless.
 */
final class InitialDesign {
  private static final long MANTISSA = 1L << 52;

  private InitialDesign() {}

  /** Point {@code index} in [0,1)^dimensions. */
  static double[] point(int dimensions, long seed, int index) {
    double[] u = new double[dimensions];
    if (dimensions == 0) {
      return u;
    }
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(dimensions);
    double[] raw = sobol.skipTo(index);
    SplittableRandom shifts = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int k = 0; k < dimensions; k++) {
      long bits = (long) (raw[k] * MANTISSA);
      long shift = shifts.nextLong() & (MANTISSA - 1);
      u[k] = (bits ^ shift) / (double) MANTISSA;
    }
    return u;
  }
}
