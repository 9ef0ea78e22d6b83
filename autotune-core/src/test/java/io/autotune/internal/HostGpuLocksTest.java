package io.autotune.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.autotune.testing.FakeGpuMonitor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** GPUs of one host are never given to two worker processes (or two allocators) at once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostGpuLocksTest {
  @TempDir Path locks;

  private GpuAllocator allocator() {
    return GpuAllocator.builder(FakeGpuMonitor.idleGpus(3)).hostLocks(locks).build();
  }

  @Test
  void twoAllocatorsOfOneHostShareItsGpusWithoutOverlap() throws Exception {
    GpuAllocator first = allocator();
    GpuAllocator second = allocator();

    GpuLease two = first.allocate(1, 2, Duration.ZERO);
    GpuLease one = second.allocate(1, 1, Duration.ZERO);

    assertThat(one.indices()).doesNotContainAnyElementsOf(two.indices());
    assertThatThrownBy(() -> second.allocate(2, 1, Duration.ofMillis(300)))
        .isInstanceOf(GpuAllocationException.class)
        .hasMessageContaining("other processes");
    two.close();
    assertThat(second.allocate(2, 2, Duration.ofSeconds(5)).indices()).hasSize(2);
  }

  @Test
  void aGpuLockedByAnotherProcessIsBusyUntilThatProcessDies() throws Exception {
    Path file = locks.resolve("GPU-fake-0.lock");
    Process holder;
    try {
      holder =
          new ProcessBuilder(
                  "python3",
                  "-c",
                  """
                      import fcntl,sys,time
                      f=open(sys.argv[1],'w'); fcntl.lockf(f, fcntl.LOCK_EX)
                      print('locked', flush=True); time.sleep(120)
                      """,
                  file.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeThat(e).as("python3, to hold a lock from another process").isNull();
      return;
    }
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("locked");
      GpuAllocator allocator = allocator();

      GpuLease lease = allocator.allocate(1, 2, Duration.ZERO);
      assertThat(lease.indices()).containsExactly(1, 2);
      lease.close();
      assertThatThrownBy(() -> allocator.allocate(2, 3, Duration.ofMillis(300)))
          .isInstanceOf(GpuAllocationException.class);

      holder.destroyForcibly().waitFor();
      assertThat(allocator.allocate(3, 3, Duration.ofSeconds(5)).indices())
          .containsExactly(0, 1, 2);
    } finally {
      holder.destroyForcibly();
    }
  }
}
