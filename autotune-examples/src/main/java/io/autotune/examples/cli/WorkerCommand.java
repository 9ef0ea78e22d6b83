package io.autotune.examples.cli;

import io.autotune.Tuner;
import io.autotune.gpu.nvml.GpuMonitors;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.GpuMonitor;
import io.autotune.worker.Claims;
import io.autotune.worker.Worker;
import io.autotune.worker.WorkerBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code worker --store URL [--slots N] [--claims experiments|tasks]}: claims and runs experiments
 * of every running task (or whole tasks) until SIGTERM, then stops gracefully (running experiments
 * abandoned and their processes killed, leases released).
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description =
        "Claim and run experiments of any task (or whole tasks) from a shared store until SIGTERM.")
final class WorkerCommand implements Callable<Integer> {
  @Mixin StoreOption.Required store;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description =
          "experiments (or tasks) at a time (default: one per GPU of this host, 1 without GPUs;"
              + " 1 with --claims tasks)")
  int slots;

  @Option(
      names = "--claims",
      paramLabel = "WHAT",
      description =
          "experiments: the next experiment of any running task, so one task uses every worker"
              + " (default); tasks: whole tasks, one worker each")
  String claims = "experiments";

  @Option(
      names = "--gpu-locks",
      paramLabel = "DIR",
      description =
          "where this host's workers lock GPUs so that no two share one (default:"
              + " $TMPDIR/autotune-gpu-locks)")
  Path gpuLocks = GPU_LOCKS;

  /** Where {@code worker} and {@code run} lock GPUs by default, so that they never share one. */
  static final Path GPU_LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "autotune-gpu-locks");

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

  private Claims claims() {
    try {
      return Claims.valueOf(claims.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--claims must be experiments or tasks, but was \"" + claims + "\"");
    }
  }

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
            .hostGpuLocks(gpuLocks)
            .build();
    WorkerBuilder builder = Worker.builder().tuner(tuner).claims(claims()).leaseTtl(ttl);
    if (slots > 0) {
      builder.slots(slots);
    }
    Worker worker = builder.build();
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
    out.println(
        "worker "
            + worker.id()
            + " running with "
            + worker.slots()
            + " slot(s), claiming "
            + claims.toLowerCase(Locale.ROOT));
    worker.awaitStop();
    return 0;
  }
}
