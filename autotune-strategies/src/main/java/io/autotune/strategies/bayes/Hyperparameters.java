package io.autotune.strategies.bayes;

/**
 * Kernel hyperparameters on the standardised output: one length scale per parameter (in unit-cube
 * units), the signal variance and the observation noise variance. Immutable.
 */
record Hyperparameters(double[] lengthScales, double signalVariance, double noiseVariance) {

  Hyperparameters {
    lengthScales = lengthScales.clone();
  }

  /** Reads the optimiser's vector: log length scales, then log signal and log noise variance. */
  static Hyperparameters fromLog(double[] theta) {
    int g = theta.length - 2;
    double[] lengths = new double[g];
    for (int k = 0; k < g; k++) {
      lengths[k] = Math.exp(theta[k]);
    }
    return new Hyperparameters(lengths, Math.exp(theta[g]), Math.exp(theta[g + 1]));
  }

  double[] inverseSquaredLengths() {
    double[] inv = new double[lengthScales.length];
    for (int k = 0; k < inv.length; k++) {
      inv[k] = 1.0 / (lengthScales[k] * lengthScales[k]);
    }
    return inv;
  }
}
