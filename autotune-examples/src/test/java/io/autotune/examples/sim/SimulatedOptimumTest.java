package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.inference.BenchmarkSpec;
import io.autotune.inference.PromptOptions;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The search for the simulated optimum, on the quickstart task. */
class SimulatedOptimumTest {

  private final TaskSpec quickstart =
      TaskJson.read(Path.of("..", "examples", "tasks", "quickstart.json"));

  @Test
  void noneOfManyRandomConfigurationsBeatsTheOptimum() {
    SimulatedOptimum simulated = SimulatedOptimum.of(quickstart);
    SimulatedOptimum.Point optimum = simulated.find();

    SplittableRandom random = new SplittableRandom(1);
    double bestSampled = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 20_000; i++) {
      OptionalDouble score = simulated.score(quickstart.space().sample(random));
      if (score.isPresent()) {
        bestSampled = Math.max(bestSampled, score.getAsDouble());
      }
    }

    assertThat(optimum.score()).isGreaterThanOrEqualTo(bestSampled);
    assertThat(simulated.score(optimum.configuration())).hasValue(optimum.score());
  }

  @Test
  void flagsOfTheCommandHoldWhereTheConfigurationIsSilent() {
    SimulatedOptimum simulated = SimulatedOptimum.of(quickstart);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("tp-size", 2L);
    values.put("mem-fraction-static", 0.9);
    values.put("schedule-policy", "lpm");
    values.put("max-running-requests", 512L);

    ServingModel model = simulated.model(Configuration.of(values));

    // the quickstart's command passes --chunked-prefill-size 8192 --cuda-graph-max-bs 256
    assertThat(model).isEqualTo(new ServingModel(2, 0.9, "lpm", 8192, 512, 256));
    assertThat(simulated.benchmark().timeScale()).isEqualTo(5.0);
  }

  @Test
  void theQuickstartSendsUniqueTokenIdPromptsThatNoCacheServes() {
    BenchmarkSpec benchmark = SimulatedOptimum.of(quickstart).benchmark().benchmark();

    // auto on /v1/completions: token ids, which the simulated server accepts; no shared prefix
    assertThat(benchmark.api()).isEqualTo(BenchmarkSpec.Api.COMPLETIONS);
    assertThat(benchmark.prompt()).isEqualTo(PromptOptions.defaults());
    assertThat(benchmark.prompt().prefixLen()).isZero();
  }
}
