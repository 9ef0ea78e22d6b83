package io.autotune.examples.jmh;

import io.autotune.examples.sim.SimulatedServer;
import io.autotune.examples.sim.SimulatorCalibration;
import io.autotune.inference.BenchmarkSpec;
import io.autotune.inference.LevelResult;
import io.autotune.inference.LoadGenerator;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  private Process server;
  private URI base;
  private BenchmarkSpec spec;
  private final LoadGenerator generator = LoadGenerator.create();

  @Setup(Level.Trial)
  public void startServer() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    server =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SimulatedServer.class.getName(),
                "--port",
                "" + port,
                "--time-scale",
                "1000",
                "--tp-size",
                "4",
                "--mem-fraction-static",
                "0.88",
                "--schedule-policy",
                "lpm",
                "--chunked-prefill-size",
                "8192",
                "--max-running-requests",
                "512",
                "--cuda-graph-max-bs",
                "256")
            .inheritIO()
            .start();
    base = URI.create("http://127.0.0.1:" + port + "/");
    SimulatorCalibration.awaitReady(base);
    spec =
        new BenchmarkSpec(
            BenchmarkSpec.Tool.BUILTIN,
            BenchmarkSpec.Api.COMPLETIONS,
            Optional.empty(),
            List.of("D(16,16)"),
            List.of(concurrency),
            0,
            Duration.ofMinutes(5),
            REQUESTS,
            Duration.ofSeconds(30),
            Map.of(),
            BenchmarkSpec.GenaiBenchOptions.defaults());
  }

  @TearDown(Level.Trial)
  public void stopServer() throws InterruptedException {
    server.destroy();
    server.waitFor(10, TimeUnit.SECONDS);
  }

  /** One level of 64 streamed requests; the score is completed requests per second. */
  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public LevelResult level() throws InterruptedException {
    LevelResult level =
        generator.run(base, "sim", spec, Instant.now().plusSeconds(120), () -> false).get(0);
    if (level.errors() > 0) {
      throw new IllegalStateException("requests failed: " + level.errorExamples());
    }
    return level;
  }
}
