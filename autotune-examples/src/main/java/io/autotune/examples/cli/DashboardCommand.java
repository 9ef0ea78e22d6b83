package io.autotune.examples.cli;

import io.autotune.dashboard.DashboardOptions;
import io.autotune.dashboard.DashboardServlet;
import io.autotune.examples.web.DashboardServer;
import io.autotune.gpu.nvml.GpuMonitors;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.GpuMonitor;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dashboard --store URL}: serves the dashboard of a store until stopped. The display zone
 * comes from the environment variable {@code TIMEZONE}; a bearer token, if wanted, from an
 * environment variable too, never from the command line, where other users could read it.
 */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description = "Serve the dashboard (GPUs, workers, statistics, timeline) of a store.")
final class DashboardCommand implements Callable<Integer> {
  static final String TOKEN_VARIABLE = "AUTOTUNE_DASHBOARD_TOKEN";

  @Mixin StoreOption.OrDefault store;

  @Option(names = "--port", paramLabel = "P", description = "the port (default: ${DEFAULT-VALUE})")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "the address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
  String bind = DashboardServer.LOOPBACK;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      description = "the mount path (default: ${DEFAULT-VALUE})")
  String path = "/";

  @Option(
      names = "--timeline-bars",
      paramLabel = "N",
      description =
          "the most experiments the timeline draws: the running ones, then the latest started"
              + " (default: ${DEFAULT-VALUE})")
  int timelineBars = 500;

  @Override
  public Integer call() throws InterruptedException {
    DashboardOptions options =
        options(System.getenv()).toBuilder().timelineBars(timelineBars).build();
    try (CheckpointStore checkpoints = store.open();
        GpuMonitor gpus = GpuMonitors.detect();
        DashboardServer server =
            DashboardServer.start(
                new DashboardServlet(checkpoints, gpus, options), bind, port, path)) {
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      System.out.println("dashboard at " + server.uri() + " (times in " + options.zone() + ")");
      server.join();
      return 0;
    }
  }

  /** The zone from TIMEZONE, and a bearer token from AUTOTUNE_DASHBOARD_TOKEN when it is set. */
  static DashboardOptions options(Map<String, String> environment) {
    DashboardOptions.Builder options = DashboardOptions.builder().zoneFromEnvironment(environment);
    String token = environment.get(TOKEN_VARIABLE);
    if (token != null && !token.isBlank()) {
      options.bearerToken(token.strip());
    }
    return options.build();
  }
}
