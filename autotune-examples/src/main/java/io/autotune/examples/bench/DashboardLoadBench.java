package io.autotune.examples.bench;

import io.autotune.Tuner;
import io.autotune.dashboard.DashboardOptions;
import io.autotune.dashboard.DashboardServlet;
import io.autotune.examples.web.DashboardServer;
import io.autotune.model.Objective;
import io.autotune.model.TaskSpec;
import io.autotune.space.SearchSpace;
import io.autotune.spi.GpuMonitor;
import io.autotune.spi.Strategy;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How long the dashboard's polled API calls take, and how large their answers are, on an H2 store
 * holding TASKS tasks of EXPERIMENTS no-op experiments each (all within the last 24 h). Prints one
 * line per endpoint: median of 15 calls, the first 5 included.
 *
 * <pre>
 * java -cp autotune.jar io.autotune.examples.bench.DashboardLoadBench [TASKS] [EXPERIMENTS]
 *     [TIMELINE_BARS]
 * </pre>
 *
 * TIMELINE_BARS (default 500) is the dashboard's {@code timelineBars}; as many as there are
 * experiments shows the timeline without its cap.
 *
 * <p>Not a test: a measurement for docs/dashboard.md. Not thread-safe (one run).
 */
public final class DashboardLoadBench {
  private static final List<String> ENDPOINTS =
      List.of("api/tasks", "api/db-statistics", "api/experiment-timeline?hours=24");

  private DashboardLoadBench() {}

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int experiments = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int timelineBars = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    Path work = Files.createTempDirectory("autotune-dashboard-bench");
    try (JdbcCheckpointStore store =
        JdbcCheckpointStore.open("jdbc:h2:file:" + work.resolve("db"))) {
      fill(store, work, tasks, experiments);
      DashboardServlet servlet =
          new DashboardServlet(
              store,
              GpuMonitor.none(),
              DashboardOptions.builder().timelineBars(timelineBars).build());
      try (DashboardServer server = DashboardServer.start(servlet, 0)) {
        HttpClient client = HttpClient.newHttpClient();
        for (String endpoint : ENDPOINTS) {
          double[] millis = new double[15];
          int bytes = 0;
          for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response =
                client.send(
                    HttpRequest.newBuilder(server.uri().resolve(endpoint)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - start) / 1e6;
            bytes = response.body().length;
          }
          Arrays.sort(millis);
          System.out.printf(
              Locale.ROOT,
              "%s: median %.1f ms, %d bytes (%d tasks x %d experiments)%n",
              endpoint,
              millis[millis.length / 2],
              bytes,
              tasks,
              experiments);
        }
      }
    }
  }

  private static void fill(JdbcCheckpointStore store, Path work, int tasks, int experiments) {
    Strategy uniform = context -> Optional.of(context.space().sample(context.random()));
    Tuner tuner =
        Tuner.builder()
            .store(store)
            .runner(context -> Map.of("value", 1.0))
            .strategy(uniform)
            .workDirectory(work.resolve("runs"))
            .build();
    SearchSpace space = SearchSpace.builder().real("x", 0, 1).choice("mode", "a", "b").build();
    for (int t = 0; t < tasks; t++) {
      tuner.run(
          TaskSpec.of("task-" + t, space, Objective.minimize("value"))
              .withMaxExperiments(experiments)
              .withSeed(t));
    }
  }
}
