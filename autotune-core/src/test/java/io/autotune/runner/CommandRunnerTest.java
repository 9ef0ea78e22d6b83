package io.autotune.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.spi.CheckpointStore;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.TestSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {
  @TempDir Path work;

  private TuningResult run(String script, int experiments) {
    TaskSpec spec = TestSpecs.simple("cmd").withMaxExperiments(experiments).withSeed(5);
    return Tuner.builder()
        .store(CheckpointStore.inMemory())
        .runner(CommandRunner.of("sh", "-c", script, "sh"))
        .strategy(new SampleStrategy())
        .workDirectory(work)
        .build()
        .run(spec);
  }

  @Test
  void flagsFollowTheConventionOfInferenceServers() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("tp-size", 2);
    values.put("enable-torch-compile", true);
    values.put("disable-radix-cache", false);
    values.put("mem-fraction-static", 0.85);
    assertThat(CommandRunner.flags(Configuration.of(values)))
        .containsExactly(
            "--tp-size", "2", "--enable-torch-compile", "--mem-fraction-static", "0.85");
  }

  @Test
  void theConfigurationArrivesAsArgumentsEnvironmentAndStdin() throws Exception {
    Path seen = work.resolve("seen");
    String script =
        "echo \"args=$*\" > "
            + seen
            + "; echo \"exp=$AUTOTUNE_EXPERIMENT task=$AUTOTUNE_TASK\" >> "
            + seen
            + "; echo \"env=$AUTOTUNE_PARAMS\" >> "
            + seen
            + "; echo \"stdin=$(cat)\" >> "
            + seen
            + "; echo 'some log line'; echo '{\"value\": 0.5, \"note\": \"text\"}'";
    TuningResult result = run(script, 1);
    Experiment e = result.experiments().get(0);
    assertThat(e.status()).isEqualTo(ExperimentStatus.SUCCEEDED);
    assertThat(e.metrics()).isEqualTo(Map.of("value", 0.5));
    List<String> lines = Files.readAllLines(seen);
    Object x = e.configuration().get("x");
    Object mode = e.configuration().get("mode");
    String expectedArgs = "--x " + x + (Boolean.TRUE.equals(mode) ? " --mode" : " --mode " + mode);
    assertThat(lines.get(0)).isEqualTo("args=" + expectedArgs);
    assertThat(lines.get(1)).isEqualTo("exp=1 task=" + result.taskId());
    String json = lines.get(2).substring("env=".length());
    assertThat(json).contains("\"x\":" + x);
    assertThat(lines.get(3)).isEqualTo("stdin=" + json);
  }

  @Test
  void aFailingCommandFailsItsExperimentWithTheExitCodeAndTheTailOfItsOutput() {
    TuningResult result = run("echo 'CUDA out of memory' >&2; exit 3", 1);
    assertThat(result.experiments().get(0).error())
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .contains("command exited with code 3")
                    .contains("CUDA out of memory"));
  }

  @Test
  void badOutputFailsItsExperimentWithAReasonAndTheTaskGoesOn() {
    String script =
        "case $AUTOTUNE_EXPERIMENT in 1) echo 'not json';; 2) ;; 3) echo '{\"value\": NaN}';;"
            + " 4) echo '[1, 2]';; *) echo '{\"value\": 1}';; esac";
    TuningResult result = run(script, 5);
    assertThat(result.experiments())
        .extracting(e -> e.error().orElse("ok"))
        .containsExactly(
            "AutotuneException: the last line of stdout is not JSON: not json",
            "AutotuneException: the command printed nothing; expected a JSON object of metrics",
            "the runner returned a metric that is not a finite number: value = NaN",
            "AutotuneException: the last line of stdout is not a JSON object: [1, 2]",
            "ok");
  }

  @Test
  void aCommandThatCannotStartFailsItsExperiment() {
    TaskSpec spec = TestSpecs.simple("missing").withMaxExperiments(1).withSeed(5);
    TuningResult result =
        Tuner.builder()
            .runner(CommandRunner.of("/no/such/binary"))
            .strategy(new SampleStrategy())
            .workDirectory(work)
            .build()
            .run(spec);
    assertThat(result.experiments().get(0).status()).isEqualTo(ExperimentStatus.FAILED);
    assertThat(result.experiments().get(0).error().orElseThrow()).contains("/no/such/binary");
  }
}
