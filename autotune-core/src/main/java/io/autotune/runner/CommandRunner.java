package io.autotune.runner;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.autotune.AutotuneException;
import io.autotune.InvalidTaskException;
import io.autotune.gpu.CudaEnvironment;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.spi.ExperimentContext;
import io.autotune.spi.ExperimentRunner;
import io.autotune.spi.Phase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one process per experiment, in a process group of its own. The configuration goes in as
 * {@code --name value} arguments (true → a bare flag, false → left out), as JSON on stdin, and in
 * the environment ({@code AUTOTUNE_TASK}, {@code AUTOTUNE_EXPERIMENT}, {@code AUTOTUNE_PARAMS},
 * {@code CUDA_VISIBLE_DEVICES} when GPUs are assigned). The metrics are the JSON object on the last
 * non-blank line of stdout. Output goes to {@code stdout.log} and {@code stderr.log} in the
 * experiment's directory. Thread-safe.
 */
public final class CommandRunner implements ExperimentRunner {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final int TAIL_LINES = 20;
  private final List<String> command;
  private final Map<String, String> environment;

  public CommandRunner(List<String> command, Map<String, String> environment) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command must not be empty");
    }
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
  }

  public static CommandRunner of(String... command) {
    return new CommandRunner(List.of(command), Map.of());
  }

  /**
   * The runner a task JSON {@code "runner": {"type": "command", "command": [...], "env": {...}}}
   * names.
   */
  public static CommandRunner fromSpec(TaskSpec spec) {
    JsonNode runner =
        spec.runner().orElseThrow(() -> new InvalidTaskException("runner", "is missing"));
    JsonNode command = runner.path("command");
    if (!command.isArray() || command.isEmpty()) {
      throw new InvalidTaskException("runner.command", "must be a non-empty list of strings");
    }
    List<String> words = new ArrayList<>();
    command.forEach(w -> words.add(w.asText()));
    Map<String, String> env = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = runner.path("env").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      env.put(e.getKey(), e.getValue().asText());
    }
    return new CommandRunner(words, env);
  }

  /** The configuration as command-line flags: {@code --name value}, true → {@code --name}. */
  public static List<String> flags(Configuration configuration) {
    List<String> flags = new ArrayList<>();
    configuration
        .values()
        .forEach(
            (name, value) -> {
              if (Boolean.TRUE.equals(value)) {
                flags.add("--" + name);
              } else if (!Boolean.FALSE.equals(value)) {
                flags.add("--" + name);
                flags.add(String.valueOf(value));
              }
            });
    return flags;
  }

  @Override
  public Map<String, Double> run(ExperimentContext context) throws Exception {
    Path dir = context.workDirectory();
    Path stdout = dir.resolve("stdout.log");
    Path stderr = dir.resolve("stderr.log");
    List<String> full = new ArrayList<>(command);
    full.addAll(flags(context.configuration()));
    ProcessBuilder builder =
        ProcessTree.inNewGroup(full).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    String params = JSON.writeValueAsString(context.configuration().values());
    Map<String, String> env = builder.environment();
    env.putAll(environment);
    env.put("AUTOTUNE_TASK", context.taskId());
    env.put("AUTOTUNE_EXPERIMENT", Integer.toString(context.number()));
    env.put("AUTOTUNE_PARAMS", params);
    env.putAll(CudaEnvironment.of(context.gpus()));
    context.phase(Phase.BENCHMARKING);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AutotuneException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    context.register(process);
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(params.getBytes(StandardCharsets.UTF_8));
    } catch (IOException ignored) {
      // the command need not read its stdin
    }
    int exit = process.waitFor();
    if (exit != 0) {
      throw new AutotuneException(
          "command exited with code " + exit + tail(stderr, "stderr") + tail(stdout, "stdout"));
    }
    return metrics(stdout);
  }

  private static Map<String, Double> metrics(Path stdout) throws IOException {
    List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
    String last = "";
    for (int i = lines.size() - 1; i >= 0 && last.isBlank(); i--) {
      last = lines.get(i).trim();
    }
    if (last.isBlank()) {
      throw new AutotuneException("the command printed nothing; expected a JSON object of metrics");
    }
    JsonNode node;
    try {
      node = JSON.readTree(last);
    } catch (IOException e) {
      throw new AutotuneException("the last line of stdout is not JSON: " + abbreviate(last));
    }
    if (!node.isObject()) {
      throw new AutotuneException(
          "the last line of stdout is not a JSON object: " + abbreviate(last));
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNumber()) {
        metrics.put(e.getKey(), e.getValue().asDouble());
      }
    }
    return metrics;
  }

  private static String tail(Path file, String name) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return "";
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    return "; last lines of " + name + ":\n" + String.join("\n", tail);
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  @Override
  public String toString() {
    return "CommandRunner" + Objects.toString(command);
  }
}
