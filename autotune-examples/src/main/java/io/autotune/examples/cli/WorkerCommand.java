package io.autotune.examples.cli;

import io.autotune.Tuner;
import io.autotune.gpu.nvml.GpuMonitors;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.GpuMonitor;
import io.autotune.worker.Worker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code worker --store URL [--slots N]}: claims and runs tasks until SIGTERM, then stops
 * gracefully (running experiments abandoned and their processes killed, leases released).
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = "Claim and run tasks from a shared store until SIGTERM.")
final class WorkerCommand implements Callable<Integer> {
  @Mixin StoreOption.Required store;

  @Option(names = "--slots", paramLabel = "N", description = "tasks at a time (default: 1)")
  int slots = 1;

  @Option(
      names = "--lease-ttl",
      paramLabel = "SECONDS",
      description = "lease time-to-live (default: 30)")
  long leaseTtlSeconds = 30;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "experiment logs (default: autotune-data/runs)")
  Path workDirectory = Path.of("autotune-data", "runs");

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Duration ttl = Duration.ofSeconds(leaseTtlSeconds);
    CheckpointStore checkpoints = store.open();
    GpuMonitor gpus = GpuMonitors.detect();
    Tuner tuner =
        Tuner.builder()
            .store(checkpoints)
            .runners(Runners.all())
            .gpuMonitor(gpus)
            .leaseTtl(ttl)
            .workDirectory(workDirectory)
            .build();
    Worker worker = Worker.builder().tuner(tuner).slots(slots).leaseTtl(ttl).build();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.close();
                  gpus.close();
                  checkpoints.close();
                },
                "autotune-worker-shutdown"));
    worker.start();
    out.println("worker " + worker.id() + " running with " + slots + " slot(s)");
    worker.awaitStop();
    return 0;
  }
}
