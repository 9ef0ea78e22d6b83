package io.autotune.internal;

import static io.autotune.testing.FakeGpuMonitor.gpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.spi.GpuMonitor;
import io.autotune.testing.FakeGpuMonitor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GpuAllocatorTest {
  private static final Duration NO_WAIT = Duration.ZERO;

  @Test
  void prefersNoForeignProcessesThenMostFreeMemoryThenLeastUtilisation() throws Exception {
    FakeGpuMonitor monitor =
        new FakeGpuMonitor(
            List.of(gpu(0, 80, 0, 4242), gpu(1, 40, 0), gpu(2, 70, 50), gpu(3, 70, 10)));
    GpuAllocator allocator = GpuAllocator.create(monitor);

    assertThat(allocator.allocate(1, 1, NO_WAIT).indices()).containsExactly(3);
    assertThat(allocator.allocate(2, 1, NO_WAIT).indices()).containsExactly(2);
    assertThat(allocator.allocate(3, 1, NO_WAIT).indices()).containsExactly(1);
    assertThat(allocator.allocate(4, 1, NO_WAIT).indices()).containsExactly(0);
  }

  @Test
  void aLeaseNamesItsGpusForCuda() throws Exception {
    GpuAllocator allocator = GpuAllocator.create(FakeGpuMonitor.idleGpus(4));
    allocator.allocate(1, 1, NO_WAIT);

    GpuLease lease = allocator.allocate(2, 2, NO_WAIT);

    assertThat(lease.indices()).containsExactly(1, 2);
    assertThat(lease.uuids()).containsExactly("GPU-fake-1", "GPU-fake-2");
    assertThat(lease.environment())
        .isEqualTo(Map.of("CUDA_VISIBLE_DEVICES", "1,2", "CUDA_DEVICE_ORDER", "PCI_BUS_ID"));
    assertThat(allocator.assignments())
        .isEqualTo(Map.of(0, "experiment 1", 1, "experiment 2", 2, "experiment 2"));
  }

  @Test
  void anExperimentThatWantsNoGpuGetsAnEmptyLeaseEvenWithoutGpus() throws Exception {
    GpuLease lease = GpuAllocator.create(GpuMonitor.none("no driver")).allocate(1, 0, NO_WAIT);

    assertThat(lease.indices()).isEmpty();
    assertThat(lease.cudaVisibleDevices()).isEmpty();
  }

  @Test
  void askingForMoreGpusThanTheHostHasFailsAtOnce() {
    GpuAllocator allocator = GpuAllocator.create(FakeGpuMonitor.idleGpus(2));

    assertThatThrownBy(() -> allocator.allocate(1, 3, Duration.ofHours(1)))
        .isInstanceOf(GpuAllocationException.class)
        .hasMessage("experiment 1 needs 3 GPUs; this host has 2 usable");
    assertThatThrownBy(
            () -> GpuAllocator.create(GpuMonitor.none("no driver")).allocate(4, 1, NO_WAIT))
        .hasMessage("experiment 4 needs 1 GPU; this host has 0 usable (no driver)");
  }

  @Test
  void waitingTooLongFailsNamingWhoHoldsWhat() throws Exception {
    GpuAllocator allocator = GpuAllocator.create(FakeGpuMonitor.idleGpus(4));
    allocator.allocate(5, 1, NO_WAIT);
    allocator.allocate(6, 2, NO_WAIT);

    assertThatThrownBy(() -> allocator.allocate(7, 2, Duration.ofMillis(50)))
        .isInstanceOf(GpuAllocationException.class)
        .hasMessage(
            "experiment 7 needs 2 GPUs; 1 of 4 free after waiting 50ms: GPU 0 held by experiment"
                + " 5, GPU 1 held by experiment 6, GPU 2 held by experiment 6");
  }

  @Test
  void aWaitingExperimentGetsTheGpusWhenTheyAreReleased() throws Exception {
    GpuAllocator allocator = GpuAllocator.create(FakeGpuMonitor.idleGpus(2));
    GpuLease first = allocator.allocate(1, 2, NO_WAIT);
    Thread[] waiter = new Thread[1];
    CompletableFuture<GpuLease> second =
        CompletableFuture.supplyAsync(
            () -> {
              waiter[0] = Thread.currentThread();
              try {
                return allocator.allocate(2, 1, Duration.ofMinutes(5));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    awaitWaiting(waiter);
    assertThat(second).isNotDone();

    first.close();

    assertThat(second.get(10, TimeUnit.SECONDS).indices()).containsExactly(0);
  }

  @Test
  void aWaitingExperimentCanBeInterrupted() throws Exception {
    GpuAllocator allocator = GpuAllocator.create(FakeGpuMonitor.idleGpus(1));
    allocator.allocate(1, 1, NO_WAIT);
    Thread[] waiter = new Thread[1];
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    waiter[0] =
        new Thread(
            () -> {
              try {
                allocator.allocate(2, 1, Duration.ofMinutes(5));
                failure.complete(null);
              } catch (Throwable e) {
                failure.complete(e);
              }
            });
    waiter[0].start();
    awaitWaiting(waiter);

    waiter[0].interrupt();

    assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
  }

  @Test
  void closingALeaseTwiceDoesNotFreeSomeoneElsesGpu() throws Exception {
    GpuAllocator allocator = GpuAllocator.create(FakeGpuMonitor.idleGpus(1));
    GpuLease first = allocator.allocate(1, 1, NO_WAIT);
    first.close();
    allocator.allocate(2, 1, NO_WAIT);

    first.close();

    assertThat(allocator.assignments()).isEqualTo(Map.of(0, "experiment 2"));
    assertThat(first.isClosed()).isTrue();
  }

  @Test
  void onlyAllowedGpusAreGivenOut() throws Exception {
    GpuAllocator allocator =
        GpuAllocator.builder(FakeGpuMonitor.idleGpus(4)).allowedGpus(List.of(1, 3)).build();

    assertThat(allocator.allocate(1, 2, NO_WAIT).indices()).containsExactly(1, 3);
    assertThatThrownBy(() -> allocator.allocate(2, 3, NO_WAIT))
        .hasMessage("experiment 2 needs 3 GPUs; this host has 2 usable (allowed GPUs: [1, 3])");
  }

  @Test
  void aFailedReadPlacesByTheLastGoodOneButNoReadAtAllIsAnError() throws Exception {
    FakeGpuMonitor monitor = FakeGpuMonitor.idleGpus(2);
    monitor.setFailing(true);
    GpuAllocator allocator = GpuAllocator.create(monitor);
    assertThatThrownBy(() -> allocator.allocate(1, 1, NO_WAIT))
        .hasMessage(
            "experiment 1 cannot be placed: reading the GPUs failed: fake GPUs cannot be read");

    monitor.setFailing(false);
    allocator.allocate(1, 1, NO_WAIT);
    monitor.setFailing(true);

    assertThat(allocator.allocate(2, 1, NO_WAIT).indices()).containsExactly(1);
  }

  @Test
  void anExperimentCannotAskTwiceWhileHoldingGpus() throws Exception {
    GpuAllocator allocator = GpuAllocator.create(FakeGpuMonitor.idleGpus(2));
    allocator.allocate(1, 1, NO_WAIT);

    assertThatThrownBy(() -> allocator.allocate(1, 1, NO_WAIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("experiment 1 already holds GPUs");
  }

  @Test
  void anEndlessTimeoutDoesNotOverflowTheDeadline() throws Exception {
    GpuAllocator allocator = GpuAllocator.create(FakeGpuMonitor.idleGpus(1));

    assertThat(allocator.allocate(1, 1, Duration.ofSeconds(Long.MAX_VALUE)).indices())
        .containsExactly(0);
  }

  @Test
  void invalidRequestsAreRejected() {
    GpuAllocator allocator = GpuAllocator.create(FakeGpuMonitor.idleGpus(1));
    assertThatThrownBy(() -> allocator.allocate(1, -1, NO_WAIT))
        .hasMessage("count must be 0 or more, but was -1");
    assertThatThrownBy(() -> allocator.allocate(1, 1, Duration.ofSeconds(-1)))
        .hasMessage("timeout must not be negative, but was PT-1S");
    assertThatThrownBy(() -> GpuAllocator.builder(GpuMonitor.none()).allowedGpus(List.of(-1)))
        .hasMessage("allowedGpus must be GPU indices (0 or more), but had -1");
  }

  /** Waits until the thread blocks in the allocator (it parks while waiting for a release). */
  static void awaitWaiting(Thread[] thread) throws InterruptedException {
    while (thread[0] == null
        || (thread[0].getState() != Thread.State.TIMED_WAITING
            && thread[0].getState() != Thread.State.WAITING)) {
      Thread.sleep(5);
    }
  }
}
