package io.autotune.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.InvalidTaskException;
import io.autotune.model.TaskSpec;
import io.autotune.spi.ExperimentRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Makes a task's runner from its spec, by the {@code runner.type} in the task JSON. Register each
 * type explicitly; {@link #builtIn()} knows {@code command}. Thread-safe once built.
 */
@FunctionalInterface
public interface RunnerFactory {

  /**
   * Makes the runner of the task {@code spec}.
   *
   * @throws InvalidTaskException at {@code runner} when the spec names no runner or an unknown one
   */
  ExperimentRunner create(TaskSpec spec);

  /** A factory that knows the built-in {@code command} runner. */
  static RunnerFactory builtIn() {
    return byType(Map.of("command", CommandRunner::fromSpec));
  }

  /** A factory that looks the {@code runner.type} up in {@code types}. */
  static RunnerFactory byType(Map<String, Function<TaskSpec, ExperimentRunner>> types) {
    Map<String, Function<TaskSpec, ExperimentRunner>> known = new LinkedHashMap<>(types);
    return spec -> {
      JsonNode runner =
          spec.runner()
              .orElseThrow(
                  () ->
                      new InvalidTaskException(
                          "runner", "is required: say how to run an experiment"));
      String type = runner.path("type").asText("");
      Function<TaskSpec, ExperimentRunner> make = known.get(type);
      if (make == null) {
        throw new InvalidTaskException(
            "runner.type", "unknown runner \"" + type + "\"; known runners: " + known.keySet());
      }
      return Objects.requireNonNull(make.apply(spec), "runner");
    };
  }
}
