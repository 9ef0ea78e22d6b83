package io.autotune.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import io.autotune.space.SearchSpace;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code parameters} object: a plain list is a choice; {@code "type"} is one of
 * choice/categorical, continuous (also real, float) or integer (also int).
 */
final class SpaceJson {
  private static final Set<String> CHOICE_KEYS = Set.of("type", "values");
  private static final Set<String> REAL_KEYS = Set.of("type", "low", "high", "log");
  private static final Set<String> INT_KEYS = Set.of("type", "low", "high", "step", "log");

  private SpaceJson() {}

  static SearchSpace parse(JsonNode node, String path) {
    Json.requireObject(node, path);
    if (node.isEmpty()) {
      throw new InvalidTaskException(path, "needs at least one parameter");
    }
    List<Parameter> parameters = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      parameters.add(parameter(field.getKey(), field.getValue(), Json.path(path, field.getKey())));
    }
    return new SearchSpace(parameters);
  }

  private static Parameter parameter(String name, JsonNode node, String path) {
    if (node.isArray()) {
      return choice(name, node, path);
    }
    Json.requireObject(node, path);
    String type = Json.text(node, "type", path).orElseThrow(() -> Json.missing(path + ".type"));
    try {
      return switch (type) {
        case "choice", "categorical" -> {
          Json.allowOnly(node, path, CHOICE_KEYS);
          JsonNode values = node.get("values");
          if (values == null) {
            throw Json.missing(path + ".values");
          }
          yield choice(name, values, path + ".values");
        }
        case "continuous", "real", "float" -> {
          Json.allowOnly(node, path, REAL_KEYS);
          yield new RealParameter(
              name,
              Json.number(node, "low", path).orElseThrow(() -> Json.missing(path + ".low")),
              Json.number(node, "high", path).orElseThrow(() -> Json.missing(path + ".high")),
              Json.bool(node, "log", path).orElse(false));
        }
        case "integer", "int" -> {
          Json.allowOnly(node, path, INT_KEYS);
          yield new IntParameter(
              name,
              Json.integer(node, "low", path).orElseThrow(() -> Json.missing(path + ".low")),
              Json.integer(node, "high", path).orElseThrow(() -> Json.missing(path + ".high")),
              Json.integer(node, "step", path).orElse(1L),
              Json.bool(node, "log", path).orElse(false));
        }
        default ->
            throw new InvalidTaskException(
                path + ".type",
                "unknown type \""
                    + type
                    + "\"; expected choice, categorical, continuous or integer");
      };
    } catch (IllegalArgumentException e) {
      // the records' checks say "name: problem"; the path already names the parameter
      String message = e.getMessage();
      throw new InvalidTaskException(
          path, message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message);
    }
  }

  private static ChoiceParameter choice(String name, JsonNode values, String path) {
    if (!values.isArray()) {
      throw new InvalidTaskException(
          path, "must be a list of values, but was " + Json.kind(values));
    }
    if (values.isEmpty()) {
      throw new InvalidTaskException(
          path, "a choice needs at least one value, but the list is empty");
    }
    List<Object> choices = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      choices.add(Json.scalar(values.get(i), path + "[" + i + "]"));
    }
    return new ChoiceParameter(name, choices);
  }

  static ObjectNode write(SearchSpace space) {
    ObjectNode node = TaskJson.MAPPER.createObjectNode();
    for (Parameter p : space.parameters()) {
      node.set(p.name(), write(p));
    }
    return node;
  }

  private static JsonNode write(Parameter parameter) {
    ObjectNode node = TaskJson.MAPPER.createObjectNode();
    if (parameter instanceof ChoiceParameter c) {
      node.put("type", "choice");
      ArrayNode values = node.putArray("values");
      c.choices().forEach(v -> values.add(TaskJson.MAPPER.valueToTree(v)));
    } else if (parameter instanceof RealParameter r) {
      node.put("type", "continuous");
      node.put("low", r.low());
      node.put("high", r.high());
      node.put("log", r.log());
    } else if (parameter instanceof IntParameter i) {
      node.put("type", "integer");
      node.put("low", i.low());
      node.put("high", i.high());
      node.put("step", i.step());
      node.put("log", i.log());
    }
    return node;
  }
}
