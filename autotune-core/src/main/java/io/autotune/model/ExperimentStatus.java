package io.autotune.model;

/**
 * The life of an experiment: PENDING → DEPLOYING → BENCHMARKING → one of the final statuses. A
 * status only moves forward; ABANDONED means its owner died before it finished.
 */
public enum ExperimentStatus {
  PENDING(0),
  DEPLOYING(1),
  BENCHMARKING(2),
  SUCCEEDED(3),
  FAILED(3),
  TIMED_OUT(3),
  ABANDONED(3);

  /** Explicit, so that the rules do not hang on the order the constants are declared in. */
  private final int stage;

  ExperimentStatus(int stage) {
    this.stage = stage;
  }

  public boolean isFinal() {
    return stage >= SUCCEEDED.stage;
  }

  /** Whether an experiment in this status may move to {@code next}. */
  public boolean canMoveTo(ExperimentStatus next) {
    return !isFinal() && next.stage > stage;
  }
}
