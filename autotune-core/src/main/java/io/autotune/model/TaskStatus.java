package io.autotune.model;

/** The life of a task. COMPLETED, FAILED and CANCELLED are final. */
public enum TaskStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
