package io.autotune.model;

/** What an {@link Objective} makes of an experiment's metrics. */
public sealed interface Evaluation {

  /** A score: the base metric moved against the direction by the SLO penalty. */
  record Scored(double score, double base, double penalty) implements Evaluation {}

  /** No score: a hard SLO failed or the metric is missing or not finite. */
  record Rejected(String reason) implements Evaluation {}
}
