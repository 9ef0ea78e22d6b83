package io.autotune.internal;

import io.autotune.TuningListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The Tuner's settings that a loop needs; validated by the Tuner's builder. */
public record LoopSettings(
    int parallelism,
    Duration leaseTtl,
    Duration killGrace,
    Path workDirectory,
    Clock clock,
    GpuPlacement gpus,
    List<TuningListener> listeners) {
  public LoopSettings {
    listeners = List.copyOf(listeners);
  }
}
