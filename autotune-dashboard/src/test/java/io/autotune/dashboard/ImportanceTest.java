package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ImportanceTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final SearchSpace SPACE =
      SearchSpace.builder()
          .real("x", 0, 1)
          .real("y", 0, 1)
          .integer("tp", 1, 4)
          .choice("policy", "lpm", "fcfs", "random")
          .build();
  private static final TaskSpec SPEC =
      TaskSpec.of(
          "synthetic",
          SPACE,
          Objective.minimize("latency")
              .withSlos(List.of(Slo.constraint("ttft", 1.0)), Objective.DEFAULT_STEEPNESS));

  @Test
  void aParameterThatDominatesTheFunctionTakesAlmostAllTheVariance() {
    // latency = 10 x + 0.5 y + 0.2 [policy = fcfs]: x alone moves it 20 times more than the rest
    List<Experiment> log =
        sample(
            300,
            c ->
                10 * c.getDouble("x")
                    + 0.5 * c.getDouble("y")
                    + (c.get("policy").equals("fcfs") ? 0.2 : 0));

    Importance.ObjectiveImportance latency = Importance.of(SPEC, log, "now").objectives().get(0);

    assertThat(latency.experiments()).isEqualTo(300);
    assertThat(latency.parameters().get(0).name()).isEqualTo("x");
    assertThat(latency.parameters().get(0).importance()).isGreaterThan(0.85);
    assertThat(latency.parameters().get(0).groups()).isEqualTo(Importance.MAX_GROUPS);
    for (Importance.ParameterImportance other : latency.parameters().subList(1, 4)) {
      assertThat(other.importance()).as(other.name()).isLessThan(0.05);
    }
  }

  @Test
  void aChoiceCanDominateAndAnIntegerIsGroupedByItsValues() {
    List<Experiment> log =
        sample(
            200,
            c ->
                (c.get("policy").equals("lpm") ? 0 : c.get("policy").equals("fcfs") ? 5 : 9)
                    + 0.1 * c.getDouble("x"));

    List<Importance.ParameterImportance> ranked =
        Importance.of(SPEC, log, "now").objectives().get(0).parameters();

    assertThat(ranked.get(0).name()).isEqualTo("policy");
    // with ranks, three groups that do not overlap explain 1 - 1/3² of the variance, x the rest
    assertThat(ranked.get(0).importance()).isGreaterThan(0.85);
    assertThat(ranked.get(0).groups()).isEqualTo(3);
    assertThat(
            ranked.stream().filter(p -> p.name().equals("tp")).findFirst().orElseThrow().groups())
        .isEqualTo(4);
  }

  @Test
  void onlyFeasibleSucceededExperimentsCountAndTooFewGiveANote() {
    List<Experiment> log = new ArrayList<>(sample(4, c -> c.getDouble("x")));
    log.add(finished(5, Map.of("latency", 3.0, "ttft", 2.0))); // infeasible
    log.add(failed(6));

    Importance.ObjectiveImportance latency = Importance.of(SPEC, log, "now").objectives().get(0);

    assertThat(latency.experiments()).isEqualTo(4);
    assertThat(latency.parameters()).isEmpty();
    assertThat(latency.note()).isEqualTo("needs at least 5 feasible experiments, has 4");
  }

  @Test
  void equalValuesGiveANoteAndTiesShareTheirMeanRank() {
    List<Experiment> log = sample(6, c -> 1.0);
    assertThat(Importance.of(SPEC, log, "now").objectives().get(0).note())
        .isEqualTo("every feasible experiment has the same value");
    assertThat(Importance.ranks(new double[] {5, 1, 5, 1e77})).containsExactly(2.5, 1, 2.5, 4);
  }

  @Test
  void aParameterWithOneGroupOrOneExperimentPerGroupExplainsNothing() {
    double[] ranks = {1, 2, 3, 4};
    assertThat(Importance.share("p", new int[] {0, 0, 0, 0}, ranks, 2.5, 5).importance()).isZero();
    assertThat(Importance.share("p", new int[] {0, 1, 2, 3}, ranks, 2.5, 5).importance()).isZero();
    assertThat(Importance.share("p", new int[] {0, 0, 1, 1}, ranks, 2.5, 5).importance())
        .isCloseTo((4 - 1 * 0.5) / 5, within(1e-12));
  }

  private static List<Experiment> sample(int n, ToDoubleFunction<Configuration> f) {
    SplittableRandom random = new SplittableRandom(7);
    List<Experiment> log = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Configuration c = SPACE.sample(random);
      log.add(finished(i, c, Map.of("latency", f.applyAsDouble(c), "ttft", 0.5)));
    }
    return log;
  }

  private static Experiment finished(int number, Map<String, Double> metrics) {
    return finished(number, SPACE.sample(new SplittableRandom(number)), metrics);
  }

  private static Experiment finished(int number, Configuration c, Map<String, Double> metrics) {
    return Experiment.pending("t", number, c, T0, "w", 1)
        .finished(
            ExperimentStatus.SUCCEEDED,
            T0,
            metrics,
            OptionalDouble.of(metrics.get("latency")),
            Optional.empty());
  }

  private static Experiment failed(int number) {
    return Experiment.pending("t", number, SPACE.sample(new SplittableRandom(number)), T0, "w", 1)
        .finished(
            ExperimentStatus.FAILED, T0, Map.of(), OptionalDouble.empty(), Optional.of("boom"));
  }
}
