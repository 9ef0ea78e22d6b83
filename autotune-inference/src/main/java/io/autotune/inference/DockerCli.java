package io.autotune.inference;

import io.autotune.AutotuneException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker} command-line client, for the calls that are not the server itself: finding
 * containers by label and removing them. Each call is bounded in time and runs to its end on an
 * interrupted thread (teardown must). Thread-safe.
 */
final class DockerCli {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final String binary;

  DockerCli(String binary) {
    this.binary = binary;
  }

  String binary() {
    return binary;
  }

  /** The ids of the containers, running or not, that carry all of {@code labels}. */
  List<String> containers(Map<String, String> labels) {
    List<String> args = new ArrayList<>(List.of("ps", "-aq"));
    labels.forEach((key, value) -> args.addAll(List.of("--filter", "label=" + key + "=" + value)));
    String out = call(args);
    return Arrays.stream(out.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * {@code docker rm -f}: stops (SIGKILL) and removes the containers; a missing one is no error.
   */
  void remove(Collection<String> containers) {
    if (containers.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(List.of("rm", "-f"));
    args.addAll(containers);
    try {
      call(args);
    } catch (AutotuneException e) {
      if (!e.getMessage().contains("No such container")) {
        throw e;
      }
    }
  }

  /** Runs {@code docker ARGS}; its standard output, or an exception with its output. */
  private String call(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.addAll(args);
    boolean interrupted = Thread.interrupted();
    Path output = null;
    try {
      output = Files.createTempFile("autotune-docker", ".out");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      process.getOutputStream().close();
      if (!waitFor(process)) {
        process.destroyForcibly();
        throw new AutotuneException(
            String.join(" ", command)
                + " did not finish within "
                + CALL_TIMEOUT.toSeconds()
                + " s");
      }
      String out = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AutotuneException(
            String.join(" ", command)
                + " failed with exit code "
                + process.exitValue()
                + ": "
                + out.strip());
      }
      return out;
    } catch (IOException e) {
      throw new AutotuneException(
          "could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(output);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file; the OS cleans its temp directory
      }
    }
  }

  private static boolean waitFor(Process process) {
    long end = System.nanoTime() + CALL_TIMEOUT.toNanos();
    while (true) {
      try {
        return process.waitFor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        // teardown runs to its end; the caller restores the flag
      }
    }
  }
}
