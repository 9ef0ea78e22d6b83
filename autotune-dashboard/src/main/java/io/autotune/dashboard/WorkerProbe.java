package io.autotune.dashboard;

import io.autotune.model.WorkerInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks at the workers of the store: their heartbeats, and for those on this host their process.
 * Remembers the last CPU reading of each process so that CPU % is the use between two looks.
 * Thread-safe.
 */
final class WorkerProbe {
  /** A worker registers after its process starts; a process younger than that reused the pid. */
  private static final Duration START_SLACK = Duration.ofSeconds(5);

  private final ProcFs proc;
  private final Set<String> localHostNames;
  private final Duration late;
  private final Map<Long, Reading> lastReadings = new ConcurrentHashMap<>();

  private record Reading(ProcFs.Sample sample, long nanoTime) {}

  WorkerProbe(ProcFs proc, Set<String> localHostNames, Duration late) {
    this.proc = proc;
    this.localHostNames = Set.copyOf(localHostNames);
    this.late = late;
  }

  static WorkerProbe onThisHost(Duration late) {
    return new WorkerProbe(ProcFs.system(), thisHostNames(), late);
  }

  WorkerStatus look(List<WorkerInfo> workers, Instant now) {
    Set<Long> pids = new HashSet<>();
    workers.forEach(w -> pids.add(w.pid()));
    lastReadings.keySet().retainAll(pids); // forget processes of workers the store no longer has
    return new WorkerStatus(
        Json.time(now), Json.seconds(late), workers.stream().map(w -> worker(w, now)).toList());
  }

  private WorkerStatus.Worker worker(WorkerInfo w, Instant now) {
    Optional<ProcFs.Sample> process =
        localHostNames.contains(w.host()) ? ownProcess(w) : Optional.empty();
    boolean gone = localHostNames.contains(w.host()) && process.isEmpty();
    Duration silent = positive(Duration.between(w.lastHeartbeat(), now));
    boolean running = w.stoppedAt().isEmpty() && !gone;
    boolean isLate = running && silent.compareTo(late) > 0;
    String state =
        w.stoppedAt().isPresent() ? "stopped" : gone ? "gone" : isLate ? "late" : "running";
    Instant until = w.stoppedAt().orElse(now);
    return new WorkerStatus.Worker(
        w.id(),
        w.host(),
        w.pid(),
        process.isPresent(),
        running,
        state,
        isLate,
        process.map(this::cpuPercent).orElse(null),
        process.map(p -> Json.oneDecimal(p.residentKib() / 1024.0)).orElse(null),
        Json.seconds(positive(Duration.between(w.startedAt(), until))),
        Json.seconds(silent),
        Json.time(w.startedAt()),
        Json.time(w.lastHeartbeat()),
        Json.time(w.stoppedAt()));
  }

  /** The worker's process, if it still runs: same pid, and started before the worker registered. */
  private Optional<ProcFs.Sample> ownProcess(WorkerInfo w) {
    return proc.sample(w.pid())
        .filter(p -> !p.startedAt().isAfter(w.startedAt().plus(START_SLACK)));
  }

  private double cpuPercent(ProcFs.Sample now) {
    long nanoTime = System.nanoTime();
    Reading before = lastReadings.put(now.pid(), new Reading(now, nanoTime));
    Duration cpu;
    Duration wall;
    if (before != null
        && before.sample.startedAt().equals(now.startedAt())
        && nanoTime - before.nanoTime > 0) {
      cpu = now.cpuTime().minus(before.sample.cpuTime());
      wall = Duration.ofNanos(nanoTime - before.nanoTime);
    } else {
      cpu = now.cpuTime();
      wall = Duration.between(now.startedAt(), Instant.now());
    }
    return wall.toMillis() <= 0 ? 0 : Json.oneDecimal(100.0 * cpu.toMillis() / wall.toMillis());
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** The names a worker on this host may have recorded as its host. */
  static Set<String> thisHostNames() {
    Set<String> names = new HashSet<>();
    Optional.ofNullable(System.getenv("HOSTNAME")).ifPresent(names::add);
    try {
      names.add(Files.readString(Path.of("/etc/hostname")).trim());
    } catch (IOException | RuntimeException notLinux) {
      // other systems: the name from the resolver below
    }
    try {
      names.add(InetAddress.getLocalHost().getHostName());
    } catch (IOException unresolvable) {
      // a host without a resolvable name: workers that recorded a name above still match
    }
    names.remove("");
    return names;
  }
}
