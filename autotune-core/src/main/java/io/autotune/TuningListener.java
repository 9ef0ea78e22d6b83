package io.autotune;

import io.autotune.model.Experiment;
import io.autotune.model.Task;
import java.util.Optional;

/**
 * Hears about a task's progress. Calls come from the tuning loop's thread; a listener that throws
 * is logged and the loop goes on. Implementations should return quickly.
 */
public interface TuningListener {

  /** An experiment was recorded and is about to run. */
  default void experimentStarted(Task task, Experiment experiment) {}

  /** An experiment reached a final status; {@code best} is the best succeeded one so far. */
  default void experimentFinished(Task task, Experiment experiment, Optional<Experiment> best) {}

  /** The task ended (or this worker stopped acting on it). */
  default void taskFinished(TuningResult result) {}
}
