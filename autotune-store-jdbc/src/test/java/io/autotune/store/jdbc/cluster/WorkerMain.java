package io.autotune.store.jdbc.cluster;

import io.autotune.Tuner;
import io.autotune.runner.RunnerFactory;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import io.autotune.testing.SampleStrategy;
import io.autotune.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A worker process for the cluster tests, built the way the CLI's {@code worker} command builds
 * one: a JDBC store, a Tuner with the built-in runners, a Worker; SIGTERM stops it gracefully.
 *
 * <p>Arguments: {@code --url U --user U --password P --slots N --ttl-ms T --grace-ms G --work DIR
 * [--worker-id ID]}.
 */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].substring(2), args[i + 1]);
    }
    Duration ttl = Duration.ofMillis(Long.parseLong(a.get("ttl-ms")));
    JdbcCheckpointStore store =
        JdbcCheckpointStore.builder()
            .url(a.get("url"))
            .user(a.get("user"))
            .password(a.get("password"))
            .grace(Duration.ofMillis(Long.parseLong(a.get("grace-ms"))))
            .connectionTimeout(Duration.ofSeconds(2))
            .migrate(false)
            .build();
    Tuner.Builder tuner =
        Tuner.builder()
            .store(store)
            .runners(RunnerFactory.builtIn())
            .strategy(new SampleStrategy())
            .leaseTtl(ttl)
            .killGrace(Duration.ofMillis(500))
            .workDirectory(Path.of(a.get("work")));
    if (a.containsKey("worker-id")) {
      tuner.workerId(a.get("worker-id"));
    }
    Worker worker =
        Worker.builder()
            .tuner(tuner.build())
            .slots(Integer.parseInt(a.get("slots")))
            .leaseTtl(ttl)
            .pollInterval(Duration.ofMillis(50))
            .heartbeatInterval(Duration.ofMillis(500))
            .killGrace(Duration.ofMillis(500))
            .build();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.close();
                  store.close();
                },
                "worker-shutdown"));
    worker.start();
    System.out.println("worker " + worker.id() + " started");
    worker.awaitStop();
  }
}
