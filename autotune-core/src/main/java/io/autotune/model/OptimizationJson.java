package io.autotune.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code optimization} section: strategy, objective and limits. An objective is either a name
 * such as {@code maximize_throughput} (direction and metric) or {@code {"metric": "value",
 * "direction": "minimize"}}.
 */
record OptimizationJson(
    String strategy,
    Map<String, Object> strategyOptions,
    List<Objective> objectives,
    int maxExperiments,
    OptionalInt parallelism,
    Duration experimentTimeout,
    Optional<Duration> taskTimeout,
    Optional<Confirmation> confirmation,
    OptionalLong seed) {

  static final String DEFAULT_STRATEGY = "bayesian";
  static final int DEFAULT_MAX_EXPERIMENTS = 50;
  private static final String PATH = "optimization";
  private static final Set<String> KEYS =
      Set.of(
          "strategy",
          "objective",
          "objectives",
          "max_iterations",
          "parallelism",
          "timeout_per_iteration",
          "task_timeout",
          "confirm_best",
          "seed",
          "n_initial_random",
          "strategy_options");

  static OptimizationJson parse(JsonNode node) {
    if (node.isMissingNode()) {
      throw Json.missing(PATH + ".objective");
    }
    Json.allowOnly(node, PATH, KEYS);
    Map<String, Object> options = new LinkedHashMap<>();
    JsonNode extra = node.get("strategy_options");
    if (extra != null) {
      Json.requireObject(extra, PATH + ".strategy_options");
      for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        options.put(
            e.getKey(), Json.scalar(e.getValue(), PATH + ".strategy_options." + e.getKey()));
      }
    }
    Json.integer(node, "n_initial_random", PATH)
        .ifPresent(
            n -> {
              requireAtLeast(n, 0, "n_initial_random");
              options.put("n_initial_random", n);
            });
    long max = Json.integer(node, "max_iterations", PATH).orElse((long) DEFAULT_MAX_EXPERIMENTS);
    requireAtLeast(max, 1, "max_iterations");
    Optional<Long> parallelism = Json.integer(node, "parallelism", PATH);
    parallelism.ifPresent(n -> requireAtLeast(n, 1, "parallelism"));
    double timeout =
        Json.number(node, "timeout_per_iteration", PATH)
            .orElse((double) TaskSpec.DEFAULT_EXPERIMENT_TIMEOUT.toSeconds());
    requirePositive(timeout, "timeout_per_iteration");
    Optional<Double> taskTimeout = Json.number(node, "task_timeout", PATH);
    taskTimeout.ifPresent(t -> requirePositive(t, "task_timeout"));
    return new OptimizationJson(
        Json.text(node, "strategy", PATH).orElse(DEFAULT_STRATEGY),
        options,
        objectives(node),
        (int) Math.min(Integer.MAX_VALUE, max),
        parallelism
            .map(n -> OptionalInt.of((int) Math.min(Integer.MAX_VALUE, n)))
            .orElse(OptionalInt.empty()),
        seconds(timeout),
        taskTimeout.map(OptimizationJson::seconds),
        confirmation(node.get("confirm_best")),
        Json.integer(node, "seed", PATH).map(OptionalLong::of).orElse(OptionalLong.empty()));
  }

  /** {@code "confirm_best": {"top": 3, "repeats": 2}}; absent: no confirmation runs. */
  private static Optional<Confirmation> confirmation(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    String path = PATH + ".confirm_best";
    Json.requireObject(node, path);
    Json.allowOnly(node, path, Set.of("top", "repeats"));
    long top = Json.integer(node, "top", path).orElseThrow(() -> Json.missing(path + ".top"));
    long repeats =
        Json.integer(node, "repeats", path).orElseThrow(() -> Json.missing(path + ".repeats"));
    requireAtLeast(top, 1, "confirm_best.top");
    requireAtLeast(repeats, 1, "confirm_best.repeats");
    if (top > 10_000 || repeats > 10_000 || top * repeats > 10_000) {
      throw new InvalidTaskException(
          path, "top × repeats must be at most 10000, but was " + top * repeats);
    }
    return Optional.of(new Confirmation((int) top, (int) repeats));
  }

  private static List<Objective> objectives(JsonNode node) {
    JsonNode one = node.get("objective");
    JsonNode many = node.get("objectives");
    if (one != null && many != null) {
      throw new InvalidTaskException(
          PATH + ".objectives",
          "give either objective (one) or objectives (one or more), not both");
    }
    if (one != null) {
      return List.of(objective(one, PATH + ".objective"));
    }
    if (many == null) {
      throw Json.missing(PATH + ".objective");
    }
    String path = PATH + ".objectives";
    if (!many.isArray() || many.isEmpty()) {
      throw new InvalidTaskException(
          path, "must be a list of one or more {\"metric\": ..., \"direction\": ...}");
    }
    List<Objective> objectives = new ArrayList<>();
    Set<String> metrics = new HashSet<>();
    for (int i = 0; i < many.size(); i++) {
      Objective o = objective(many.get(i), path + "[" + i + "]");
      if (!metrics.add(o.metric())) {
        throw new InvalidTaskException(
            path + "[" + i + "].metric", "\"" + o.metric() + "\" is already an objective");
      }
      objectives.add(o);
    }
    return objectives;
  }

  private static Objective objective(JsonNode objective, String path) {
    if (objective.isTextual()) {
      String name = objective.asText();
      for (Direction d : Direction.values()) {
        String prefix = d.name().toLowerCase(Locale.ROOT) + "_";
        if (name.startsWith(prefix) && name.length() > prefix.length()) {
          return new Objective(
              name.substring(prefix.length()), d, List.of(), Objective.DEFAULT_STEEPNESS);
        }
      }
      throw new InvalidTaskException(
          path,
          "\""
              + name
              + "\" is not an objective; write minimize_METRIC or maximize_METRIC,"
              + " or {\"metric\": ..., \"direction\": ...}");
    }
    Json.requireObject(objective, path);
    Json.allowOnly(objective, path, Set.of("metric", "direction"));
    String metric =
        Json.text(objective, "metric", path).orElseThrow(() -> Json.missing(path + ".metric"));
    String direction = Json.text(objective, "direction", path).orElse("minimize");
    try {
      return new Objective(
          metric,
          Direction.valueOf(direction.toUpperCase(Locale.ROOT)),
          List.of(),
          Objective.DEFAULT_STEEPNESS);
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskException(
          path + ".direction", "must be minimize or maximize, but was \"" + direction + "\"");
    }
  }

  static ObjectNode write(TaskSpec spec) {
    ObjectNode node = TaskJson.MAPPER.createObjectNode();
    node.put("strategy", spec.strategy());
    if (spec.objectives().size() == 1) {
      write(node.putObject("objective"), spec.objective());
    } else {
      ArrayNode objectives = node.putArray("objectives");
      spec.objectives().forEach(o -> write(objectives.addObject(), o));
    }
    node.put("max_iterations", spec.maxExperiments());
    spec.parallelism().ifPresent(n -> node.put("parallelism", n));
    node.put("timeout_per_iteration", spec.experimentTimeout().toMillis() / 1000.0);
    spec.taskTimeout().ifPresent(t -> node.put("task_timeout", t.toMillis() / 1000.0));
    spec.confirmation()
        .ifPresent(
            c -> node.putObject("confirm_best").put("top", c.top()).put("repeats", c.repeats()));
    spec.seed().ifPresent(s -> node.put("seed", s));
    if (!spec.strategyOptions().isEmpty()) {
      ObjectNode options = node.putObject("strategy_options");
      spec.strategyOptions().forEach((k, v) -> options.set(k, TaskJson.MAPPER.valueToTree(v)));
    }
    return node;
  }

  private static void write(ObjectNode node, Objective objective) {
    node.put("metric", objective.metric());
    node.put("direction", objective.direction().name().toLowerCase(Locale.ROOT));
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static void requireAtLeast(long value, long min, String key) {
    if (value < min) {
      throw new InvalidTaskException(
          PATH + "." + key, "must be at least " + min + ", but was " + value);
    }
  }

  private static void requirePositive(double value, String key) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new InvalidTaskException(
          PATH + "." + key, "must be a positive number of seconds, but was " + value);
    }
  }
}
