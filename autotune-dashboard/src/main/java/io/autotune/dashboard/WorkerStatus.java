package io.autotune.dashboard;

import java.util.List;

/**
 * The answer of {@code api/worker-status}. CPU, memory and process state are known only for workers
 * on this host (read from {@code /proc}); elsewhere they are null.
 *
 * @param lateAfterSeconds a running worker silent for longer is flagged {@code late}
 */
record WorkerStatus(String timestamp, double lateAfterSeconds, List<Worker> workers) {

  /**
   * One worker.
   *
   * @param local whether it runs on this host and its process was found
   * @param state running, late (no recent heartbeat), stopped (said goodbye) or gone (its process
   *     on this host has ended without saying so)
   * @param cpuPercent CPU use since the previous look (or over its life, the first time); 100 = one
   *     core
   */
  record Worker(
      String id,
      String host,
      long pid,
      boolean local,
      boolean running,
      String state,
      boolean late,
      Double cpuPercent,
      Double memoryMb,
      double uptimeSeconds,
      double secondsSinceHeartbeat,
      String startedAt,
      String lastHeartbeat,
      String stoppedAt) {}
}
