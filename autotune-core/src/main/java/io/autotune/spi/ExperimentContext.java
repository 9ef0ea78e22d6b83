package io.autotune.spi;

import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a runner gets for one experiment. Thread-safe. */
public interface ExperimentContext {

  String taskId();

  TaskSpec spec();

  /** The experiment's number within its task, from 1. */
  int number();

  Configuration configuration();

  /**
   * When the experiment's timeout expires, by {@link #clock()}; the runner should not plan to run
   * past it.
   */
  Instant deadline();

  /**
   * The clock of {@link #deadline()}: the tuning loop's, which tests move by hand. A runner
   * compares the deadline with this clock, never with {@code Instant.now()}. Default: the system
   * clock in UTC.
   */
  default Clock clock() {
    return Clock.systemUTC();
  }

  /** The time left before the experiment's timeout, by {@link #clock()}; zero once it passed. */
  default Duration remaining() {
    Duration left = Duration.between(clock().instant(), deadline());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The GPU indices assigned to this experiment (empty when it asked for none). */
  List<Integer> gpus();

  /** A directory for this experiment's files (logs), created on demand. */
  Path workDirectory();

  /** Reports the phase the experiment is in; recorded in the store. */
  void phase(Phase phase);

  /** Whether the loop wants the experiment to stop (timeout, cancellation, lost lease). */
  boolean isCancelled();

  /**
   * Registers a process that the loop kills, with all its descendants and its process group, when
   * the experiment times out or is cancelled, and after it ends in any case.
   */
  void register(Process process);

  /** Runs {@code cleanup} when the experiment ends, however it ends. */
  void onCleanup(Runnable cleanup);

  /** Writes a line to the experiment's log. */
  void log(String line);
}
