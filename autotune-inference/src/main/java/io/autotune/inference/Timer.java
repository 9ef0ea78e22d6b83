package io.autotune.inference;

import io.autotune.internal.DaemonThreads;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** One daemon timer thread for request timeouts, shared by all load generators. */
final class Timer {

  private static final ScheduledExecutorService SHARED = create();

  private Timer() {}

  private static ScheduledExecutorService create() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, DaemonThreads.named("autotune-request-timeouts-"));
    // most timeouts are cancelled when the request ends: do not let them pile up
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  static ScheduledExecutorService shared() {
    return SHARED;
  }
}
