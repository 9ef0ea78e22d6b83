package io.autotune.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.InvalidTaskException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Small checks for reading the task JSON, each naming the JSON path of what is wrong. */
final class Json {
  private Json() {}

  static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static InvalidTaskException missing(String path) {
    return new InvalidTaskException(path, "is required but missing");
  }

  static void requireObject(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidTaskException(path, "must be an object, but was " + kind(node));
    }
  }

  static void allowOnly(JsonNode node, String path, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new InvalidTaskException(
            path(path, key), "unknown key; expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  static Optional<String> text(JsonNode parent, String key, String parentPath) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new InvalidTaskException(
          path(parentPath, key), "must be a non-empty string, but was " + kind(node));
    }
    return Optional.of(node.asText());
  }

  static Optional<Double> number(JsonNode parent, String key, String parentPath) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isNumber()) {
      throw new InvalidTaskException(
          path(parentPath, key), "must be a number, but was " + kind(node));
    }
    return Optional.of(node.asDouble());
  }

  static Optional<Long> integer(JsonNode parent, String key, String parentPath) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber()
        && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
      throw new InvalidTaskException(
          path(parentPath, key), "must be a whole number, but was " + kind(node));
    }
    return Optional.of(node.asLong());
  }

  static Optional<Boolean> bool(JsonNode parent, String key, String parentPath) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw new InvalidTaskException(
          path(parentPath, key), "must be true or false, but was " + kind(node));
    }
    return Optional.of(node.asBoolean());
  }

  static Object scalar(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    throw new InvalidTaskException(
        path, "must be a string, a number or a boolean, but was " + kind(node));
  }

  static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "the string \"" + node.asText() + "\"";
      case NULL -> "null";
      default -> node.toString();
    };
  }
}
