package io.autotune.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.testing.FakeGpuMonitor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GpuAllocatorConcurrencyTest {
  private static final int SLOTS = 8;
  private static final int EXPERIMENTS_PER_SLOT = 200;

  @Test
  @SuppressWarnings("ThreadPriorityCheck") // Thread.yield() widens the window for an overlap
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void parallelSlotsNeverShareAGpu() throws Exception {
    GpuAllocator allocator = GpuAllocator.create(FakeGpuMonitor.idleGpus(4));
    Map<Integer, Integer> inUse = new ConcurrentHashMap<>();
    Set<Integer> ran = ConcurrentHashMap.newKeySet();
    AtomicInteger overlaps = new AtomicInteger();
    ExecutorService slots = Executors.newFixedThreadPool(SLOTS);
    List<Future<?>> done = new ArrayList<>();
    for (int slot = 0; slot < SLOTS; slot++) {
      int first = slot * EXPERIMENTS_PER_SLOT + 1;
      done.add(
          slots.submit(
              () -> {
                for (int experiment = first;
                    experiment < first + EXPERIMENTS_PER_SLOT;
                    experiment++) {
                  try (GpuLease lease =
                      allocator.allocate(experiment, 1 + experiment % 3, Duration.ofMinutes(1))) {
                    for (int gpu : lease.indices()) {
                      if (inUse.putIfAbsent(gpu, experiment) != null) {
                        overlaps.incrementAndGet();
                      }
                    }
                    Thread.yield();
                    for (int gpu : lease.indices()) {
                      inUse.remove(gpu, experiment);
                    }
                    ran.add(experiment);
                  }
                }
                return null;
              }));
    }
    for (Future<?> slot : done) {
      slot.get();
    }
    slots.shutdown();

    assertThat(overlaps).hasValue(0);
    assertThat(ran).hasSize(SLOTS * EXPERIMENTS_PER_SLOT);
    assertThat(allocator.assignments()).isEmpty();
  }
}
