package io.autotune.examples.jmh;

import io.autotune.examples.sim.ServingModel;
import io.autotune.examples.sim.SimulatedServerProcess;
import io.autotune.inference.BenchmarkRun;
import io.autotune.inference.BenchmarkSpec;
import io.autotune.inference.LevelResult;
import io.autotune.inference.LoadGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Requests per second the built-in load generator completes against the simulated server (a child
 * process), with the server made fast enough ({@code --time-scale 1000}) that the generator and the
 * HTTP path are what is measured. Run: {@code java -cp autotune-examples/target/autotune.jar
 * org.openjdk.jmh.Main LoadGeneratorBenchmark}. A JMH state; not for use outside JMH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class LoadGeneratorBenchmark {

  private static final int REQUESTS = 64;

  @Param({"1", "16"})
  public int concurrency;

  private SimulatedServerProcess server;
  private BenchmarkSpec spec;
  private final LoadGenerator generator = LoadGenerator.create();

  @Setup(Level.Trial)
  public void startServer() throws Exception {
    server = SimulatedServerProcess.start(new ServingModel(4, 0.88, "lpm", 8192, 512, 256), 1000);
    spec =
        BenchmarkSpec.builder()
            .api(BenchmarkSpec.Api.COMPLETIONS)
            .trafficScenarios(List.of("D(16,16)"))
            .concurrency(List.of(concurrency))
            .warmupRequests(0)
            .levelBounds(Duration.ofMinutes(5), REQUESTS)
            .requestTimeout(Duration.ofSeconds(30))
            .build();
  }

  @TearDown(Level.Trial)
  public void stopServer() throws InterruptedException {
    server.close();
  }

  /** One level of 64 streamed requests; the score is completed requests per second. */
  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public LevelResult level() throws InterruptedException {
    LevelResult level =
        generator.run(server.uri(), "sim", spec, BenchmarkRun.of(Duration.ofSeconds(120))).get(0);
    if (level.errors() > 0) {
      throw new IllegalStateException("requests failed: " + level.errorExamples());
    }
    return level;
  }
}
