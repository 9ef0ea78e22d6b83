package io.autotune.inference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A fake {@code docker} executable (the script {@code fake-docker.sh}) in a directory of its own:
 * it records its calls and runs each "container" as a real local process (see the script). There is
 * no Docker engine on the build machine; this checks what the runner asks of the CLI, with real
 * processes and sockets.
 */
final class FakeDocker {

  private final Path binary;
  private final Path state;

  private FakeDocker(Path binary, Path state) {
    this.binary = binary;
    this.state = state;
  }

  static FakeDocker in(Path directory) throws IOException {
    Path state = Files.createDirectories(directory.resolve("state"));
    String script;
    try (InputStream in =
        Objects.requireNonNull(FakeDocker.class.getResourceAsStream("fake-docker.sh"))) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path binary = directory.resolve("docker");
    Files.writeString(binary, script.replace("@STATE@", state.toString()));
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new FakeDocker(binary, state);
  }

  String binary() {
    return binary.toString();
  }

  /** Every call so far, one line each: the arguments joined by spaces. */
  List<String> calls() throws IOException {
    Path log = state.resolve("calls.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** The calls that start with {@code command} ("run", "rm -f", "ps"). */
  List<String> calls(String command) throws IOException {
    return calls().stream().filter(call -> call.startsWith(command + " ")).toList();
  }

  /** The names of the containers that exist (run and not removed). */
  List<String> containers() throws IOException {
    Path dir = state.resolve("containers");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".pid"))
          .map(name -> name.substring(0, name.length() - ".pid".length()))
          .toList();
    }
  }

  /** Records a container that a dead owner left: {@code process} with {@code labels}. */
  void leftover(String name, Process process, List<String> labels) throws IOException {
    Path dir = Files.createDirectories(state.resolve("containers"));
    Files.write(dir.resolve(name + ".labels"), labels);
    Files.writeString(dir.resolve(name + ".pid"), process.pid() + "\n");
  }
}
