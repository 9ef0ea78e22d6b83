package io.autotune.internal;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.ProcessRef;
import io.autotune.runner.ProcessTree;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a new owner does with a dead owner's unfinished experiments: kills the processes they left
 * on this host (same pid and start time), then marks them ABANDONED. Experiments already ABANDONED
 * get their processes killed too: a reader or another worker may have marked them when the dead
 * owner's lease expired ({@code CheckpointStore.abandonDeadOwners}), without killing anything.
 */
final class Restore {
  private static final Logger LOG = LoggerFactory.getLogger(Restore.class);

  private Restore() {}

  static void abandonDeadOwners(ExperimentLog log, List<Experiment> recorded, Duration killGrace) {
    for (Experiment e : recorded) {
      if (mayHaveOrphans(e)) {
        killOrphans(e, killGrace);
      }
      if (e.status().isFinal()) {
        continue;
      }
      log.markAbandoned(
          e,
          "its owner (worker "
              + e.workerId()
              + ", epoch "
              + e.epoch()
              + ") stopped before it finished");
    }
  }

  /** Unfinished, or ABANDONED (maybe by a reader, which kills nothing). */
  static boolean mayHaveOrphans(Experiment e) {
    return !e.status().isFinal() || e.status() == ExperimentStatus.ABANDONED;
  }

  private static void killOrphans(Experiment e, Duration killGrace) {
    for (ProcessRef process : e.processes()) {
      if (process.host().equals(Hosts.localName()) && ProcessTree.killIfAlive(process, killGrace)) {
        LOG.info(
            "task {}: killed orphan process {} of experiment {}",
            e.taskId(),
            process.pid(),
            e.number());
      }
    }
  }
}
