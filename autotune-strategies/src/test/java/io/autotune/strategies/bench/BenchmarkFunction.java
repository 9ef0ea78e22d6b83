package io.autotune.strategies.bench;

import static io.autotune.strategies.bench.LiteratureFunctions.box;
import static io.autotune.strategies.bench.LiteratureFunctions.vector;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public benchmark objectives of {@code shared/bench/functions.py} and the development suite of
 * {@code functions_dev.py} (autotune-strategies/src/test/python), ported exactly: same spaces, same
 * formulas, same noise, minimised. An empty value is a failed experiment (the configuration is
 * infeasible, like a server that runs out of memory at start-up). Immutable and thread-safe.
 */
// never mutated: SearchSpace is an immutable record and the functions are stateless
@SuppressWarnings("ImmutableEnumChecker")
public enum BenchmarkFunction {
  /** Branin on [-5, 10] x [0, 15]; three global minima. */
  BRANIN("branin", 0.397887, Branin.SPACE, Branin::evaluate),
  /** Hartmann 6-d on [0, 1]^6. */
  HARTMANN6("hartmann6", -3.32237, Hartmann6.SPACE, Hartmann6::evaluate),
  /** A made-up model of an SGLang-like server: -(output tokens/s per GPU) with an SLO penalty. */
  SERVING_SIM("serving_sim", -1610.0440, ServingSim.SPACE, ServingSim::evaluate),

  // The development suite of functions_dev.py (autotune-strategies/src/test/python), with the
  // optima stated there.
  /** Ackley 5-d on [-32.768, 32.768]^5: many shallow local minima around one deep one. */
  ACKLEY5("ackley5", 0.0, box(5, -32.768, 32.768), vector(5, LiteratureFunctions::ackley)),
  /** Rastrigin 4-d on [-5.12, 5.12]^4: a regular grid of local minima. */
  RASTRIGIN4("rastrigin4", 0.0, box(4, -5.12, 5.12), vector(4, LiteratureFunctions::rastrigin)),
  /** Levy 6-d on [-10, 10]^6. */
  LEVY6("levy6", 0.0, box(6, -10, 10), vector(6, LiteratureFunctions::levy)),
  /** Rosenbrock 4-d on [-5, 10]^4: a curved, ill-conditioned valley. */
  ROSENBROCK4("rosenbrock4", 0.0, box(4, -5, 10), vector(4, LiteratureFunctions::rosenbrock)),
  /** Styblinski-Tang 8-d on [-5, 5]^8. */
  STYBLINSKI_TANG8(
      "styblinski_tang8",
      -313.32932563017124,
      box(8, -5, 5),
      vector(8, LiteratureFunctions::styblinskiTang)),
  /** Michalewicz 5-d (m = 10) on [0, pi]^5: steep narrow valleys. */
  MICHALEWICZ5(
      "michalewicz5",
      -4.6876581790881495,
      box(5, 0, Math.PI),
      vector(5, LiteratureFunctions::michalewicz)),
  /** Hartmann 3-d on [0, 1]^3. */
  HARTMANN3(
      "hartmann3", -3.862779787332663, box(3, 0, 1), vector(3, LiteratureFunctions::hartmann3)),
  /** Six-hump camel on [-3, 3] x [-2, 2]: two global minima. */
  SIX_HUMP_CAMEL(
      "six_hump_camel",
      -1.0316284534898774,
      SearchSpace.builder().real("x0", -3, 3).real("x1", -2, 2).build(),
      vector(2, LiteratureFunctions::sixHumpCamel)),
  /** The logarithm of Goldstein-Price on [-2, 2]^2. */
  GOLDSTEIN_PRICE_LOG(
      "goldstein_price_log",
      Math.log(3.0),
      box(2, -2, 2),
      vector(2, LiteratureFunctions::goldsteinPriceLog)),
  /** Shekel (m = 10) on [0, 10]^4: a flat floor with ten narrow holes. */
  SHEKEL10(
      "shekel10", -10.536443153483532, box(4, 0, 10), vector(4, LiteratureFunctions::shekel10)),
  /** De Jong's step function 5-d on [-5.12, 5.12]^5: plateaus of width 1, optimum in a corner. */
  DEJONG_STEP5("dejong_step5", -30.0, box(5, -5.12, 5.12), vector(5, LiteratureFunctions::step)),
  /** Yao, Liu and Lin's step function 5-d on [-100, 100]^5: plateaus, optimum in the centre. */
  YAO_STEP5("yao_step5", 0.0, box(5, -100, 100), vector(5, LiteratureFunctions::yaoStep)),
  /** Ackley with integer coordinates and a categorical shift of its optimum. */
  ACKLEY_MIXED("ackley_mixed", 0.0, AckleyMixed.SPACE, AckleyMixed::evaluate),
  /** Hartmann 6-d observed with 5 % multiplicative noise: value * (1 + 0.05 z). */
  HARTMANN6_NOISY("hartmann6_noisy", -3.32237, Hartmann6.SPACE, Hartmann6::evaluate, 0.05),
  /** Styblinski-Tang 8-d observed with 5 % multiplicative noise. */
  STYBLINSKI_TANG8_NOISY(
      "styblinski_tang8_noisy",
      -313.32932563017124,
      box(8, -5, 5),
      vector(8, LiteratureFunctions::styblinskiTang),
      0.05);

  private final String id;
  private final double optimum;
  private final SearchSpace space;
  private final Function<Configuration, OptionalDouble> objective;
  private final double noise;

  BenchmarkFunction(
      String id,
      double optimum,
      SearchSpace space,
      Function<Configuration, OptionalDouble> objective) {
    this(id, optimum, space, objective, 0.0);
  }

  BenchmarkFunction(
      String id,
      double optimum,
      SearchSpace space,
      Function<Configuration, OptionalDouble> objective,
      double noise) {
    this.id = id;
    this.optimum = optimum;
    this.space = space;
    this.objective = objective;
    this.noise = noise;
  }

  /** The name used in functions.py and in the JSON lines, e.g. {@code serving_sim}. */
  public String id() {
    return id;
  }

  public SearchSpace space() {
    return space;
  }

  /**
   * The known optimum (as given in shared/bench/README.md or functions_dev.py), for simple regret.
   */
  public double optimum() {
    return optimum;
  }

  /** The value at {@code configuration}; empty when the experiment fails. */
  public OptionalDouble evaluate(Configuration configuration) {
    return objective.apply(configuration);
  }

  /** The relative standard deviation of the observation noise; 0 for a noiseless function. */
  public double noise() {
    return noise;
  }

  /**
   * What a strategy observes of {@code value} in trial {@code trial} (0, 1, ...) of the run with
   * seed {@code seed}: {@code value * (1 + noise() * z)} with z a standard normal drawn from (seed,
   * trial) alone, as functions_dev.py's {@code observe}; the value itself when the function is
   * noiseless or the experiment failed. Simple regret is measured on the value, not on this.
   */
  public OptionalDouble observe(OptionalDouble value, long seed, int trial) {
    if (noise == 0 || value.isEmpty()) {
      return value;
    }
    double z = MultiplicativeNoise.normal(seed, trial);
    return OptionalDouble.of(value.getAsDouble() * (1 + noise * z));
  }

  /**
   * The function with this id.
   *
   * @throws IllegalArgumentException naming the known ids
   */
  public static BenchmarkFunction named(String id) {
    for (BenchmarkFunction f : values()) {
      if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown function '"
            + id
            + "'; known functions: "
            + Arrays.stream(values()).map(BenchmarkFunction::id).collect(Collectors.joining(", ")));
  }
}
