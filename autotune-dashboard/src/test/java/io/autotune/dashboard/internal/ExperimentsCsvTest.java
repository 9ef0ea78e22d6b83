package io.autotune.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ExperimentsCsvTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  private final TaskSpec spec =
      TaskSpec.of(
          "csv",
          SearchSpace.builder()
              .integer("tp-size", 1, 2)
              .choice("policy", "lpm", "a,b", "say \"hi\"")
              .build(),
          Objective.maximize("throughput")
              .withSlos(List.of(Slo.constraint("ttft", 0.2)), Objective.DEFAULT_STEEPNESS));

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
    assertThat(ExperimentsCsv.field("plain")).isEqualTo("plain");
    assertThat(ExperimentsCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(ExperimentsCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(ExperimentsCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(ExperimentsCsv.field("cr\r")).isEqualTo("\"cr\r\"");
    assertThat(ExperimentsCsv.field("")).isEmpty();
  }

  @Test
  void oneColumnPerParameterMetricAndConstraintWithStatusTimesAndFeasibility() {
    List<Experiment> log =
        List.of(
            succeeded(1, "a,b", Map.of("throughput", 2000.0, "ttft", 0.1, "gpu_util", 0.9)),
            succeeded(2, "lpm", Map.of("throughput", 3000.0, "ttft", 0.25)),
            failed(3, "say \"hi\"", "server exited\nwith code 1, see the log"));

    String csv = ExperimentsCsv.write(spec, log, T0.plusSeconds(3600));

    assertThat(csv).endsWith("\r\n").doesNotContain("\r\n\r\n");
    List<String> lines = List.of(csv.split("\r\n"));
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .isEqualTo(
            "number,status,created_at,started_at,finished_at,duration_seconds,score,feasible,"
                + "pareto,param.tp-size,param.policy,metric.throughput,metric.gpu_util,"
                + "metric.ttft,slack.ttft,worker,error");
    assertThat(lines.get(1))
        .isEqualTo(
            "1,SUCCEEDED,2026-11-30T10:00:00Z,2026-11-30T10:00:00Z,2026-11-30T10:10:00Z,600.0,"
                + "2000.0,true,true,2,\"a,b\",2000.0,0.9,0.1,0.5,w1,");
    assertThat(lines.get(2))
        .startsWith("2,SUCCEEDED,")
        .contains(",false,false,1,lpm,3000.0,,0.25,");
    // a line break inside a quoted field: the record goes on to the next CRLF
    assertThat(lines.get(3))
        .startsWith("3,FAILED,")
        .endsWith(",w1,\"server exited\nwith code 1, see the log\"")
        .contains(",,,false,2,\"say \"\"hi\"\"\",,,,,");
  }

  @Test
  void aRunningExperimentLastsUntilNowAndHasNoFinish() {
    Experiment running =
        Experiment.pending(
                "t", 1, new Configuration(Map.of("tp-size", 1, "policy", "lpm")), T0, "w1", 1)
            .inPhase(ExperimentStatus.DEPLOYING, T0);
    String csv = ExperimentsCsv.write(spec, List.of(running), T0.plusSeconds(90));
    assertThat(csv.split("\r\n")[1])
        .startsWith("1,DEPLOYING,2026-11-30T10:00:00Z,2026-11-30T10:00:00Z,,90.0,,,false,1,lpm,");
  }

  private static Experiment succeeded(int number, String policy, Map<String, Double> metrics) {
    return started(number, policy)
        .finished(
            ExperimentStatus.SUCCEEDED,
            T0.plusSeconds(600),
            metrics,
            OptionalDouble.of(metrics.get("throughput")),
            Optional.empty());
  }

  private static Experiment failed(int number, String policy, String error) {
    return started(number, policy)
        .finished(
            ExperimentStatus.FAILED,
            T0.plusSeconds(600),
            Map.of(),
            OptionalDouble.empty(),
            Optional.of(error));
  }

  private static Experiment started(int number, String policy) {
    Configuration c = new Configuration(Map.of("tp-size", number % 2 + 1, "policy", policy));
    return Experiment.pending("t", number, c, T0, "w1", 1).inPhase(ExperimentStatus.DEPLOYING, T0);
  }
}
