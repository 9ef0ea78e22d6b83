package io.autotune.examples.jmh;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import io.autotune.strategies.bench.BenchmarkFunction;
import io.autotune.strategies.bench.ParetoFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one proposal with 20, 60 and 200 finished experiments in a 6-dimensional mixed space
 * (serving_sim's: a 4-way choice of numbers, a real range, a 4-way choice of strings and three
 * log-scaled integers), with failures among the experiments as serving_sim produces them. Sample
 * mode, so the report has the median ({@code p0.50}). The strategy is found by name, as task JSON
 * finds it; grid discretises the real range into 10 points. {@code function} picks the history:
 * serving_sim's one objective, serving_pareto's two objectives or serving_slo's objective and
 * constraint (shared/bench/functions_mo.py), all on the same space.
 *
 * <p>Run: {@code java -cp autotune-examples/target/autotune.jar org.openjdk.jmh.Main
 * ProposalLatency -p strategy=tpe}. Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProposalLatencyBenchmark {
  private static final long SEED = 42;

  @Param({"grid", "random", "tpe", "bayesian"})
  public String strategy;

  @Param({"20", "60", "200"})
  public int finished;

  @Param({"serving_sim", "serving_pareto", "serving_slo"})
  public String function;

  private Strategy instance;
  private SearchSpace space;
  private List<Trial> history;

  @Setup
  public void setUp() {
    Map<String, Object> options = strategy.equals("grid") ? Map.of("real_points", 10) : Map.of();
    instance = Strategy.named(strategy, options);
    space = BenchmarkFunction.SERVING_SIM.space();
    history = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(SEED);
    for (int n = 1; n <= finished; n++) {
      history.add(trial(n, space.sample(random)));
    }
  }

  private Trial trial(int n, Configuration c) {
    if (function.equals("serving_sim")) {
      return Trial.of(n, c, BenchmarkFunction.SERVING_SIM.evaluate(c));
    }
    return ParetoFunction.named(function)
        .evaluate(c)
        .map(o -> Trial.succeeded(n, c, o.values(), o.constraints()))
        .orElseGet(() -> Trial.failed(n, c));
  }

  @Benchmark
  public Optional<Configuration> propose() {
    return instance.propose(
        new StrategyContext(
            space,
            history,
            List.of(),
            1000,
            SEED,
            StrategyContext.randomFor(SEED, history.size())));
  }
}
