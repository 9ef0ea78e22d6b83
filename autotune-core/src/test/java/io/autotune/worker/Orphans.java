package io.autotune.worker;

import io.autotune.internal.Hosts;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.WorkerInfo;
import io.autotune.runner.ProcessTree;
import io.autotune.space.Configuration;
import io.autotune.spi.CheckpointStore;
import io.autotune.testing.TestSpecs;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Real processes and worker records for the orphan-reaping tests. */
final class Orphans {
  private Orphans() {}

  /** A process that would run for a minute, in a group of its own like an experiment's. */
  static Process sleeper() throws IOException {
    return ProcessTree.inNewGroup(List.of("sleep", "60")).start();
  }

  /** A worker of this host whose process has exited. */
  static WorkerInfo deadWorker() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    Instant started = gone.info().startInstant().orElse(Instant.now());
    gone.waitFor();
    return new WorkerInfo("dead-worker", Hosts.localName(), gone.pid(), started, started, none());
  }

  /** This JVM, recorded as a worker: alive. */
  static WorkerInfo thisProcessAsWorker(String id) {
    Instant now = Instant.now();
    return new WorkerInfo(id, Hosts.localName(), ProcessHandle.current().pid(), now, now, none());
  }

  /** A task whose {@code worker} holds the lease and runs an experiment in {@code process}. */
  static void recordRunningExperiment(CheckpointStore store, WorkerInfo worker, Process process) {
    store.heartbeat(worker);
    Task task = store.createTask(TestSpecs.simple("orphaned-by-" + worker.id()).withSeed(1));
    Lease lease = store.acquire(task.id(), worker.id(), Duration.ofMinutes(5)).orElseThrow();
    Experiment e =
        Experiment.pending(
                task.id(),
                1,
                Configuration.of(Map.of("x", 1.0, "mode", "a")),
                Instant.now(),
                worker.id(),
                lease.epoch())
            .inPhase(ExperimentStatus.DEPLOYING, Instant.now())
            .withProcesses(List.of(ProcessTree.refOf(process.toHandle())));
    store.insertExperiment(lease, e);
  }

  private static Optional<Instant> none() {
    return Optional.empty();
  }
}
