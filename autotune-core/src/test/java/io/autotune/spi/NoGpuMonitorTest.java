package io.autotune.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoGpuMonitorTest extends GpuMonitorContract {
  @Override
  protected GpuMonitor monitor() {
    return GpuMonitor.none("this host has no GPU");
  }

  @Test
  void saysWhyThereAreNoGpus() {
    assertThat(monitor().sample()).isEmpty();
    assertThat(monitor().unavailableReason()).contains("this host has no GPU");
    assertThat(monitor().name()).isEqualTo("none");
  }
}
