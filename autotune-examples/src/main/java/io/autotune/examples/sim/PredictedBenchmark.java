package io.autotune.examples.sim;

import io.autotune.inference.BenchmarkSpec;
import io.autotune.inference.InferenceMetrics;
import io.autotune.inference.LengthDistribution;
import io.autotune.inference.LevelResult;
import io.autotune.inference.Load;
import io.autotune.inference.Summary;
import io.autotune.inference.TrafficScenario;
import io.autotune.model.Slo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the built-in load generator measures on a simulated server, worked out from its model
 * instead of run: the same levels, aggregated by {@link InferenceMetrics} as a real run is.
 *
 * <p>A D(in,out) scenario sends requests of one length, and {@link SimulatedEngine} serves them in
 * waves: the first {@code min(concurrency, batch)} have their prompts prefilled one after another
 * (the k-th waits k prefills; the load generator's prompts are unique, so nothing is cached), wait
 * their time to first token, share the output rate while they decode, and finish together; queued
 * requests and the clients' next requests form the next wave. HTTP and scheduling overheads are
 * left out: measured times are a little longer (SimulatorCalibration prints by how much). Immutable
 * and thread-safe.
 *
 * @param benchmark the task's benchmark section (built-in tool; D(in,out) scenarios only)
 * @param timeScale the simulated server's {@code --time-scale}
 * @param slos the objective's SLOs, for dropping the levels that break a hard one
 */
public record PredictedBenchmark(BenchmarkSpec benchmark, double timeScale, List<Slo> slos) {

  public PredictedBenchmark {
    Objects.requireNonNull(benchmark, "benchmark");
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException("timeScale must be positive, but was " + timeScale);
    }
    slos = List.copyOf(slos);
  }

  /** The aggregated metrics of one experiment; empty when the server does not start. */
  public Optional<Map<String, Double>> metrics(ServingModel model) {
    if (model.outOfMemory() || model.hangsAtStartup()) {
      return Optional.empty();
    }
    List<LevelResult> levels = new ArrayList<>();
    for (TrafficScenario scenario : benchmark.scenarios()) {
      for (Load load : benchmark.loads()) {
        levels.add(level(model, fixedLengths(scenario), load));
      }
    }
    return Optional.of(InferenceMetrics.aggregate(levels, model.tpSize(), slos));
  }

  private static TrafficScenario.Synthetic fixedLengths(TrafficScenario scenario) {
    if (scenario instanceof TrafficScenario.Synthetic synthetic
        && synthetic.input() instanceof LengthDistribution.Fixed
        && synthetic.output() instanceof LengthDistribution.Fixed) {
      return synthetic;
    }
    throw new IllegalArgumentException("only D(in,out) scenarios are predicted, not " + scenario);
  }

  private LevelResult level(ServingModel model, TrafficScenario.Synthetic scenario, Load load) {
    if (load.isOpenLoop()) {
      throw new IllegalArgumentException("only concurrency levels are predicted, not " + load);
    }
    int concurrency = load.concurrency();
    int slots = Math.max(1, (int) Math.floor(model.batch()));
    double rate = model.perGpuThroughput() * model.tpSize(); // output tokens/s, model time
    double firstToken = model.ttftSeconds();
    int input = ((LengthDistribution.Fixed) scenario.input()).tokens();
    int output = ((LengthDistribution.Fixed) scenario.output()).tokens();
    double levelEnd = benchmark.maxTimePerLevel().toNanos() / 1e9 * timeScale;
    int requests = benchmark.maxRequestsPerLevel();

    Deque<Double> sentAt = new ArrayDeque<>(); // queued requests, by the time they were sent
    int started = Math.min(requests, concurrency);
    for (int i = 0; i < started; i++) {
      sentAt.add(0.0);
    }
    List<Double> ttft = new ArrayList<>();
    List<Double> tpot = new ArrayList<>();
    List<Double> latency = new ArrayList<>();
    double prefill = input / model.prefillTokensPerSecond(); // unique prompts: no cache hits
    double now = 0;
    while (!sentAt.isEmpty()) {
      int wave = Math.min(sentAt.size(), slots);
      // the lane prefills the wave's prompts one after another; the output rate is shared by
      // whoever decodes, so the wave ends when all its tokens are out, or when the last prompt's
      // request has decoded alone, whichever is later
      double decoding = (output - 1) * wave / rate;
      double end =
          now + firstToken + Math.max(prefill + decoding, wave * prefill + (output - 1) / rate);
      for (int i = 1; i <= wave; i++) {
        double sent = sentAt.poll();
        double first = now + firstToken + i * prefill;
        ttft.add((first - sent) / timeScale);
        latency.add((end - sent) / timeScale);
        if (output > 1) {
          tpot.add((end - first) / (output - 1) / timeScale);
        }
      }
      now = end;
      int next = now < levelEnd ? Math.min(wave, requests - started) : 0;
      for (int i = 0; i < next; i++) {
        sentAt.add(now);
      }
      started += next;
    }
    double seconds = now / timeScale;
    int done = latency.size();
    return new LevelResult(
        scenario.toString(),
        load,
        done,
        0,
        seconds,
        summary(ttft),
        summary(tpot),
        summary(latency),
        (double) done * output / seconds,
        (double) done * (input + output) / seconds,
        done / seconds,
        input,
        output,
        List.of(),
        Optional.empty());
  }

  private static Summary summary(List<Double> values) {
    return Summary.of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
