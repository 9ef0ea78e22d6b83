package io.autotune.spi;

import java.util.List;
import java.util.Optional;

/**
 * Samples the GPUs of this host. Implementations are thread-safe; sampling must be cheap enough to
 * call every few seconds.
 */
public interface GpuMonitor extends AutoCloseable {

  /** A monitor for hosts without GPUs: no GPUs, and a reason saying so. */
  static GpuMonitor none() {
    return none("no GPU monitor configured");
  }

  /** A monitor with no GPUs, unavailable for {@code reason}. */
  static GpuMonitor none(String reason) {
    return new GpuMonitor() {
      @Override
      public String name() {
        return "none";
      }

      @Override
      public List<GpuInfo> sample() {
        return List.of();
      }

      @Override
      public Optional<String> unavailableReason() {
        return Optional.of(reason);
      }
    };
  }

  /** Which monitor this is, e.g. {@code nvml}, {@code nvidia-smi}, {@code none}. */
  String name();

  /**
   * The GPUs now, in index order.
   *
   * @throws io.autotune.AutotuneException if the GPUs could not be read this time
   */
  List<GpuInfo> sample();

  /** Why there are no GPUs to see, when there are none. */
  default Optional<String> unavailableReason() {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
