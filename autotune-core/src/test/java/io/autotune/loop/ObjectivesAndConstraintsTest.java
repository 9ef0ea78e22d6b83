package io.autotune.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.Assessment;
import io.autotune.model.Direction;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.space.Configuration;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.ScriptedRunner;
import io.autotune.testing.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectivesAndConstraintsTest {
  @TempDir Path work;

  /** Minimise |x|, maximise x + 5 (a trade-off for x > 0); ttft is over 1.0 in mode "a". */
  private static final ScriptedRunner RUNNER =
      new ScriptedRunner(
          c -> {
            double x = c.configuration().getDouble("x");
            boolean slow = "a".equals(c.configuration().values().get("mode"));
            return Map.of("value", Math.abs(x), "throughput", x + 5, "ttft", slow ? 1.5 : 0.5);
          });

  private static TaskSpec spec(List<Objective> objectives) {
    List<Objective> withSlo = new ArrayList<>(objectives);
    withSlo.set(0, objectives.get(0).withSlos(List.of(Slo.constraint("ttft", 1.0)), 0.1));
    return TestSpecs.simple("mo").toBuilder()
        .objectives(withSlo)
        .maxExperiments(16)
        .build()
        .withSeed(3);
  }

  @Test
  void aBrokenConstraintKeepsTheRawValuesAndIsToldToTheStrategyAsItsExcess() {
    Recording strategy = new Recording();
    TaskSpec spec =
        spec(
            List.of(
                Objective.minimize("value"),
                new Objective(
                    "throughput", Direction.MAXIMIZE, List.of(), Objective.DEFAULT_STEEPNESS)));
    TuningResult result = tuner(strategy).run(spec);

    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    List<Experiment> log = result.experiments();
    assertThat(log).hasSize(16).allMatch(e -> e.status() == ExperimentStatus.SUCCEEDED);
    assertThat(log).anyMatch(e -> "a".equals(mode(e))).anyMatch(e -> !"a".equals(mode(e)));
    for (Experiment e : log) {
      Assessment a = spec.assess(e).orElseThrow();
      assertThat(e.score().getAsDouble()).isEqualTo(e.metrics().get("value"));
      assertThat(a.values())
          .containsExactly(e.metrics().get("value"), e.metrics().get("throughput"));
      assertThat(a.slack()).containsExactly("a".equals(mode(e)) ? -0.5 : 0.5);
      assertThat(a.feasible()).isEqualTo(!"a".equals(mode(e)));
    }
    Trial last = strategy.seen.get(strategy.seen.size() - 1).history().get(14);
    Experiment fifteen = log.get(14);
    assertThat(last.losses())
        .containsExactly(fifteen.metrics().get("value"), -fifteen.metrics().get("throughput"));
    assertThat(last.constraints()).containsExactly("a".equals(mode(fifteen)) ? 0.5 : -0.5);

    List<Experiment> feasible = log.stream().filter(e -> !"a".equals(mode(e))).toList();
    List<Experiment> front =
        feasible.stream().filter(e -> feasible.stream().noneMatch(o -> dominates(o, e))).toList();
    assertThat(result.paretoFront()).isNotEmpty().containsExactlyElementsOf(front);
    double bestValue =
        feasible.stream().mapToDouble(e -> e.metrics().get("value")).min().orElseThrow();
    assertThat(result.best().orElseThrow().metrics().get("value")).isEqualTo(bestValue);
    assertThat(result.best().orElseThrow()).isIn(result.paretoFront());
  }

  @Test
  void theBestIsFeasibleEvenWhenAnInfeasibleExperimentScoresBetter() {
    TaskSpec spec = spec(List.of(Objective.minimize("value")));
    TuningResult result = tuner(new SampleStrategy()).run(spec);
    Experiment best = result.best().orElseThrow();
    assertThat(mode(best)).isNotEqualTo("a");
    assertThat(result.experiments())
        .filteredOn(e -> !"a".equals(mode(e)))
        .allMatch(e -> e.score().getAsDouble() >= best.score().getAsDouble());
    assertThat(result.paretoFront()).containsExactly(best);
  }

  @Test
  void aTaskWhoseEveryExperimentBreaksAConstraintCompletesWithoutABest() {
    TaskSpec spec =
        TestSpecs.simple("slow").toBuilder()
            .objective(
                Objective.minimize("value").withSlos(List.of(Slo.constraint("ttft", 0.1)), 0.1))
            .maxExperiments(4)
            .build();
    TuningResult result = tuner(new SampleStrategy()).run(spec);
    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.best()).isEmpty();
    assertThat(result.paretoFront()).isEmpty();
    assertThat(result.experiments())
        .allSatisfy(e -> assertThat(spec.assess(e).orElseThrow().feasible()).isFalse());
  }

  private Tuner tuner(Strategy strategy) {
    return Tuner.builder()
        .store(CheckpointStore.inMemory())
        .runner(RUNNER)
        .strategy(strategy)
        .workDirectory(work)
        .killGrace(Duration.ofSeconds(2))
        .build();
  }

  private static Object mode(Experiment e) {
    return e.configuration().values().get("mode");
  }

  private static boolean dominates(Experiment a, Experiment b) {
    double av = a.metrics().get("value");
    double bv = b.metrics().get("value");
    double at = a.metrics().get("throughput");
    double bt = b.metrics().get("throughput");
    return av <= bv && at >= bt && (av < bv || at > bt);
  }

  /** Proposes like {@link SampleStrategy} and keeps every context it was given. */
  private static final class Recording implements Strategy {
    private final Strategy inner = new SampleStrategy();
    final List<StrategyContext> seen = new ArrayList<>();

    @Override
    public Optional<Configuration> propose(StrategyContext context) {
      seen.add(context);
      return inner.propose(context);
    }
  }
}
