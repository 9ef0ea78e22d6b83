package io.autotune.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import io.autotune.space.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TaskJsonProperties {

  @Property(tries = 300)
  void aTaskRoundTripsThroughItsJson(@ForAll("specs") TaskSpec spec) {
    assertThat(TaskJson.parse(TaskJson.write(spec))).isEqualTo(spec);
  }

  @Provide
  Arbitrary<TaskSpec> specs() {
    Arbitrary<List<Parameter>> parameters = parameter().list().ofMinSize(1).ofMaxSize(6);
    Arbitrary<List<Objective>> objectives = objectives();
    return Combinators.combine(
            Arbitraries.strings().ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank()),
            parameters,
            objectives,
            Arbitraries.of("bayesian", "grid", "random", "tpe"),
            Arbitraries.integers().between(1, 500),
            Arbitraries.integers().between(1, 100_000),
            Arbitraries.longs().optional(),
            Arbitraries.integers().between(0, 20).optional())
        .as(
            (name, params, obj, strategy, max, timeoutMs, seed, initial) -> {
              List<Parameter> unique = new ArrayList<>();
              for (int i = 0; i < params.size(); i++) {
                unique.add(rename(params.get(i), "p" + i));
              }
              ObjectNode runner = JsonNodeFactory.instance.objectNode().put("type", "command");
              runner.putArray("command").add("python3").add("bench.py");
              return TaskSpec.builder(name, new SearchSpace(unique), obj.get(0))
                  .objectives(obj)
                  .strategy(
                      strategy,
                      initial
                          .<Map<String, Object>>map(n -> Map.of("n_initial_random", (long) n))
                          .orElse(Map.of()))
                  .maxExperiments(max)
                  .experimentTimeout(Duration.ofMillis(timeoutMs))
                  .seed(seed.map(OptionalLong::of).orElse(OptionalLong.empty()))
                  .runner(Optional.of(runner))
                  .sections(Map.of("model", JsonNodeFactory.instance.textNode("/models/qwen")))
                  .build();
            });
  }

  private Arbitrary<Parameter> parameter() {
    Arbitrary<Parameter> ints =
        Combinators.combine(
                Arbitraries.longs().between(1, 1000),
                Arbitraries.longs().between(0, 5000),
                Arbitraries.longs().between(1, 16),
                Arbitraries.of(true, false))
            .as(
                (low, width, step, log) ->
                    new IntParameter("p", low, low + width, log ? 1 : step, log));
    Arbitrary<Parameter> reals =
        Combinators.combine(
                Arbitraries.doubles().between(0.01, 100),
                Arbitraries.doubles().between(0, 1000),
                Arbitraries.of(true, false))
            .as((low, width, log) -> new RealParameter("p", low, low + width, log));
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).map(s -> (Object) s),
            Arbitraries.longs().between(-100, 100).map(l -> (Object) l),
            Arbitraries.doubles()
                .between(-10, 10)
                .filter(d -> d != Math.rint(d))
                .map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b));
    Arbitrary<Parameter> choices =
        scalar
            .list()
            .ofMinSize(1)
            .ofMaxSize(5)
            .uniqueElements()
            .map(v -> new ChoiceParameter("p", v));
    return Arbitraries.oneOf(ints, reals, choices);
  }

  /**
   * One to three objectives with different metrics; the first carries SLOs: constraints, and with a
   * single objective also the legacy penalty and hard forms.
   */
  private Arbitrary<List<Objective>> objectives() {
    Arbitrary<String> metric = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
    Arbitrary<List<Objective>> plain =
        Combinators.combine(metric, Arbitraries.of(Direction.class))
            .as((m, d) -> new Objective(m, d, List.of(), Objective.DEFAULT_STEEPNESS))
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .uniqueElements(Objective::metric);
    return Combinators.combine(
            plain,
            Arbitraries.oneOf(slo(), constraint()).list().ofMaxSize(3).uniqueElements(Slo::metric),
            Arbitraries.doubles().between(0.01, 2))
        .as(
            (list, slos, steepness) -> {
              List<Slo> kept =
                  list.size() == 1 ? slos : slos.stream().filter(Slo::isConstraint).toList();
              List<Objective> objectives = new ArrayList<>(list);
              objectives.set(0, list.get(0).withSlos(kept, steepness));
              return objectives;
            });
  }

  private Arbitrary<Slo> constraint() {
    return Combinators.combine(sloMetric(), Arbitraries.doubles().between(0.01, 100))
        .as(Slo::constraint);
  }

  private Arbitrary<String> sloMetric() {
    return Arbitraries.strings()
        .alpha()
        .ofMinLength(1)
        .ofMaxLength(8)
        .filter(s -> !s.equals("steepness") && !s.equals("latency"));
  }

  private Arbitrary<Slo> slo() {
    return Combinators.combine(
            sloMetric(),
            Arbitraries.doubles().between(0.01, 100),
            Arbitraries.of(true, false),
            Arbitraries.doubles().between(0, 2),
            Arbitraries.doubles().between(0, 5))
        .as(Slo::new);
  }

  private static Parameter rename(Parameter p, String name) {
    if (p instanceof IntParameter i) {
      return new IntParameter(name, i.low(), i.high(), i.step(), i.log());
    }
    if (p instanceof RealParameter r) {
      return new RealParameter(name, r.low(), r.high(), r.log());
    }
    return new ChoiceParameter(name, ((ChoiceParameter) p).choices());
  }
}
