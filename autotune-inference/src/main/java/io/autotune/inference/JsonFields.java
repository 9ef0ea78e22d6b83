package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.InvalidTaskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads typed fields of a JSON section, with errors that name the JSON path. */
final class JsonFields {

  private final JsonNode node;
  private final String path;

  JsonFields(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidTaskException(path, "must be an object, but was " + node.getNodeType());
    }
    this.node = node;
    this.path = path;
  }

  /** Rejects keys outside {@code known} (a typo must not be silently ignored). */
  void onlyKnown(Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new InvalidTaskException(
            path + "." + name, "unknown key; known keys are " + new java.util.TreeSet<>(known));
      }
    }
  }

  Optional<JsonNode> node(String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  Optional<String> text(String key) {
    return node(key).map(value -> requireType(key, value, value.isTextual(), "a string").asText());
  }

  Optional<Integer> integer(String key) {
    return node(key)
        .map(
            value ->
                requireType(
                        key,
                        value,
                        value.canConvertToInt() && value.isIntegralNumber(),
                        "an integer")
                    .asInt());
  }

  Optional<Double> number(String key) {
    return node(key).map(value -> requireType(key, value, value.isNumber(), "a number").asDouble());
  }

  Optional<Boolean> bool(String key) {
    return node(key)
        .map(value -> requireType(key, value, value.isBoolean(), "true or false").asBoolean());
  }

  Optional<List<String>> texts(String key) {
    return node(key)
        .map(
            value -> {
              List<String> list = new ArrayList<>();
              for (JsonNode item : array(key, value)) {
                list.add(requireType(key, item, item.isTextual(), "a list of strings").asText());
              }
              return list;
            });
  }

  Optional<List<Integer>> integers(String key) {
    return node(key)
        .map(
            value -> {
              List<Integer> list = new ArrayList<>();
              for (JsonNode item : array(key, value)) {
                boolean ok = item.isIntegralNumber() && item.canConvertToInt();
                list.add(requireType(key, item, ok, "a list of integers").asInt());
              }
              return list;
            });
  }

  Optional<List<Double>> numbers(String key) {
    return node(key)
        .map(
            value -> {
              List<Double> list = new ArrayList<>();
              for (JsonNode item : array(key, value)) {
                list.add(requireType(key, item, item.isNumber(), "a list of numbers").asDouble());
              }
              return list;
            });
  }

  /**
   * A duration given in (possibly fractional) seconds, to the millisecond.
   *
   * @throws IllegalArgumentException unless it is a positive finite number
   */
  static Duration seconds(double seconds) {
    if (!(seconds > 0) || !Double.isFinite(seconds)) {
      throw new IllegalArgumentException(
          "durations must be positive seconds, but one was " + seconds);
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  InvalidTaskException invalid(String key, String problem) {
    return new InvalidTaskException(path + "." + key, problem);
  }

  private JsonNode array(String key, JsonNode value) {
    return requireType(key, value, value.isArray(), "a list");
  }

  private JsonNode requireType(String key, JsonNode value, boolean ok, String expected) {
    if (!ok) {
      throw invalid(key, "must be " + expected + ", but was " + value);
    }
    return value;
  }
}
