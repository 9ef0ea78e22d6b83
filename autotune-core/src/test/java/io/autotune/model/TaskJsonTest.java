package io.autotune.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.InvalidTaskException;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.IntParameter;
import io.autotune.space.RealParameter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskJsonTest {
  private static final String DESIGN_EXAMPLE =
      """
      { "task_name": "qwen-sglang", "base_runtime": "sglang",
        "parameters": { "tp-size": [1, 2], "mem-fraction-static": {"type": "continuous", "low": 0.7, "high": 0.95},
                        "max-running-requests": {"type": "integer", "low": 16, "high": 1024, "log": true},
                        "schedule-policy": {"type": "choice", "values": ["lpm", "fcfs"]} },
        "optimization": { "strategy": "bayesian", "objective": "maximize_throughput",
                          "max_iterations": 50, "timeout_per_iteration": 900 },
        "benchmark": { "traffic_scenarios": ["D(100,100)"], "num_concurrency": [1, 8, 32] },
        "slo": { "ttft": {"threshold": 1.0, "hard_fail": true, "fail_ratio": 0.5}, "steepness": 0.1 } }
      """;

  @Test
  void readsThePredecessorsFormat() {
    TaskSpec spec = TaskJson.parse(DESIGN_EXAMPLE);
    assertThat(spec.name()).isEqualTo("qwen-sglang");
    assertThat(spec.space().parameters())
        .containsExactly(
            ChoiceParameter.of("tp-size", 1, 2),
            new RealParameter("mem-fraction-static", 0.7, 0.95, false),
            new IntParameter("max-running-requests", 16, 1024, 1, true),
            ChoiceParameter.of("schedule-policy", "lpm", "fcfs"));
    assertThat(spec.objective().metric()).isEqualTo("throughput");
    assertThat(spec.objective().direction()).isEqualTo(Direction.MAXIMIZE);
    assertThat(spec.objective().slos()).containsExactly(new Slo("ttft", 1.0, true, 0.5, 1.0));
    assertThat(spec.strategy()).isEqualTo("bayesian");
    assertThat(spec.maxExperiments()).isEqualTo(50);
    assertThat(spec.experimentTimeout()).isEqualTo(Duration.ofSeconds(900));
    assertThat(spec.section("benchmark").orElseThrow().path("num_concurrency").size()).isEqualTo(3);
    assertThat(spec.section("base_runtime").orElseThrow().asText()).isEqualTo("sglang");
  }

  @Test
  void confirmationRunsComeOnTopOfTheSearchsBudgetAndSurviveWriting() {
    TaskSpec spec =
        TaskJson.parse(
            DESIGN_EXAMPLE.replace(
                "\"max_iterations\": 50,",
                "\"max_iterations\": 50, \"confirm_best\": {\"top\": 3, \"repeats\": 2},"));

    assertThat(spec.confirmation()).contains(new Confirmation(3, 2));
    assertThat(spec.experimentBudget()).isEqualTo(56);
    assertThat(TaskJson.parse(TaskJson.write(spec))).isEqualTo(spec);
    assertThat(TaskJson.parse(DESIGN_EXAMPLE).experimentBudget()).isEqualTo(50);
  }

  @Test
  void writingAndReadingGivesTheSameSpec() {
    TaskSpec spec = TaskJson.parse(DESIGN_EXAMPLE);
    assertThat(TaskJson.parse(TaskJson.write(spec))).isEqualTo(spec);
  }

  @Test
  void readsTheNestedLatencySlosAndAnExplicitObjective() {
    TaskSpec spec =
        TaskJson.parse(
            """
            {"task_name": "t", "parameters": {"x": [true, false]},
             "optimization": {"objective": {"metric": "latency", "direction": "minimize"}},
             "slo": {"latency": {"p90": {"threshold": 2.0, "weight": 2}}}}
            """);
    assertThat(spec.objective().slos()).containsExactly(new Slo("latency_p90", 2.0, false, 0, 2.0));
    assertThat(spec.space().parameters().get(0)).isEqualTo(ChoiceParameter.of("x", true, false));
  }

  @Test
  void readsSeveralObjectivesAndSlosAsConstraints() {
    TaskSpec spec =
        TaskJson.parse(
            """
            { "task_name": "mo", "parameters": {"x": [1, 2]},
              "optimization": { "objectives": [ {"metric": "throughput", "direction": "maximize"},
                                                "minimize_latency_p90" ] },
              "slo": { "ttft_p90": {"threshold": 0.2, "as": "constraint"},
                       "latency": {"p99": {"threshold": 2.0, "as": "constraint"}} } }
            """);
    assertThat(spec.objectives())
        .extracting(Objective::metric, Objective::direction)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("throughput", Direction.MAXIMIZE),
            org.assertj.core.groups.Tuple.tuple("latency_p90", Direction.MINIMIZE));
    assertThat(spec.constraints())
        .containsExactly(Slo.constraint("ttft_p90", 0.2), Slo.constraint("latency_p99", 2.0));
    assertThat(TaskJson.write(spec)).contains("\"as\" : \"constraint\"");
    assertThat(TaskJson.parse(TaskJson.write(spec))).isEqualTo(spec);
  }

  @Test
  void theLegacyFormsMayBeNamedByAs() {
    TaskSpec spec =
        TaskJson.parse(
            """
            { "task_name": "t", "parameters": {"x": [1]},
              "optimization": {"objective": "maximize_throughput"},
              "slo": { "ttft": {"threshold": 1.0, "as": "hard", "fail_ratio": 0.5},
                       "tpot": {"threshold": 0.1, "as": "penalty", "hard_fail": false} } }
            """);
    assertThat(spec.objective().slos())
        .containsExactly(Slo.hard("ttft", 1.0, 0.5), Slo.soft("tpot", 0.1));
    assertThat(spec.constraints()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          low > high | {"tp-size": {"type": "integer", "low": 8, "high": 4}} | parameters.tp-size: low 8 is greater than high 4
          empty choice | {"policy": []} | parameters.policy: a choice needs at least one value, but the list is empty
          empty values | {"policy": {"type": "choice", "values": []}} | parameters.policy.values: a choice needs at least one value, but the list is empty
          log low 0 | {"lr": {"type": "continuous", "low": 0, "high": 1, "log": true}} | parameters.lr: a log scale needs low > 0, but low was 0.0
          unknown type | {"lr": {"type": "gaussian"}} | parameters.lr.type: unknown type "gaussian"; expected choice, categorical, continuous or integer
          missing high | {"n": {"type": "integer", "low": 1}} | parameters.n.high: is required but missing
          wrong type | {"n": {"type": "integer", "low": "one", "high": 2}} | parameters.n.low: must be a whole number, but was the string "one"
          unknown key | {"n": {"type": "integer", "low": 1, "high": 2, "stp": 2}} | parameters.n.stp: unknown key; expected one of [high, log, low, step, type]
          nested list | {"n": [[1]]} | parameters.n[0]: must be a string, a number or a boolean, but was a list
          """)
  void badParametersNameTheirPath(String why, String parameters, String message) {
    String json =
        "{\"task_name\": \"t\", \"parameters\": "
            + parameters
            + ", \"optimization\": {\"objective\": \"minimize_value\"}}";
    assertThatThrownBy(() -> TaskJson.parse(json))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not json | {"task_name": | not valid JSON at line 1, column 14: Unexpected end-of-input within/between Object entries
          no name | {"parameters": {"x": [1]}} | task_name: is required but missing
          unknown top | {"task_name": "t", "parameters": {"x": [1]}, "optimisation": {}} | optimisation: unknown key; expected one of [base_runtime, benchmark, deployment_mode, description, model, optimization, parameters, runner, slo, task_name]
          no objective | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {}} | optimization.objective: is required but missing
          bad objective | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "fastest"}} | optimization.objective: "fastest" is not an objective; write minimize_METRIC or maximize_METRIC, or {"metric": ..., "direction": ...}
          zero iterations | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v", "max_iterations": 0}} | optimization.max_iterations: must be at least 1, but was 0
          negative timeout | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v", "timeout_per_iteration": -5}} | optimization.timeout_per_iteration: must be a positive number of seconds, but was -5.0
          slo threshold | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v"}, "slo": {"ttft": {"hard_fail": true}}} | slo.ttft.threshold: is required but missing
          both forms | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v", "objectives": [{"metric": "v"}]}} | optimization.objectives: give either objective (one) or objectives (one or more), not both
          empty objectives | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objectives": []}} | optimization.objectives: must be a list of one or more {"metric": ..., "direction": ...}
          unknown direction | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objectives": [{"metric": "v"}, {"metric": "w", "direction": "up"}]}} | optimization.objectives[1].direction: must be minimize or maximize, but was "up"
          missing metric | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objectives": [{"direction": "maximize"}]}} | optimization.objectives[0].metric: is required but missing
          same metric twice | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objectives": ["minimize_v", {"metric": "v", "direction": "maximize"}]}} | optimization.objectives[1].metric: "v" is already an objective
          unknown as | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v"}, "slo": {"ttft": {"threshold": 1, "as": "soft"}}} | slo.ttft.as: must be constraint, penalty or hard, but was "soft"
          constraint weight | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v"}, "slo": {"ttft": {"threshold": 1, "as": "constraint", "weight": 2}}} | slo.ttft.weight: unknown key; expected one of [as, threshold]
          as contradicts hard_fail | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v"}, "slo": {"ttft": {"threshold": 1, "as": "penalty", "hard_fail": true}}} | slo.ttft.hard_fail: true contradicts "as": "penalty"
          confirm top 0 | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v", "confirm_best": {"top": 0, "repeats": 2}}} | optimization.confirm_best.top: must be at least 1, but was 0
          confirm no repeats | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v", "confirm_best": {"top": 2}}} | optimization.confirm_best.repeats: is required but missing
          confirm unknown key | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v", "confirm_best": {"top": 2, "repeats": 2, "times": 3}}} | optimization.confirm_best.times: unknown key; expected one of [repeats, top]
          confirm too many | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objective": "minimize_v", "confirm_best": {"top": 200, "repeats": 100}}} | optimization.confirm_best: top × repeats must be at most 10000, but was 20000
          penalty with two objectives | {"task_name": "t", "parameters": {"x": [1]}, "optimization": {"objectives": ["minimize_v", "maximize_w"]}, "slo": {"ttft": {"threshold": 1}}} | slo.ttft: a penalty or hard SLO works on a single objective, but the task has 2; write "as": "constraint"
          """)
  void badTasksNameTheirPath(String why, String json, String message) {
    assertThatThrownBy(() -> TaskJson.parse(json))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessage(message);
  }
}
