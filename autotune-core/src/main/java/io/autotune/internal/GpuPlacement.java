package io.autotune.internal;

import io.autotune.spi.GpuMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts an experiment on the GPUs it needs for as long as it runs, and records their use meanwhile.
 * One per Tuner, so that no two experiments of any of its tasks share a GPU. Thread-safe.
 */
public final class GpuPlacement implements AutoCloseable {
  private final GpuAllocator allocator;
  private final GpuSampler sampler;
  private final Duration wait;

  /**
   * @param hostLocks where the host's worker processes lock GPUs, so that none shares one with
   *     another; empty to coordinate only this process's experiments
   */
  public GpuPlacement(
      GpuMonitor monitor, Optional<Path> hostLocks, Duration wait, Duration sampleInterval) {
    GpuAllocator.Builder allocator = GpuAllocator.builder(monitor);
    hostLocks.ifPresent(allocator::hostLocks);
    this.allocator = allocator.build();
    this.sampler = GpuSampler.builder(monitor).interval(sampleInterval).build();
    this.wait = wait;
  }

  /** GPUs held by one experiment, with the recording of their use. */
  final class Placed implements AutoCloseable {
    private final GpuLease lease;
    private final GpuSampler.Recording recording;

    private Placed(GpuLease lease) {
      this.lease = lease;
      this.recording = sampler.start(lease.indices());
    }

    List<Integer> indices() {
      return lease.indices();
    }

    /** Utilisation and memory of the experiment's GPUs while it ran; empty without GPUs. */
    Map<String, Double> usage() {
      return lease.indices().isEmpty() ? Map.of() : recording.stop().metrics();
    }

    @Override
    public void close() {
      recording.close();
      lease.close();
    }
  }

  /**
   * Takes {@code count} GPUs for {@code holder}, waiting for them if they are busy.
   *
   * @throws io.autotune.internal.GpuAllocationException if they cannot be had within the wait
   */
  Placed place(String holder, int count) throws InterruptedException {
    return new Placed(allocator.allocate(holder, count, wait));
  }

  /** How many GPUs no experiment (of this process, or of another holding host locks) holds now. */
  public int freeGpus() {
    return allocator.freeCount();
  }

  /**
   * Whether an experiment that needs {@code count} GPUs would start now without waiting for any;
   * also true when the host has fewer than {@code count} in all, since placing it then fails at
   * once with the reason.
   */
  public boolean fitsNow(int count) {
    return allocator.fitsNow(count);
  }

  @Override
  public void close() {
    sampler.close();
  }
}
