package io.autotune.inference;

import io.autotune.space.Configuration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A server command with placeholders, and the configuration as flags. Placeholders: {@code
 * {model}}, {@code {host}}, {@code {port}}, {@code {java}} (this JVM's java binary) and {@code
 * {classpath}} (this JVM's class path, e.g. the autotune.jar). Immutable.
 */
record CommandTemplate(List<String> parts, BooleanFlags booleanFlags) {

  static final List<String> SGLANG =
      List.of(
          "python3",
          "-m",
          "sglang.launch_server",
          "--model-path",
          "{model}",
          "--host",
          "{host}",
          "--port",
          "{port}");
  static final List<String> VLLM =
      List.of("vllm", "serve", "{model}", "--host", "{host}", "--port", "{port}");

  CommandTemplate {
    parts = List.copyOf(parts);
    Objects.requireNonNull(booleanFlags, "booleanFlags");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("the server command must not be empty");
    }
  }

  /** A command whose boolean flags are present for true and left out for false. */
  CommandTemplate(List<String> parts) {
    this(parts, BooleanFlags.PRESENCE);
  }

  /** The template of a known runtime, {@code sglang} or {@code vllm}, with its boolean flags. */
  static Optional<CommandTemplate> forRuntime(String runtime) {
    BooleanFlags booleans = BooleanFlags.forRuntime(runtime);
    return switch (runtime.toLowerCase(Locale.ROOT)) {
      case "sglang" -> Optional.of(new CommandTemplate(SGLANG, booleans));
      case "vllm" -> Optional.of(new CommandTemplate(VLLM, booleans));
      default -> Optional.empty();
    };
  }

  CommandTemplate withBooleanFlags(BooleanFlags booleanFlags) {
    return new CommandTemplate(parts, booleanFlags);
  }

  boolean uses(String placeholder) {
    return parts.stream().anyMatch(part -> part.contains("{" + placeholder + "}"));
  }

  /** The command line: placeholders filled in, then the configuration as flags. */
  List<String> render(Map<String, String> values, Configuration configuration) {
    List<String> command = new ArrayList<>();
    for (String part : parts) {
      String filled = part;
      for (Map.Entry<String, String> entry : values.entrySet()) {
        filled = filled.replace("{" + entry.getKey() + "}", entry.getValue());
      }
      command.add(filled);
    }
    command.addAll(flags(configuration, booleanFlags));
    return command;
  }

  /** true → a bare {@code --name}; false → nothing; anything else → {@code --name value}. */
  static List<String> flags(Configuration configuration) {
    return flags(configuration, BooleanFlags.PRESENCE);
  }

  /** Booleans as {@code booleans} says; anything else → {@code --name value}. */
  static List<String> flags(Configuration configuration, BooleanFlags booleans) {
    List<String> flags = new ArrayList<>();
    configuration
        .values()
        .forEach(
            (name, value) -> {
              String flag = name.startsWith("-") ? name : "--" + name;
              if (value instanceof Boolean bool) {
                flags.addAll(booleans.render(flag, bool));
              } else {
                flags.add(flag);
                flags.add(String.valueOf(value));
              }
            });
    return flags;
  }

  /** The java binary of the running JVM. */
  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
