/**
 * API: the built-in {@link io.autotune.spi.ExperimentRunner} that runs a command per experiment
 * ({@link io.autotune.runner.CommandRunner}), the process-tree handling behind it, and {@link
 * io.autotune.runner.RunnerFactory}. Each class states whether it is thread-safe.
 */
package io.autotune.runner;
