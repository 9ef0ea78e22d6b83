package io.autotune.examples.sim;

import io.autotune.inference.BenchmarkSpec;
import io.autotune.inference.InferenceMetrics;
import io.autotune.inference.LevelResult;
import io.autotune.inference.LoadGenerator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How close the simulated server's measured speed comes to its model, with the quickstart's
 * benchmark (D(32,512), concurrency 32, 32 requests, time scale 5), for six configurations. Run:
 * {@code java -cp autotune-examples/target/autotune.jar
 * io.autotune.examples.sim.SimulatorCalibration}. Stateless; its helper is thread-safe.
 */
public final class SimulatorCalibration {

  private static final double TIME_SCALE = 5;
  private static final List<ServingModel> CONFIGURATIONS =
      List.of(
          new ServingModel(1, 0.9, "lpm", 8192, 256, 128),
          new ServingModel(2, 0.9, "lpm", 8192, 256, 128),
          new ServingModel(8, 0.9, "lpm", 8192, 1024, 512),
          new ServingModel(1, 0.7, "fcfs", 2048, 64, 32),
          new ServingModel(4, 0.8, "random", 16384, 512, 64),
          new ServingModel(4, 0.88, "lpm", 8192, 939, 512));

  private SimulatorCalibration() {}

  public static void main(String[] args) throws Exception {
    BenchmarkSpec spec =
        new BenchmarkSpec(
            BenchmarkSpec.Tool.BUILTIN,
            BenchmarkSpec.Api.COMPLETIONS,
            Optional.empty(),
            List.of("D(32,512)"),
            List.of(32),
            4,
            Duration.ofSeconds(20),
            32,
            Duration.ofSeconds(60),
            Map.of(),
            BenchmarkSpec.GenaiBenchOptions.defaults());
    for (ServingModel model : CONFIGURATIONS) {
      Map<String, Double> metrics = measure(model, spec);
      double measured = metrics.get(InferenceMetrics.OUTPUT_THROUGHPUT_PER_GPU) / TIME_SCALE;
      System.out.printf(
          Locale.ROOT,
          "%s: model %.0f tok/s/GPU, ttft %.3f s; measured %.0f tok/s/GPU (%.2f of the model),"
              + " ttft %.3f s%n",
          model,
          model.perGpuThroughput(),
          model.ttftSeconds(),
          measured,
          measured / model.perGpuThroughput(),
          metrics.get(InferenceMetrics.TTFT) * TIME_SCALE);
    }
  }

  private static Map<String, Double> measure(ServingModel model, BenchmarkSpec spec)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SimulatedServer.class.getName(),
                "--port",
                "" + port,
                "--time-scale",
                "" + TIME_SCALE,
                "--tp-size",
                "" + model.tpSize(),
                "--mem-fraction-static",
                "" + model.memFractionStatic(),
                "--schedule-policy",
                model.schedulePolicy(),
                "--chunked-prefill-size",
                "" + model.chunkedPrefillSize(),
                "--max-running-requests",
                "" + model.maxRunningRequests(),
                "--cuda-graph-max-bs",
                "" + model.cudaGraphMaxBs()));
    Process server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      URI base = URI.create("http://127.0.0.1:" + port + "/");
      awaitReady(base);
      List<LevelResult> levels =
          LoadGenerator.create()
              .run(base, "sim", spec, Instant.now().plusSeconds(120), () -> false);
      return InferenceMetrics.aggregate(levels, model.tpSize(), List.of());
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Waits until the server at {@code base} answers GET /health with 200. */
  public static void awaitReady(URI base) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < 400; i++) {
      try {
        HttpRequest health = HttpRequest.newBuilder(base.resolve("health")).build();
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the simulated server at " + base + " did not start");
  }
}
