package io.autotune.examples.sim;

import io.autotune.inference.BenchmarkRun;
import io.autotune.inference.InferenceMetrics;
import io.autotune.inference.LevelResult;
import io.autotune.inference.LoadGenerator;
import io.autotune.model.Assessment;
import io.autotune.model.Evaluation;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How close the simulated server's measured metrics come to what {@link PredictedBenchmark} says,
 * with a task's benchmark, for six configurations and the task's simulated optimum. Run: {@code
 * java -cp autotune-examples/target/autotune.jar io.autotune.examples.sim.SimulatorCalibration
 * examples/tasks/quickstart.json}. Stateless.
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
    return Assessment.of(spec, metrics).map(Assessment::feasible).orElse(false)
            && spec.evaluate(metrics) instanceof Evaluation.Scored scored
        ? scored.score()
        : Double.NaN;
  }

  private static Map<String, Double> measure(ServingModel model, SimulatedOptimum simulated)
      throws Exception {
    PredictedBenchmark prediction = simulated.benchmark();
    try (SimulatedServerProcess server =
        SimulatedServerProcess.start(model, prediction.timeScale())) {
      List<LevelResult> levels =
          LoadGenerator.create()
              .run(
                  server.uri(),
                  "sim",
                  prediction.benchmark(),
                  BenchmarkRun.of(Duration.ofSeconds(120)));
      return InferenceMetrics.aggregate(levels, model.tpSize(), prediction.slos());
    }
  }
}
