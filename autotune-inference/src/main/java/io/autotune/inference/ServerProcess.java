package io.autotune.inference;

import io.autotune.AutotuneException;
import io.autotune.runner.ProcessTree;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A server launched in its own process group ({@code setsid}, via core's {@link ProcessTree}), so
 * that teardown reaches every process it started, including ones that left the tree (daemons,
 * re-parented workers). Thread-safe.
 */
final class ServerProcess {

  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final Process process;
  private final Path log;

  private ServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in a new process group; its output goes to {@code log}. */
  static ServerProcess start(List<String> command, Map<String, String> env, Path log) {
    ProcessBuilder builder = ProcessTree.inNewGroup(command).redirectErrorStream(true);
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

  /** The last {@code lines} lines of its log. */
  String logTail(int lines) {
    return LogTail.of(log, lines);
  }

  /**
   * SIGTERM to the tree and group, SIGKILL after {@code grace} to what is left; returns once all of
   * it is gone, or at most 5 s after the SIGKILL.
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
    ProcessTree.kill(process.toHandle(), grace);
    // SIGKILL is immediate, but orphans are reaped by init, which may take a moment
    Instant end = Instant.now().plus(KILL_WAIT);
    while (ProcessTree.anyAlive(process.toHandle()) && Instant.now().isBefore(end)) {
      sleep(Duration.ofMillis(50));
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
