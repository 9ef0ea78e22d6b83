package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.AutotuneException;
import io.autotune.testing.FakeExperimentContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with {@code "tool": "genai-bench"}, using a stand-in genai-bench: a shell script that
 * writes a recorded result file where the real one would (its --experiment-base-dir and
 * --experiment-folder-name), so the whole path runs without Python or a tokenizer download.
 */
class GenaiBenchToolTest {

  @TempDir Path work;

  private Path standIn(String body) throws Exception {
    Path script = work.resolve("genai-bench");
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private LocalServerRunner runner(Path genaiBench) {
    BenchmarkSpec spec =
        BenchmarkSpec.builder()
            .tool(BenchmarkSpec.Tool.GENAI_BENCH)
            .modelName("scripted")
            .concurrency(List.of(1, 8))
            .warmupRequests(0)
            .levelBounds(Duration.ofSeconds(60), 50)
            .genaiBench(
                new BenchmarkSpec.GenaiBenchOptions(genaiBench.toString(), "text-to-text", "gpt2"))
            .build();
    return LocalServerRunner.builder()
        .command(ScriptedServers.COMMAND)
        .benchmark(spec)
        .pollInterval(Duration.ofMillis(100))
        .shutdownGrace(Duration.ofSeconds(1))
        .build();
  }

  @Test
  void genaiBenchResultsBecomeTheExperimentsMetrics() throws Exception {
    Path recorded = Path.of(getClass().getResource("/genai-bench/qwen-exp3").toURI());
    Path script =
        standIn(
            """
        while [ $# -gt 0 ]; do
          case "$1" in
            --experiment-base-dir) base="$2"; shift ;;
            --experiment-folder-name) name="$2"; shift ;;
          esac
          shift
        done
        mkdir -p "$base/$name" && cp %s/*.json "$base/$name/"
        """
                .formatted(recorded));
    FakeExperimentContext context =
        new FakeExperimentContext(Map.of(), Duration.ofSeconds(60), work.resolve("exp"));

    Map<String, Double> metrics = runner(script).run(context);

    assertThat(metrics.get("total_throughput")).isEqualTo((201.7 + 1523.4) / 2);
    assertThat(metrics.get("requests")).isEqualTo(70);
    assertThat(context.processes).hasSize(2); // the server and genai-bench
  }

  @Test
  void aFailedGenaiBenchRunWithoutResultsShowsItsLog() throws Exception {
    Path script = standIn("echo 'tokenizer gpt2 could not be downloaded' >&2; exit 4\n");
    FakeExperimentContext context =
        new FakeExperimentContext(Map.of(), Duration.ofSeconds(60), work.resolve("exp"));

    assertThatThrownBy(() -> runner(script).run(context))
        .isInstanceOf(AutotuneException.class)
        .hasMessageContaining("genai-bench wrote no result files (exit code 4)")
        .hasMessageContaining("tokenizer gpt2 could not be downloaded");
  }

  @Test
  void aMissingGenaiBenchSaysHowToGetIt() {
    FakeExperimentContext context =
        new FakeExperimentContext(Map.of(), Duration.ofSeconds(60), work.resolve("exp"));

    assertThatThrownBy(() -> runner(work.resolve("nowhere/genai-bench")).run(context))
        .hasMessageContaining("genai-bench is not installed")
        .hasMessageContaining("pip install genai-bench");
  }
}
