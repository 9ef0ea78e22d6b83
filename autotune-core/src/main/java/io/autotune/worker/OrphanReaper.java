package io.autotune.worker;

import io.autotune.AutotuneException;
import io.autotune.internal.Hosts;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.ProcessRef;
import io.autotune.model.Task;
import io.autotune.model.WorkerInfo;
import io.autotune.runner.ProcessTree;
import io.autotune.spi.CheckpointStore;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the processes that dead workers of this host left running: an inference server whose worker
 * was SIGKILLed still holds its GPUs. A process is killed only if its pid and start time both match
 * the experiment's record, so a pid reused by an unrelated process is left alone. The experiments
 * themselves are marked ABANDONED by whichever worker takes their task over, or earlier by any
 * reader or worker that sees their owner's lease expired.
 */
final class OrphanReaper {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);
  private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

  private final CheckpointStore store;
  private final String self;
  private final Duration killGrace;

  OrphanReaper(CheckpointStore store, String self, Duration killGrace) {
    this.store = store;
    this.self = self;
    this.killGrace = killGrace;
  }

  /** Reaps what it can; a store that cannot be read only skips the reaping. */
  void reap() {
    try {
      Set<String> dead = deadWorkersOfThisHost();
      if (!dead.isEmpty()) {
        for (Task task : store.tasks()) {
          if (!task.status().isFinal()) {
            store.experiments(task.id()).stream()
                .filter(e -> mayHaveOrphans(e) && dead.contains(e.workerId()))
                .forEach(this::kill);
          }
        }
      }
    } catch (AutotuneException e) {
      LOG.warn("worker {}: could not look for orphan processes: {}", self, e.getMessage());
    }
  }

  /**
   * Unfinished, or ABANDONED: a reader or another worker marks a dead owner's experiments when its
   * lease expires ({@link CheckpointStore#abandonDeadOwners()}) and kills nothing.
   */
  private static boolean mayHaveOrphans(Experiment e) {
    return !e.status().isFinal() || e.status() == ExperimentStatus.ABANDONED;
  }

  private void kill(Experiment e) {
    for (ProcessRef process : e.processes()) {
      if (process.host().equals(Hosts.localName()) && ProcessTree.killIfAlive(process, killGrace)) {
        LOG.info(
            "worker {}: killed orphan process {} of task {} experiment {} (dead worker {})",
            self,
            process.pid(),
            e.taskId(),
            e.number(),
            e.workerId());
      }
    }
  }

  private Set<String> deadWorkersOfThisHost() {
    return store.workers().stream()
        .filter(w -> w.host().equals(Hosts.localName()) && !w.id().equals(self))
        .filter(w -> !isAlive(w))
        .map(WorkerInfo::id)
        .collect(Collectors.toSet());
  }

  /**
   * Alive: its pid runs a process that started no later than the worker did. A process that started
   * later reused the pid after the worker died.
   */
  static boolean isAlive(WorkerInfo worker) {
    return ProcessHandle.of(worker.pid())
        .filter(ProcessHandle::isAlive)
        .flatMap(h -> h.info().startInstant())
        .map(start -> !start.isAfter(worker.startedAt().plus(START_TOLERANCE)))
        .orElse(false);
  }
}
