package io.autotune.inference;

import io.autotune.spi.ExperimentContext;
import io.autotune.spi.Phase;
import java.net.URI;
import java.util.Map;

/**
 * What every server runner does once it launched its server, wherever that is: wait until the
 * server is ready, benchmark it, and remove it however the experiment ends. Stateless.
 */
final class ServerExperiment {

  private ServerExperiment() {}

  /** Checks made before a server is launched, so that no minutes of start-up are wasted. */
  static void checkBeforeLaunch(LocalServerSettings settings) {
    if (settings.benchmark().tool() == BenchmarkSpec.Tool.GENAI_BENCH) {
      GenaiBenchTool.requireInstalled(settings.benchmark());
    }
  }

  /**
   * Awaits readiness, benchmarks, and always {@link DeployedServer#remove() removes} the server.
   */
  static Map<String, Double> run(
      ExperimentContext context,
      LocalServerSettings settings,
      LoadGenerator loadGenerator,
      DeployedServer server)
      throws InterruptedException {
    try {
      URI base = new ServerLauncher(settings.pollInterval(), server).awaitReady(context);
      context.phase(Phase.BENCHMARKING);
      return new ServerBenchmark(settings, loadGenerator, server, base)
          .run(context, LocalServerRunner.parallelism(context.configuration()));
    } finally {
      server.remove();
    }
  }
}
