package io.autotune.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autotune.AutotuneException;
import io.autotune.spi.ExperimentContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs genai-bench against a ready server, as the predecessor did, and reads its results. */
final class GenaiBenchTool {

  private static final Duration GRACE = Duration.ofSeconds(5);

  private GenaiBenchTool() {}

  static List<LevelResult> run(
      ExperimentContext context, URI base, String model, BenchmarkSpec spec)
      throws InterruptedException {
    String executable = requireInstalled(spec);
    Path results = context.workDirectory().resolve("genai-bench");
    Path log = context.workDirectory().resolve("genai-bench.log");
    ServerProcess bench =
        ServerProcess.start(command(executable, base, model, spec, results), Map.of(), log);
    context.register(bench.process());
    try {
      long waitMillis = context.remaining().toMillis();
      if (!bench.process().waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
        throw new AutotuneException(
            "genai-bench did not finish before the experiment's deadline;" + " see " + log);
      }
    } finally {
      bench.terminate(GRACE);
    }
    List<LevelResult> levels =
        Files.isDirectory(results) ? GenaiBenchResults.read(results) : List.of();
    if (levels.isEmpty()) {
      // partial results of a failed run still count (as in the predecessor); none at all do not
      throw new AutotuneException(
          "genai-bench wrote no result files (exit code "
              + bench.exitCode().orElse(-1)
              + "); last lines of "
              + log
              + ":\n"
              + LogTail.of(log, 20));
    }
    return levels;
  }

  /**
   * The genai-bench executable the benchmark names.
   *
   * @throws AutotuneException saying how to install it, when it is not there
   */
  static String requireInstalled(BenchmarkSpec spec) {
    return Executables.locate(spec.genaiBench().command())
        .orElseThrow(
            () ->
                new AutotuneException(
                    "genai-bench is not installed: '"
                        + spec.genaiBench().command()
                        + "' is not an executable file or on PATH; install it (pip install"
                        + " genai-bench), set benchmark.genai_bench_path, or use \"tool\":"
                        + " \"builtin\""));
  }

  static List<String> command(
      String executable, URI base, String model, BenchmarkSpec spec, Path results) {
    List<String> command =
        new ArrayList<>(
            List.of(
                executable,
                "benchmark",
                "--api-backend",
                "openai",
                "--api-base",
                base.toString().replaceAll("/$", ""),
                "--api-key",
                "dummy",
                "--task",
                spec.genaiBench().task(),
                "--experiment-base-dir",
                results.getParent().toString(),
                "--experiment-folder-name",
                results.getFileName().toString(),
                "--api-model-name",
                model,
                "--model-tokenizer",
                spec.genaiBench().tokenizer()));
    spec.trafficScenarios().forEach(s -> command.addAll(List.of("--traffic-scenario", s)));
    spec.concurrency().forEach(c -> command.addAll(List.of("--num-concurrency", "" + c)));
    // genai-bench takes minutes here; our task field is in seconds
    long minutes = Math.max(1, (spec.maxTimePerLevel().toSeconds() + 59) / 60);
    command.addAll(
        List.of(
            "--max-time-per-run",
            "" + minutes,
            "--max-requests-per-run",
            "" + spec.maxRequestsPerLevel()));
    if (!spec.additionalParams().isEmpty()) {
      command.addAll(
          List.of(
              "--additional-request-params",
              new ObjectMapper().valueToTree(spec.additionalParams()).toString()));
    }
    return command;
  }
}
