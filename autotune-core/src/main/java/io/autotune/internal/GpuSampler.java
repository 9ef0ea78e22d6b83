package io.autotune.internal;

import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the GPUs of running experiments every {@link Builder#interval interval}: one {@link
 * Recording} per experiment, from {@link #start} to {@link Recording#stop}. A failing read is
 * counted and skipped, never thrown. Thread-safe.
 */
final class GpuSampler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GpuSampler.class);

  private final GpuMonitor monitor;
  private final Duration interval;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final boolean ownsExecutor;

  private GpuSampler(Builder builder) {
    this.monitor = builder.monitor;
    this.interval = builder.interval;
    this.clock = builder.clock;
    this.ownsExecutor = builder.executor.isEmpty();
    this.executor = builder.executor.orElseGet(GpuSampler::daemonExecutor);
  }

  public static Builder builder(GpuMonitor monitor) {
    return new Builder(monitor);
  }

  /** Starts sampling {@code gpus} now (a first sample at once, then every interval). */
  public Recording start(List<Integer> gpus) {
    Recording recording = new Recording(gpus);
    if (!gpus.isEmpty()) {
      recording.future =
          executor.scheduleAtFixedRate(
              recording::sampleOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
    return recording;
  }

  /** Stops the sampler's own thread (an executor given to the builder is left running). */
  @Override
  public void close() {
    if (ownsExecutor) {
      executor.shutdownNow();
    }
  }

  private static ScheduledExecutorService daemonExecutor() {
    return Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("autotune-gpu-sampler-"));
  }

  /** The samples of one experiment's GPUs. Thread-safe. */
  public final class Recording implements AutoCloseable {
    private final List<Integer> gpus;
    private final Set<Integer> wanted;
    private final List<GpuSample> samples = new ArrayList<>();
    private int failedReads;
    private boolean stopped;
    private volatile ScheduledFuture<?> future;

    private Recording(List<Integer> gpus) {
      this.gpus = List.copyOf(gpus);
      this.wanted = Set.copyOf(gpus);
    }

    /**
     * Stops sampling and returns what was sampled; if no round ran yet, takes one now so that a
     * short experiment still has a sample. Later calls return the same usage.
     */
    public synchronized GpuUsage stop() {
      if (!stopped) {
        ScheduledFuture<?> scheduled = future;
        if (scheduled != null) {
          scheduled.cancel(false);
        }
        if (samples.isEmpty() && !gpus.isEmpty()) {
          sampleOnce();
        }
        stopped = true;
      }
      return new GpuUsage(gpus, samples, failedReads);
    }

    @Override
    public void close() {
      stop();
    }

    synchronized void sampleOnce() {
      if (stopped) {
        return;
      }
      Instant at = clock.instant();
      try {
        for (GpuInfo gpu : monitor.sample()) {
          if (wanted.contains(gpu.index())) {
            samples.add(GpuSample.of(at, gpu));
          }
        }
      } catch (RuntimeException e) {
        failedReads++;
        log.debug("sampling GPUs {} failed: {}", gpus, e.toString());
      }
    }
  }

  /** Configures a {@link GpuSampler}. Not thread-safe. */
  public static final class Builder {
    private final GpuMonitor monitor;
    private Duration interval = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();
    private Optional<ScheduledExecutorService> executor = Optional.empty();

    private Builder(GpuMonitor monitor) {
      this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /** How often to sample. Default: 5 seconds. */
    public Builder interval(Duration interval) {
      if (interval.toMillis() < 1) {
        throw new IllegalArgumentException(
            "interval must be at least 1 millisecond, but was " + interval);
      }
      this.interval = interval;
      return this;
    }

    /** The clock that stamps samples. Default: {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The executor that runs the sampling; the caller shuts it down. Default: a daemon thread of
     * the sampler's own, stopped by {@link GpuSampler#close()}.
     */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Optional.of(executor);
      return this;
    }

    public GpuSampler build() {
      return new GpuSampler(this);
    }
  }
}
