package io.autotune.internal;

import io.autotune.gpu.CudaEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The GPUs one experiment holds, from {@link GpuAllocator#allocate} until {@link #close()}. Closing
 * twice is harmless. Thread-safe.
 */
final class GpuLease implements AutoCloseable {
  private final GpuAllocator allocator;
  private final String holder;
  private final List<Integer> indices;
  private final List<String> uuids;
  private final AtomicBoolean closed = new AtomicBoolean();

  GpuLease(GpuAllocator allocator, String holder, List<Integer> indices, List<String> uuids) {
    this.allocator = allocator;
    this.holder = holder;
    this.indices = List.copyOf(indices);
    this.uuids = List.copyOf(uuids);
  }

  /** Who holds the GPUs, e.g. {@code "experiment 7"}. */
  public String holder() {
    return holder;
  }

  /** The GPU indices (NVML / nvidia-smi numbering, PCI bus order), ascending; empty for none. */
  public List<Integer> indices() {
    return indices;
  }

  /** The GPUs' UUIDs, in the order of {@link #indices()}. */
  public List<String> uuids() {
    return uuids;
  }

  /** The indices as {@code CUDA_VISIBLE_DEVICES} wants them, e.g. {@code "0,3"}. */
  public String cudaVisibleDevices() {
    return indices.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** The environment to give the experiment's processes: {@link CudaEnvironment#of}. */
  public Map<String, String> environment() {
    return CudaEnvironment.of(indices);
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Gives the GPUs back, waking experiments that wait for them. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && !indices.isEmpty()) {
      allocator.release(this);
    }
  }

  @Override
  public String toString() {
    return "GpuLease[" + holder + ", GPUs " + indices + "]";
  }
}
