package io.autotune.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.model.Direction;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import io.autotune.model.TaskSpec;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import io.autotune.space.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A task spec as JSON text. Temporary: replaced by the task JSON ({@code TaskJson}) once core has
 * it, so that the database holds the same document the user wrote.
 */
final class SpecJson {
  private SpecJson() {}

  static String write(TaskSpec spec) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("name", spec.name());
    ArrayNode space = root.putArray("space");
    spec.space().parameters().forEach(p -> space.add(parameter(p)));
    ObjectNode objective = root.putObject("objective");
    objective.put("metric", spec.objective().metric());
    objective.put("direction", spec.objective().direction().name());
    objective.put("steepness", spec.objective().steepness());
    objective.set("slos", Json.MAPPER.valueToTree(spec.objective().slos()));
    root.put("strategy", spec.strategy());
    root.set("strategyOptions", Json.MAPPER.valueToTree(spec.strategyOptions()));
    root.put("maxExperiments", spec.maxExperiments());
    root.put("experimentTimeout", spec.experimentTimeout().toString());
    spec.taskTimeout().ifPresent(t -> root.put("taskTimeout", t.toString()));
    spec.seed().ifPresent(s -> root.put("seed", s));
    spec.runner().ifPresent(r -> root.set("runner", r));
    root.set("sections", Json.MAPPER.valueToTree(spec.sections()));
    return root.toString();
  }

  static TaskSpec parse(String text) {
    JsonNode root = Json.tree(text);
    List<Parameter> parameters = new ArrayList<>();
    root.path("space").forEach(p -> parameters.add(parameter(p)));
    JsonNode o = root.path("objective");
    List<Slo> slos = new ArrayList<>();
    for (JsonNode s : o.path("slos")) {
      slos.add(
          new Slo(
              s.path("metric").asText(),
              s.path("threshold").asDouble(),
              s.path("hardFail").asBoolean(),
              s.path("failRatio").asDouble(),
              s.path("weight").asDouble()));
    }
    Objective objective =
        new Objective(
            o.path("metric").asText(),
            Direction.valueOf(o.path("direction").asText()),
            slos,
            o.path("steepness").asDouble());
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    root.path("sections").fields().forEachRemaining(e -> sections.put(e.getKey(), e.getValue()));
    return new TaskSpec(
        root.path("name").asText(),
        new SearchSpace(parameters),
        objective,
        root.path("strategy").asText(),
        Json.MAPPER.convertValue(
            root.path("strategyOptions"), new TypeReference<LinkedHashMap<String, Object>>() {}),
        root.path("maxExperiments").asInt(),
        Duration.parse(root.path("experimentTimeout").asText()),
        Optional.ofNullable(root.get("taskTimeout")).map(t -> Duration.parse(t.asText())),
        root.has("seed") ? OptionalLong.of(root.get("seed").asLong()) : OptionalLong.empty(),
        Optional.ofNullable(root.get("runner")),
        sections);
  }

  private static ObjectNode parameter(Parameter p) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("name", p.name());
    if (p instanceof IntParameter i) {
      node.put("type", "integer").put("low", i.low()).put("high", i.high());
      node.put("step", i.step()).put("log", i.log());
    } else if (p instanceof RealParameter r) {
      node.put("type", "real").put("low", r.low()).put("high", r.high()).put("log", r.log());
    } else if (p instanceof ChoiceParameter c) {
      node.put("type", "choice").set("values", Json.MAPPER.valueToTree(c.choices()));
    }
    return node;
  }

  private static Parameter parameter(JsonNode p) {
    String name = p.path("name").asText();
    return switch (p.path("type").asText()) {
      case "integer" ->
          new IntParameter(
              name,
              p.path("low").asLong(),
              p.path("high").asLong(),
              p.path("step").asLong(),
              p.path("log").asBoolean());
      case "real" ->
          new RealParameter(
              name, p.path("low").asDouble(), p.path("high").asDouble(), p.path("log").asBoolean());
      default ->
          new ChoiceParameter(
              name,
              Json.MAPPER.convertValue(p.path("values"), new TypeReference<List<Object>>() {}));
    };
  }
}
