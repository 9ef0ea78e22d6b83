package io.autotune.runner;

import io.autotune.internal.Hosts;
import io.autotune.model.ProcessRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Kills a process with all its descendants and its process group: SIGTERM first, SIGKILL to what is
 * left after a grace period. The group matters because a child that double-forks is no longer a
 * descendant, but stays in the group; processes are started in a group of their own with {@link
 * #inNewGroup}. Our own process group is never signalled. Thread-safe (stateless).
 */
public final class ProcessTree {
  private static final Duration POLL = Duration.ofMillis(20);

  private ProcessTree() {}

  /**
   * A builder for {@code command} that runs it as the leader of a new process group (through {@code
   * setsid} where it exists), so that {@link #kill} can reach every process it starts.
   */
  public static ProcessBuilder inNewGroup(List<String> command) {
    List<String> full = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      full.add("/usr/bin/setsid");
    }
    full.addAll(command);
    return new ProcessBuilder(full);
  }

  /** Kills {@code root}'s tree and group, waiting at most {@code grace} after SIGTERM. */
  public static void kill(ProcessHandle root, Duration grace) {
    Set<ProcessHandle> targets = members(root);
    targets.forEach(ProcessHandle::destroy);
    Instant giveUp = Instant.now().plus(grace);
    while (Instant.now().isBefore(giveUp) && targets.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(POLL);
      targets.addAll(members(root));
    }
    targets.addAll(members(root));
    targets.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** Kills the process {@code ref} names if it still runs on this host with the same start time. */
  public static boolean killIfAlive(ProcessRef ref, Duration grace) {
    Optional<ProcessHandle> handle = find(ref);
    handle.ifPresent(h -> kill(h, grace));
    return handle.isPresent();
  }

  /** The live process {@code ref} names: same pid and the same start time (to the second). */
  public static Optional<ProcessHandle> find(ProcessRef ref) {
    return ProcessHandle.of(ref.pid())
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                h.info()
                    .startInstant()
                    .map(s -> Math.abs(Duration.between(s, ref.startedAt()).toMillis()) < 1500)
                    .orElse(false));
  }

  /** A reference to a running process of this host, for the experiment log. */
  public static ProcessRef refOf(ProcessHandle process) {
    return new ProcessRef(
        Hosts.localName(), process.pid(), process.info().startInstant().orElse(Instant.EPOCH));
  }

  /** Whether {@code root} or anything in its tree or its group is still alive. */
  public static boolean anyAlive(ProcessHandle root) {
    return members(root).stream().anyMatch(ProcessHandle::isAlive);
  }

  /** The root, its descendants, and every process of the root's group if it leads its own. */
  private static Set<ProcessHandle> members(ProcessHandle root) {
    Set<ProcessHandle> members = new LinkedHashSet<>();
    members.add(root);
    root.descendants().forEach(members::add);
    // a root that already exited led its group if it was started by inNewGroup: the kernel does
    // not reuse a pid while a group of that id has members, so its pid still names the group
    long group = processGroup(root.pid()).orElse(root.pid());
    if (group != processGroup(ProcessHandle.current().pid()).orElse(-1)) {
      groupMembers(group).forEach(members::add);
    }
    return members;
  }

  private static List<ProcessHandle> groupMembers(long group) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .map(p -> p.getFileName().toString())
          .filter(name -> name.chars().allMatch(Character::isDigit))
          .mapToLong(Long::parseLong)
          .filter(pid -> processGroup(pid).orElse(-1) == group)
          .mapToObj(ProcessHandle::of)
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException | UncheckedIOException noProc) {
      return List.of();
    }
  }

  /** The process group of {@code pid}, from /proc (Linux); empty elsewhere or if it is gone. */
  static OptionalLong processGroup(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name (field 2) may hold spaces: fields after its closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
      return OptionalLong.of(Long.parseLong(fields[2]));
    } catch (IOException | RuntimeException gone) {
      return OptionalLong.empty();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
