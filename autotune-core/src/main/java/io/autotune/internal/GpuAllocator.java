package io.autotune.internal;

import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places experiments on this host's GPUs: each experiment gets as many whole GPUs as it asks for,
 * and no GPU is held by two experiments at once. Among free GPUs it prefers those without foreign
 * processes, then those with the most free memory, then the least busy ({@link GpuRanking}). An
 * experiment that finds too few free GPUs waits until enough are released or its timeout runs out.
 *
 * <p>Thread-safe: one allocator serves all parallel slots of a worker. The monitor is sampled
 * outside the allocator's lock; a failing sample falls back to the last good one.
 */
final class GpuAllocator {
  private static final Logger log = LoggerFactory.getLogger(GpuAllocator.class);
  private static final long HOST_POLL_NANOS = 500_000_000L;

  private final GpuMonitor monitor;
  private final Optional<Set<Integer>> allowedGpus;
  private final Optional<HostGpuLocks> hostLocks;
  private final Map<Integer, GpuInfo> lockedOnHost = new TreeMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private final Map<Integer, String> holders = new TreeMap<>();
  private volatile List<GpuInfo> lastGoodSample = List.of();

  private GpuAllocator(Builder builder) {
    this.monitor = builder.monitor;
    this.allowedGpus = builder.allowedGpus;
    this.hostLocks = builder.hostLocks.map(HostGpuLocks::new);
  }

  /** An allocator over every GPU that {@code monitor} sees. */
  public static GpuAllocator create(GpuMonitor monitor) {
    return builder(monitor).build();
  }

  public static Builder builder(GpuMonitor monitor) {
    return new Builder(monitor);
  }

  /**
   * Gives experiment {@code experiment} {@code count} GPUs, waiting up to {@code timeout} for them.
   * A count of 0 returns an empty lease at once.
   *
   * @throws GpuAllocationException if the host has fewer than {@code count} usable GPUs, or not
   *     enough were free when the timeout ran out
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws IllegalStateException if the experiment already holds GPUs
   */
  public GpuLease allocate(int experiment, int count, Duration timeout)
      throws InterruptedException {
    return allocate("experiment " + experiment, count, timeout);
  }

  /**
   * Gives {@code holder} (a name such as {@code "task qwen, experiment 7"}, unique among the
   * allocator's current holders) {@code count} GPUs, waiting up to {@code timeout} for them.
   *
   * @see #allocate(int, int, Duration)
   */
  public GpuLease allocate(String holder, int count, Duration timeout) throws InterruptedException {
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more, but was " + count);
    }
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, but was " + timeout);
    }
    if (count == 0) {
      return new GpuLease(this, holder, List.of(), List.of());
    }
    long deadline = System.nanoTime() + waitNanos(timeout);
    while (true) {
      List<GpuInfo> usable = usableGpus(holder, count);
      lock.lock();
      try {
        Optional<GpuLease> lease = tryTake(holder, count, usable);
        if (lease.isPresent()) {
          return lease.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new GpuAllocationException(holder, waitedTooLong(holder, count, usable, timeout));
        }
        // another process of the host releases its GPUs without a signal: look again now and then
        released.awaitNanos(hostLocks.isPresent() ? Math.min(left, HOST_POLL_NANOS) : left);
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * How many usable GPUs no experiment of this allocator holds, by a fresh sample (0 when the GPUs
   * cannot be read); with host locks, GPUs that other processes of the host hold are not free.
   */
  public int freeCount() {
    return free(usableNow());
  }

  /**
   * Whether {@code count} GPUs are free now (as {@link #freeCount} counts them), or the host has
   * fewer than {@code count} usable in all, so that asking for them fails at once; one sample.
   */
  public boolean fitsNow(int count) {
    List<GpuInfo> usable = usableNow();
    return count == 0 || count > usable.size() || count <= free(usable);
  }

  private int free(List<GpuInfo> usable) {
    lock.lock();
    try {
      return (int)
          usable.stream()
              .filter(gpu -> !holders.containsKey(gpu.index()))
              .filter(gpu -> hostLocks.map(locks -> locks.isFree(gpu)).orElse(true))
              .count();
    } finally {
      lock.unlock();
    }
  }

  private List<GpuInfo> usableNow() {
    try {
      return allowed(sampleOrLastGood("a count of free GPUs"));
    } catch (GpuAllocationException e) {
      return List.of();
    }
  }

  /** Who holds which GPU now: GPU index to holder, by index. */
  public Map<Integer, String> assignments() {
    lock.lock();
    try {
      return Collections.unmodifiableMap(new TreeMap<>(holders));
    } finally {
      lock.unlock();
    }
  }

  void release(GpuLease lease) {
    lock.lock();
    try {
      for (int index : lease.indices()) {
        if (holders.remove(index, lease.holder())) {
          GpuInfo gpu = lockedOnHost.remove(index);
          if (gpu != null) {
            hostLocks.orElseThrow().unlock(gpu);
          }
        }
      }
      released.signalAll();
    } finally {
      lock.unlock();
    }
    log.debug("{} released GPUs {}", lease.holder(), lease.indices());
  }

  private Optional<GpuLease> tryTake(String holder, int count, List<GpuInfo> usable) {
    if (holders.containsValue(holder)) {
      throw new IllegalStateException(holder + " already holds GPUs");
    }
    List<GpuInfo> free = usable.stream().filter(gpu -> !holders.containsKey(gpu.index())).toList();
    if (free.size() < count) {
      return Optional.empty();
    }
    List<GpuInfo> chosen =
        hostLocks.isPresent()
            ? lockOnHost(GpuRanking.best(free, free.size()), count)
            : GpuRanking.best(free, count);
    if (chosen.size() < count) {
      return Optional.empty();
    }
    chosen.forEach(gpu -> holders.put(gpu.index(), holder));
    List<Integer> indices = chosen.stream().map(GpuInfo::index).toList();
    log.info("{} runs on GPUs {}", holder, indices);
    return Optional.of(
        new GpuLease(this, holder, indices, chosen.stream().map(GpuInfo::uuid).toList()));
  }

  /**
   * The first {@code count} of {@code ranked} that this process could lock on the host, locked;
   * fewer (and none locked) if other processes hold too many.
   */
  private List<GpuInfo> lockOnHost(List<GpuInfo> ranked, int count) {
    HostGpuLocks locks = hostLocks.orElseThrow();
    List<GpuInfo> locked = new ArrayList<>();
    for (GpuInfo gpu : ranked) {
      if (locked.size() == count) {
        break;
      }
      if (locks.tryLock(gpu)) {
        locked.add(gpu);
      }
    }
    if (locked.size() < count) {
      locked.forEach(locks::unlock);
      return List.of();
    }
    locked.forEach(gpu -> lockedOnHost.put(gpu.index(), gpu));
    return locked;
  }

  private List<GpuInfo> usableGpus(String holder, int count) {
    List<GpuInfo> usable = allowed(sampleOrLastGood(holder));
    if (usable.size() < count) {
      throw new GpuAllocationException(holder, tooFewOnHost(holder, count, usable));
    }
    return usable;
  }

  private List<GpuInfo> allowed(List<GpuInfo> all) {
    return all.stream()
        .filter(gpu -> allowedGpus.map(a -> a.contains(gpu.index())).orElse(true))
        .toList();
  }

  private List<GpuInfo> sampleOrLastGood(String holder) {
    try {
      List<GpuInfo> sample = List.copyOf(monitor.sample());
      lastGoodSample = sample;
      return sample;
    } catch (RuntimeException e) {
      if (lastGoodSample.isEmpty()) {
        throw new GpuAllocationException(
            holder, holder + " cannot be placed: reading the GPUs failed: " + e.getMessage());
      }
      log.warn("reading the GPUs failed, placing by the last good sample: {}", e.toString());
      return lastGoodSample;
    }
  }

  private String tooFewOnHost(String holder, int count, List<GpuInfo> usable) {
    String why =
        monitor.unavailableReason().map(reason -> " (" + reason + ")").orElse("")
            + allowedGpus.map(a -> " (allowed GPUs: " + a + ")").orElse("");
    return "%s needs %s; this host has %d usable%s"
        .formatted(holder, gpus(count), usable.size(), why);
  }

  private String waitedTooLong(String holder, int count, List<GpuInfo> usable, Duration timeout) {
    List<String> held = new ArrayList<>();
    for (GpuInfo gpu : usable) {
      String heldBy = holders.get(gpu.index());
      if (heldBy != null) {
        held.add("GPU " + gpu.index() + " held by " + heldBy);
      }
    }
    String others = hostLocks.isPresent() ? " (the others may be held by other processes)" : "";
    return "%s needs %s; %d of %d free after waiting %s: %s%s"
        .formatted(
            holder,
            gpus(count),
            usable.size() - held.size(),
            usable.size(),
            Durations.format(timeout),
            String.join(", ", held),
            others);
  }

  /** The wait in nanoseconds, capped (at about 73 years) so that the deadline cannot overflow. */
  private static long waitNanos(Duration timeout) {
    long cap = Long.MAX_VALUE / 4;
    return timeout.compareTo(Duration.ofNanos(cap)) > 0 ? cap : timeout.toNanos();
  }

  private static String gpus(int count) {
    return count == 1 ? "1 GPU" : count + " GPUs";
  }

  /** Configures a {@link GpuAllocator}. Not thread-safe. */
  public static final class Builder {
    private final GpuMonitor monitor;
    private Optional<Set<Integer>> allowedGpus = Optional.empty();
    private Optional<Path> hostLocks = Optional.empty();

    private Builder(GpuMonitor monitor) {
      this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /**
     * Restricts placement to these GPU indices, e.g. to leave GPUs to other users of the host.
     * Default: every GPU the monitor sees.
     */
    public Builder allowedGpus(Collection<Integer> indices) {
      SortedSet<Integer> copy = new TreeSet<>(indices);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("allowedGpus must not be empty");
      }
      copy.forEach(
          index -> {
            if (index < 0) {
              throw new IllegalArgumentException(
                  "allowedGpus must be GPU indices (0 or more), but had " + index);
            }
          });
      this.allowedGpus = Optional.of(Collections.unmodifiableSortedSet(copy));
      return this;
    }

    /**
     * Shares the host's GPUs with every other process that locks in {@code directory}: a GPU
     * another worker process of this host holds is not placed on. Default: this allocator's own
     * experiments only.
     */
    public Builder hostLocks(Path directory) {
      this.hostLocks = Optional.of(Objects.requireNonNull(directory, "directory"));
      return this;
    }

    public GpuAllocator build() {
      return new GpuAllocator(this);
    }
  }
}
