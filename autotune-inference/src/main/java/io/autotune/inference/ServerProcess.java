package io.autotune.inference;

import io.autotune.AutotuneException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A server launched in its own process group ({@code setsid}), so that one signal to the group
 * reaches every process it started, including ones that left the tree (daemons, re-parented
 * workers). Thread-safe.
 */
final class ServerProcess {

  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final Process process;
  private final Path log;

  private ServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in a new session; its output goes to {@code log}. */
  static ServerProcess start(List<String> command, Map<String, String> env, Path log) {
    List<String> full = new ArrayList<>();
    // -w: if setsid has to fork, it waits and passes the exit code on
    full.add("setsid");
    full.add("-w");
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(env);
    try {
      return new ServerProcess(builder.start(), log);
    } catch (IOException e) {
      throw new AutotuneException("could not start " + command + ": " + e.getMessage(), e);
    }
  }

  Process process() {
    return process;
  }

  Path log() {
    return log;
  }

  /** The exit code, if the server has exited. */
  OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /**
   * SIGTERM to the whole group, SIGKILL after {@code grace} if any member is left; returns once the
   * group is gone or {@code grace} has passed twice.
   */
  void terminate(Duration grace) {
    // teardown must run to the end even on an interrupted thread; the flag is restored after
    boolean interrupted = Thread.interrupted();
    try {
      killGroup(grace);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void killGroup(Duration grace) {
    long group = process.pid();
    signalGroup(group, "TERM");
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!awaitGroupGone(group, grace)) {
      signalGroup(group, "KILL");
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      // SIGKILL is immediate, but orphans are reaped by init, which may take a moment
      awaitGroupGone(group, KILL_WAIT.compareTo(grace) > 0 ? KILL_WAIT : grace);
    }
  }

  /** Whether any process of the server's group is still alive. */
  boolean groupAlive() {
    return signalGroup(process.pid(), "0");
  }

  private boolean awaitGroupGone(long group, Duration grace) {
    Instant end = Instant.now().plus(grace);
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive() && !signalGroup(group, "0")) {
        return true;
      }
      sleep(Duration.ofMillis(50));
    }
    return !process.isAlive() && !signalGroup(group, "0");
  }

  /** Sends {@code signal} to the group; true when some process received it. */
  private static boolean signalGroup(long group, String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-s", signal, "--", "-" + group)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      // only called during teardown, which restores the flag when it is done
    }
  }
}
