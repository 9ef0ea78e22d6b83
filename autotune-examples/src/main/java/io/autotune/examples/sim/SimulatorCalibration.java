package io.autotune.examples.sim;

import io.autotune.inference.InferenceMetrics;
import io.autotune.inference.LevelResult;
import io.autotune.inference.LoadGenerator;
import io.autotune.model.Evaluation;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How close the simulated server's measured metrics come to what {@link PredictedBenchmark} says,
 * with a task's benchmark, for six configurations and the task's simulated optimum. Run: {@code
 * java -cp autotune-examples/target/autotune.jar io.autotune.examples.sim.SimulatorCalibration
 * examples/tasks/quickstart.json}. Stateless; its helper is thread-safe.
 */
public final class SimulatorCalibration {

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
    if (args.length != 1) {
      System.err.println("usage: SimulatorCalibration TASK.json");
      System.exit(2);
    }
    TaskSpec spec = TaskJson.read(Path.of(args[0]));
    SimulatedOptimum simulated = SimulatedOptimum.of(spec);
    List<ServingModel> models = new ArrayList<>(CONFIGURATIONS);
    models.add(simulated.model(simulated.find().configuration()));
    String metric = spec.objective().metric();
    System.out.println(
        "configuration | predicted score | measured | ratio | ttft predicted | measured");
    for (ServingModel model : models) {
      Map<String, Double> predicted = simulated.benchmark().metrics(model).orElseThrow();
      Map<String, Double> measured = measure(model, simulated);
      double predictedScore = score(spec, predicted);
      double measuredScore = score(spec, measured);
      System.out.printf(
          Locale.ROOT,
          "%d, %.3f, %s, %d, %d, %d | %.0f | %.0f | %.2f | %.3f | %.3f  (%s %.0f / %.0f)%n",
          model.tpSize(),
          model.memFractionStatic(),
          model.schedulePolicy(),
          model.chunkedPrefillSize(),
          model.maxRunningRequests(),
          model.cudaGraphMaxBs(),
          predictedScore,
          measuredScore,
          measuredScore / predictedScore,
          predicted.get(InferenceMetrics.TTFT),
          measured.get(InferenceMetrics.TTFT),
          metric,
          predicted.get(metric),
          measured.get(metric));
    }
  }

  private static double score(TaskSpec spec, Map<String, Double> metrics) {
    return spec.objective().evaluate(metrics) instanceof Evaluation.Scored scored
        ? scored.score()
        : Double.NaN;
  }

  private static Map<String, Double> measure(ServingModel model, SimulatedOptimum simulated)
      throws Exception {
    PredictedBenchmark prediction = simulated.benchmark();
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
                "" + prediction.timeScale(),
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
              .run(
                  base, "sim", prediction.benchmark(), Instant.now().plusSeconds(120), () -> false);
      return InferenceMetrics.aggregate(levels, model.tpSize(), prediction.slos());
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
