package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autotune.model.WorkerInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading real processes from /proc (Linux only). */
class WorkerProbeTest {

  @Test
  void readsCpuTimeMemoryAndStartOfThisJvm() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
    long pid = ProcessHandle.current().pid();
    ProcFs.Sample sample = ProcFs.system().sample(pid).orElseThrow();
    assertThat(sample.residentKib()).isGreaterThan(10_000);
    assertThat(sample.cpuTime()).isPositive();
    Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();
    // /proc counts in ticks of 10 ms from a boot time in whole seconds
    assertThat(Duration.between(jvmStart, sample.startedAt()).abs())
        .isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aMissingProcessIsEmpty() {
    assertThat(ProcFs.system().sample(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void aLocalWorkerWhosePidWasReusedByALaterProcessIsGone() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
    Process child = new ProcessBuilder("sleep", "30").start();
    try {
      Instant now = Instant.now();
      // the worker registered an hour ago: the sleep that holds its pid now is someone else
      WorkerInfo worker =
          new WorkerInfo(
              "w", "this-host", child.pid(), now.minus(Duration.ofHours(1)), now, Optional.empty());
      WorkerProbe probe =
          new WorkerProbe(ProcFs.system(), Set.of("this-host"), Duration.ofSeconds(30));
      WorkerStatus.Worker seen = probe.look(List.of(worker), now).workers().get(0);
      assertThat(seen.state()).isEqualTo("gone");
      assertThat(seen.running()).isFalse();
      assertThat(seen.cpuPercent()).isNull();
    } finally {
      child.destroy();
    }
  }

  @Test
  void cpuPercentIsTheUseBetweenTwoLooks() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
    Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
    try {
      Instant registered = Instant.now().plusSeconds(1);
      WorkerInfo worker =
          new WorkerInfo("w", "this-host", busy.pid(), registered, registered, Optional.empty());
      WorkerProbe probe =
          new WorkerProbe(ProcFs.system(), Set.of("this-host"), Duration.ofSeconds(30));
      ProcessHandle.Info info = busy.toHandle().info();
      Duration cpuBefore = info.totalCpuDuration().orElseThrow();
      long wallBefore = System.nanoTime();
      probe.look(List.of(worker), registered);
      Thread.sleep(1500);
      WorkerStatus.Worker seen = probe.look(List.of(worker), registered).workers().get(0);
      Duration cpuAfter = busy.toHandle().info().totalCpuDuration().orElseThrow();
      double wallMillis = (System.nanoTime() - wallBefore) / 1e6;
      // the JDK's own reading of the same process over (slightly more than) the same time
      double expected = 100.0 * cpuAfter.minus(cpuBefore).toMillis() / wallMillis;
      assertThat(seen.local()).isTrue();
      assertThat(seen.cpuPercent()).isPositive().isCloseTo(expected, within(15.0));
    } finally {
      busy.destroy();
    }
  }
}
