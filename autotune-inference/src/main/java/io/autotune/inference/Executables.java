package io.autotune.inference;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the programs the runner starts. Stateless. */
final class Executables {
  private Executables() {}

  /** The executable for {@code command}: a path, or a name found on PATH. */
  static Optional<String> locate(String command) {
    if (command.contains(File.separator)) {
      Path file = Path.of(command);
      return Files.isExecutable(file) && !Files.isDirectory(file)
          ? Optional.of(command)
          : Optional.empty();
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }
}
