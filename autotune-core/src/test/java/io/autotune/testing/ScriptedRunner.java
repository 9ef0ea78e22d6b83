package io.autotune.testing;

import io.autotune.spi.ExperimentContext;
import io.autotune.spi.ExperimentRunner;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A runner whose result is a function of the context; counts calls and concurrency. */
public final class ScriptedRunner implements ExperimentRunner {
  /** What the script does for one experiment. */
  @FunctionalInterface
  public interface Script {
    Map<String, Double> run(ExperimentContext context) throws Exception;
  }

  private final Script script;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();

  public ScriptedRunner(Script script) {
    this.script = script;
  }

  /** Scores {@code value} = f(x) with f given, no delay. */
  public static ScriptedRunner value(Function<ExperimentContext, Double> f) {
    return new ScriptedRunner(c -> Map.of("value", f.apply(c)));
  }

  @Override
  public Map<String, Double> run(ExperimentContext context) throws Exception {
    calls.incrementAndGet();
    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      return script.run(context);
    } finally {
      running.decrementAndGet();
    }
  }

  public int calls() {
    return calls.get();
  }

  public int maxConcurrent() {
    return maxRunning.get();
  }
}
