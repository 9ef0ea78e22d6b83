package io.autotune.model;

/** Whether a lower or a higher score is better. */
public enum Direction {
  MINIMIZE,
  MAXIMIZE;

  /** The score as a loss: lower is better, whatever the direction. */
  public double toLoss(double score) {
    return this == MINIMIZE ? score : -score;
  }

  /** Whether score {@code a} is better than score {@code b}. */
  public boolean isBetter(double a, double b) {
    return this == MINIMIZE ? a < b : a > b;
  }
}
