package io.autotune.store.jdbc.cluster;

import io.autotune.Tuner;
import io.autotune.runner.RunnerFactory;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import io.autotune.testing.FakeGpuMonitor;
import io.autotune.testing.SampleStrategy;
import io.autotune.worker.Claims;
import io.autotune.worker.Worker;
import io.autotune.worker.WorkerBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A worker process for the cluster tests, built the way the CLI's {@code worker} command builds
 * one: a JDBC store, a Tuner with the built-in runners, a Worker; SIGTERM stops it gracefully.
 *
 * <p>Arguments: {@code --url U --user U --password P --slots N --ttl-ms T --grace-ms G --work DIR
 * [--worker-id ID] [--gpus N --gpu-locks DIR] [--claims TASKS|EXPERIMENTS]}. With {@code --gpus},
 * the host has N fake GPUs, each experiment needs one, and {@code --slots 0} sizes the slots from
 * the GPUs.
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
    int gpus = Integer.parseInt(a.getOrDefault("gpus", "0"));
    Tuner.Builder tuner =
        Tuner.builder()
            .store(store)
            .runners(gpus > 0 ? OneGpuEach.of(RunnerFactory.builtIn()) : RunnerFactory.builtIn())
            .strategy(new SampleStrategy())
            .leaseTtl(ttl)
            .killGrace(Duration.ofMillis(500))
            .workDirectory(Path.of(a.get("work")));
    if (a.containsKey("worker-id")) {
      tuner.workerId(a.get("worker-id"));
    }
    if (gpus > 0) {
      tuner.gpuMonitor(FakeGpuMonitor.idleGpus(gpus)).hostGpuLocks(Path.of(a.get("gpu-locks")));
    }
    WorkerBuilder builder =
        Worker.builder().claims(Claims.valueOf(a.getOrDefault("claims", "EXPERIMENTS")));
    int slots = Integer.parseInt(a.get("slots"));
    if (slots > 0) {
      builder.slots(slots);
    }
    Worker worker =
        builder
            .tuner(tuner.build())
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
