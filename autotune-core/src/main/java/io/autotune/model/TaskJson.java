package io.autotune.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import io.autotune.space.SearchSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the task JSON (the predecessor's format, see DESIGN.md). Every error names its
 * JSON path, e.g. {@code parameters.tp-size: low 8 is greater than high 4}. Thread-safe.
 */
public final class TaskJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> TOP =
      Set.of(
          "task_name",
          "description",
          "model",
          "base_runtime",
          "deployment_mode",
          "parameters",
          "optimization",
          "benchmark",
          "slo",
          "runner");
  private static final Set<String> KEPT =
      Set.of("description", "model", "base_runtime", "deployment_mode", "benchmark");

  private TaskJson() {}

  /** Parses a task file. */
  public static TaskSpec read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read task file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses task JSON text. */
  public static TaskSpec parse(String json) {
    return fromNode(readTree(json));
  }

  /** Parses a search space: the task JSON's {@code parameters} object. */
  public static SearchSpace parseSpace(String json) {
    return SpaceJson.parse(readTree(json), "");
  }

  /** The task as task JSON; {@code parse(write(spec))} equals {@code spec}. */
  public static String write(TaskSpec spec) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toNode(spec));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode readTree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidTaskException(
          "",
          "not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    }
  }

  static TaskSpec fromNode(JsonNode root) {
    Json.requireObject(root, "");
    Json.allowOnly(root, "", TOP);
    String name = Json.text(root, "task_name", "").orElseThrow(() -> Json.missing("task_name"));
    if (!root.has("parameters")) {
      throw Json.missing("parameters");
    }
    SearchSpace space = SpaceJson.parse(root.get("parameters"), "parameters");
    JsonNode optimization = root.path("optimization");
    if (!optimization.isMissingNode()) {
      Json.requireObject(optimization, "optimization");
    }
    OptimizationJson opt = OptimizationJson.parse(optimization);
    List<Objective> objectives = new ArrayList<>(opt.objectives());
    if (root.has("slo")) {
      objectives.set(0, SloJson.parse(root.get("slo"), objectives.get(0), objectives.size()));
    }
    Optional<JsonNode> runner = Optional.ofNullable(root.get("runner"));
    runner.ifPresent(r -> Json.requireObject(r, "runner"));
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    for (String key : KEPT) {
      if (root.has(key)) {
        sections.put(key, root.get(key));
      }
    }
    return TaskSpec.builder(name, space, objectives.get(0))
        .objectives(objectives)
        .strategy(opt.strategy(), opt.strategyOptions())
        .maxExperiments(opt.maxExperiments())
        .parallelism(opt.parallelism())
        .experimentTimeout(opt.experimentTimeout())
        .taskTimeout(opt.taskTimeout())
        .confirmation(opt.confirmation())
        .seed(opt.seed())
        .runner(runner)
        .sections(sections)
        .build();
  }

  static ObjectNode toNode(TaskSpec spec) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("task_name", spec.name());
    spec.sections().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> root.set(e.getKey(), e.getValue()));
    root.set("parameters", SpaceJson.write(spec.space()));
    root.set("optimization", OptimizationJson.write(spec));
    if (!spec.objective().slos().isEmpty()
        || spec.objective().steepness() != Objective.DEFAULT_STEEPNESS) {
      root.set("slo", SloJson.write(spec.objective()));
    }
    spec.runner().ifPresent(r -> root.set("runner", r));
    return root;
  }
}
