package io.autotune.spi;

/** The running phases a runner reports through {@link ExperimentContext#phase(Phase)}. */
public enum Phase {
  /** Starting what is to be measured, e.g. launching an inference server. */
  DEPLOYING,
  /** Measuring it. */
  BENCHMARKING
}
