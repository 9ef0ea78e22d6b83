package io.autotune;

/** An experiment with this (task, number) is already recorded: numbers are unique per task. */
public final class DuplicateExperimentException extends StoreException {
  private static final long serialVersionUID = 1L;

  public DuplicateExperimentException(String taskId, int number) {
    super("task " + taskId + " already has experiment " + number);
  }
}
