package io.autotune.model;

/**
 * The life of an experiment: PENDING → DEPLOYING → BENCHMARKING → one of the final statuses. A
 * status only moves forward; ABANDONED means its owner died before it finished.
 */
public enum ExperimentStatus {
  PENDING,
  DEPLOYING,
  BENCHMARKING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABANDONED;

  public boolean isFinal() {
    return ordinal() >= SUCCEEDED.ordinal();
  }

  /** Whether an experiment in this status may move to {@code next}. */
  public boolean canMoveTo(ExperimentStatus next) {
    return !isFinal() && next.ordinal() > ordinal();
  }
}
