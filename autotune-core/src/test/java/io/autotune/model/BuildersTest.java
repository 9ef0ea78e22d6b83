package io.autotune.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.autotune.space.Configuration;
import io.autotune.testing.TestSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BuildersTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    TaskSpec spec =
        TestSpecs.simple("t").toBuilder()
            .strategy("tpe", Map.of("n_initial_random", 3L))
            .maxExperiments(7)
            .experimentTimeout(Duration.ofSeconds(30))
            .taskTimeout(Optional.of(Duration.ofHours(1)))
            .seed(OptionalLong.of(42))
            .runner(Optional.of(JsonNodeFactory.instance.objectNode().put("type", "command")))
            .sections(Map.of("model", JsonNodeFactory.instance.textNode("/m")))
            .build();
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
    TaskSpec changed = spec.toBuilder().maxExperiments(9).build();
    assertThat(changed.maxExperiments()).isEqualTo(9);
    assertThat(changed.toBuilder().maxExperiments(7).build()).isEqualTo(spec);
    assertThat(spec.withSeed(1).seed()).isEqualTo(OptionalLong.of(1));
    assertThat(spec.withStrategy("grid", Map.of()).strategy()).isEqualTo("grid");
  }

  @Test
  void builderSettersCheckAtOnce() {
    TaskSpec.Builder builder = TestSpecs.simple("t").toBuilder();
    assertThatThrownBy(() -> builder.maxExperiments(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxExperiments must be greater than 0, but was -3");
    assertThatThrownBy(() -> builder.experimentTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void experimentToBuilderKeepsEveryField() {
    Experiment e =
        Experiment.pending("t", 3, Configuration.of(Map.of("x", 1.0)), T0, "w", 2)
            .inPhase(ExperimentStatus.DEPLOYING, T0.plusSeconds(1))
            .inPhase(ExperimentStatus.BENCHMARKING, T0.plusSeconds(2))
            .withGpus(List.of(0, 1))
            .withProcesses(List.of(new ProcessRef("h", 10, T0)))
            .finished(
                ExperimentStatus.SUCCEEDED,
                T0.plusSeconds(3),
                Map.of("value", 1.5),
                OptionalDouble.of(1.5),
                Optional.empty());
    assertThat(e.toBuilder().build()).isEqualTo(e);
    assertThat(e.startedAt()).contains(T0.plusSeconds(1));
    assertThat(e.benchmarkingAt()).contains(T0.plusSeconds(2));
    assertThat(e.gpus()).containsExactly(0, 1);
    assertThat(e.duration()).contains(Duration.ofSeconds(2));
    assertThat(e.toBuilder().status(ExperimentStatus.FAILED).build().status())
        .isEqualTo(ExperimentStatus.FAILED);
  }
}
