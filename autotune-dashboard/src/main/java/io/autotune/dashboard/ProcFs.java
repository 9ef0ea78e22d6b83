package io.autotune.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a process's CPU time, resident memory and start time from Linux's {@code /proc}. Empty
 * where there is no such process or no {@code /proc} (other systems). Thread-safe.
 */
final class ProcFs {
  /** The kernel reports CPU times in USER_HZ ticks, which is 100 on every Linux ABI in use. */
  static final long TICKS_PER_SECOND = 100;

  private final Path root;

  ProcFs(Path root) {
    this.root = root;
  }

  static ProcFs system() {
    return new ProcFs(Path.of("/proc"));
  }

  /** What {@code /proc/<pid>} says of a process at one moment. */
  record Sample(long pid, Duration cpuTime, Instant startedAt, long residentKib) {}

  Optional<Sample> sample(long pid) {
    try {
      List<String> stat = statFields(Files.readString(root.resolve(pid + "/stat")));
      long cpuTicks = Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
      long startTicks = Long.parseLong(stat.get(19));
      Instant started = bootTime().plusMillis(startTicks * 1000 / TICKS_PER_SECOND);
      return Optional.of(
          new Sample(
              pid,
              Duration.ofMillis(cpuTicks * 1000 / TICKS_PER_SECOND),
              started,
              residentKib(pid)));
    } catch (IOException | RuntimeException gone) {
      // the process ended between reads, or this is not Linux: nothing to say about it
      return Optional.empty();
    }
  }

  /**
   * The fields after the command name, whose parentheses may hold spaces and parentheses: index 0
   * is field 3 of proc(5) (state), so field n is at index n - 3.
   */
  private static List<String> statFields(String stat) {
    return List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" "));
  }

  private long residentKib(long pid) throws IOException {
    for (String line : Files.readAllLines(root.resolve(pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0; // kernel threads and zombies have no resident set
  }

  private Instant bootTime() throws IOException {
    for (String line : Files.readAllLines(root.resolve("stat"))) {
      if (line.startsWith("btime ")) {
        return Instant.ofEpochSecond(Long.parseLong(line.substring(6).trim()));
      }
    }
    throw new IOException("no btime in " + root.resolve("stat"));
  }
}
