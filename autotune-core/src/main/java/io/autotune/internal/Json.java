package io.autotune.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.InvalidTaskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks for reading the task JSON, each naming the JSON path of what is wrong; shared by the
 * task's own sections (core) and the sections a plugin reads ({@code benchmark}, {@code runner}).
 * Static checks take the parent node, a key and the parent's path; {@link #fields} binds a section
 * and its path once. Thread-safe (stateless).
 */
public final class Json {
  private Json() {}

  /** A section and its path, read key by key. */
  public static Fields fields(JsonNode section, String path) {
    return new Fields(section, path);
  }

  public static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  public static InvalidTaskException missing(String path) {
    return new InvalidTaskException(path, "is required but missing");
  }

  public static void requireObject(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidTaskException(path, "must be an object, but was " + kind(node));
    }
  }

  /** Rejects keys outside {@code allowed}: a typo must not be silently ignored. */
  public static void allowOnly(JsonNode node, String path, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new InvalidTaskException(
            path(path, key), "unknown key; expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  public static Optional<String> text(JsonNode parent, String key, String parentPath) {
    return present(parent, key)
        .map(node -> require(node, Json::isText, "a non-empty string", path(parentPath, key)))
        .map(JsonNode::asText);
  }

  public static Optional<Double> number(JsonNode parent, String key, String parentPath) {
    return present(parent, key)
        .map(node -> require(node, JsonNode::isNumber, "a number", path(parentPath, key)))
        .map(JsonNode::asDouble);
  }

  public static Optional<Long> integer(JsonNode parent, String key, String parentPath) {
    return present(parent, key)
        .map(node -> require(node, Json::isWhole, "a whole number", path(parentPath, key)))
        .map(JsonNode::asLong);
  }

  public static Optional<Boolean> bool(JsonNode parent, String key, String parentPath) {
    return present(parent, key)
        .map(node -> require(node, JsonNode::isBoolean, "true or false", path(parentPath, key)))
        .map(JsonNode::asBoolean);
  }

  public static Object scalar(JsonNode node, String path) {
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

  /** How a message shows a value: {@code a list}, {@code the string "x"}, {@code 3.5}. */
  public static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "the string \"" + node.asText() + "\"";
      case NULL -> "null";
      default -> node.toString();
    };
  }

  /**
   * A duration given in (possibly fractional) seconds, to the millisecond.
   *
   * @throws IllegalArgumentException unless it is a positive finite number
   */
  public static Duration seconds(double seconds) {
    if (!(seconds > 0) || !Double.isFinite(seconds)) {
      throw new IllegalArgumentException(
          "durations must be positive seconds, but one was " + seconds);
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static Optional<JsonNode> present(JsonNode parent, String key) {
    JsonNode node = parent.get(key);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  private static JsonNode require(
      JsonNode node, Predicate<JsonNode> ok, String expected, String path) {
    if (!ok.test(node)) {
      throw new InvalidTaskException(path, "must be " + expected + ", but was " + kind(node));
    }
    return node;
  }

  private static boolean isText(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank();
  }

  private static boolean isWhole(JsonNode node) {
    return node.isIntegralNumber()
        || (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()));
  }

  private static boolean isInt(JsonNode node) {
    return isWhole(node) && node.canConvertToInt();
  }

  /** One JSON object section and its path. Immutable and thread-safe. */
  public static final class Fields {
    private final JsonNode section;
    private final String path;

    private Fields(JsonNode section, String path) {
      requireObject(section, path);
      this.section = section;
      this.path = path;
    }

    /** Rejects keys outside {@code known}. */
    public void onlyKnown(Set<String> known) {
      allowOnly(section, path, known);
    }

    public Optional<JsonNode> node(String key) {
      return present(section, key);
    }

    public Optional<String> text(String key) {
      return Json.text(section, key, path);
    }

    public Optional<Double> number(String key) {
      return Json.number(section, key, path);
    }

    public Optional<Boolean> bool(String key) {
      return Json.bool(section, key, path);
    }

    /** A whole number that fits an {@code int}. */
    public Optional<Integer> integer(String key) {
      return node(key)
          .map(node -> require(node, Json::isInt, "an integer", at(key)))
          .map(JsonNode::asInt);
    }

    public Optional<List<String>> texts(String key) {
      return list(key, Json::isText, "a list of strings", JsonNode::asText);
    }

    public Optional<List<Integer>> integers(String key) {
      return list(key, Json::isInt, "a list of integers", JsonNode::asInt);
    }

    public Optional<List<Double>> numbers(String key) {
      return list(key, JsonNode::isNumber, "a list of numbers", JsonNode::asDouble);
    }

    /** An error at {@code key} of this section. */
    public InvalidTaskException invalid(String key, String problem) {
      return new InvalidTaskException(at(key), problem);
    }

    private String at(String key) {
      return path(path, key);
    }

    private <T> Optional<List<T>> list(
        String key, Predicate<JsonNode> ok, String expected, Function<JsonNode, T> read) {
      return node(key)
          .map(
              value -> {
                require(value, JsonNode::isArray, expected, at(key));
                List<T> list = new ArrayList<>();
                for (JsonNode item : value) {
                  list.add(read.apply(require(item, ok, expected, at(key))));
                }
                return list;
              });
    }
  }
}
