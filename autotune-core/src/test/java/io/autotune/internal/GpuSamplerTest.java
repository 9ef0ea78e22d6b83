package io.autotune.internal;

import static io.autotune.testing.FakeGpuMonitor.gpu;
import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.testing.FakeGpuMonitor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GpuSamplerTest {

  @Test
  void recordsOnlyTheExperimentsGpusUntilStopped() throws Exception {
    FakeGpuMonitor monitor =
        new FakeGpuMonitor(List.of(gpu(0, 80, 0), gpu(1, 30, 90), gpu(2, 60, 40)));
    try (GpuSampler sampler = GpuSampler.builder(monitor).interval(Duration.ofMillis(5)).build()) {
      GpuSampler.Recording recording = sampler.start(List.of(1, 2));
      awaitReads(monitor, 3);

      GpuUsage usage = recording.stop();
      int readsAtStop = monitor.reads();

      assertThat(usage.samples()).extracting(GpuSample::index).containsOnly(1, 2);
      assertThat(usage.samples()).hasSizeGreaterThanOrEqualTo(6);
      assertThat(usage.metrics())
          .containsEntry("gpu1_util_mean", 90.0)
          .containsEntry("gpu2_util_max", 40.0)
          .containsEntry("gpu_util_mean", 65.0)
          .containsEntry("gpu1_mem_used_max_mib", 50.0 * 1024)
          .containsEntry("gpu_count", 2.0);
      Thread.sleep(50);
      assertThat(recording.stop()).isEqualTo(usage);
      assertThat(monitor.reads()).isEqualTo(readsAtStop);
    }
  }

  @Test
  void aShortExperimentStillGetsOneSample() {
    FakeGpuMonitor monitor = FakeGpuMonitor.idleGpus(1);
    try (GpuSampler sampler = GpuSampler.builder(monitor).interval(Duration.ofHours(1)).build()) {
      GpuSampler.Recording recording = sampler.start(List.of(0));

      assertThat(recording.stop().samples()).isNotEmpty();
    }
  }

  @Test
  void failedReadsAreCountedNotThrown() throws Exception {
    FakeGpuMonitor monitor = FakeGpuMonitor.idleGpus(1);
    monitor.setFailing(true);
    try (GpuSampler sampler = GpuSampler.builder(monitor).interval(Duration.ofMillis(5)).build()) {
      GpuSampler.Recording recording = sampler.start(List.of(0));
      awaitReads(monitor, 2);

      GpuUsage usage = recording.stop();

      assertThat(usage.failedReads()).isGreaterThanOrEqualTo(2);
      assertThat(usage.samples()).isEmpty();
      assertThat(usage.metrics()).containsEntry("gpu_samples", 0.0);
    }
  }

  @Test
  void anExperimentWithoutGpusIsNotSampled() {
    FakeGpuMonitor monitor = FakeGpuMonitor.idleGpus(1);
    try (GpuSampler sampler = GpuSampler.builder(monitor).build()) {
      assertThat(sampler.start(List.of()).stop()).isEqualTo(GpuUsage.none());
      assertThat(monitor.reads()).isZero();
    }
  }

  private static void awaitReads(FakeGpuMonitor monitor, int reads) throws InterruptedException {
    while (monitor.reads() < reads) {
      Thread.sleep(2);
    }
  }
}
