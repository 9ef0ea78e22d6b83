package io.autotune.worker;

/** What a {@link Worker} claims from the store. */
public enum Claims {
  /**
   * The next experiment of any running task, under the experiment's own lease: every worker with a
   * free slot works on every task, so one task uses all hosts ({@link
   * io.autotune.Tuner#propose(String)}).
   */
  EXPERIMENTS,

  /**
   * A whole task under one lease, run by this worker alone with its tuner's parallelism ({@link
   * io.autotune.Tuner#run(io.autotune.model.Lease)}).
   */
  TASKS
}
