package io.autotune.strategies;

/**
 * Options of the {@link Strategies#tpe(TpeOptions) TPE strategy}. Immutable and thread-safe.
 *
 * @param multivariate one joint density over all parameters (captures interactions) instead of one
 *     density per parameter
 * @param initialRandom finished experiments drawn at random before the model is used (0: the model
 *     from the first successful experiment on; until then draws are random)
 * @param candidates candidates drawn from the good density per proposal; the one with the best
 *     ratio of good to bad density wins
 * @param priorWeight weight of the uniform prior component in each density
 */
public record TpeOptions(
    boolean multivariate, int initialRandom, int candidates, double priorWeight) {

  public TpeOptions {
    requireAtLeast("initialRandom", initialRandom, 0);
    requireAtLeast("candidates", candidates, 1);
    if (!(priorWeight > 0) || Double.isInfinite(priorWeight)) {
      throw new IllegalArgumentException(
          "priorWeight must be a finite number greater than 0, but was " + priorWeight);
    }
  }

  public static TpeOptions ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .multivariate(multivariate)
        .initialRandom(initialRandom)
        .candidates(candidates)
        .priorWeight(priorWeight);
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", but was " + value);
    }
  }

  /** Builds {@link TpeOptions}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private boolean multivariate = true;
    private int initialRandom = 10;
    private int candidates = 24;
    private double priorWeight = 1.0;

    private Builder() {}

    /** Joint (true) or per-parameter (false) densities. Default: true. */
    public Builder multivariate(boolean multivariate) {
      this.multivariate = multivariate;
      return this;
    }

    /** Random experiments before the model is used (task JSON: n_initial_random). Default: 10. */
    public Builder initialRandom(int initialRandom) {
      requireAtLeast("initialRandom", initialRandom, 0);
      this.initialRandom = initialRandom;
      return this;
    }

    /** Candidates scored per proposal (task JSON: n_ei_candidates). Default: 24. */
    public Builder candidates(int candidates) {
      requireAtLeast("candidates", candidates, 1);
      this.candidates = candidates;
      return this;
    }

    /** Weight of the prior component (task JSON: prior_weight). Default: 1.0. */
    public Builder priorWeight(double priorWeight) {
      if (!(priorWeight > 0) || Double.isInfinite(priorWeight)) {
        throw new IllegalArgumentException(
            "priorWeight must be a finite number greater than 0, but was " + priorWeight);
      }
      this.priorWeight = priorWeight;
      return this;
    }

    public TpeOptions build() {
      return new TpeOptions(multivariate, initialRandom, candidates, priorWeight);
    }
  }
}
