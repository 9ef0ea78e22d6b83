package io.autotune.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code slo} section: {@code steepness} and one entry per metric, {@code {"threshold": 1.0,
 * "hard_fail": true, "fail_ratio": 0.5, "weight": 1.0}}. The predecessor's nested {@code latency}
 * group ({@code {"p50": {...}, "p90": {...}}}) names the metrics {@code latency_p50} and so on.
 */
final class SloJson {
  private static final Set<String> KEYS = Set.of("threshold", "hard_fail", "fail_ratio", "weight");

  private SloJson() {}

  static Objective parse(JsonNode node, Objective objective) {
    Json.requireObject(node, "slo");
    double steepness = Json.number(node, "steepness", "slo").orElse(Objective.DEFAULT_STEEPNESS);
    if (!(steepness > 0)) {
      throw new InvalidTaskException(
          "slo.steepness", "must be greater than 0, but was " + steepness);
    }
    List<Slo> slos = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String path = "slo." + key;
      if (key.equals("steepness")) {
        continue;
      }
      Json.requireObject(e.getValue(), path);
      if (key.equals("latency") && !e.getValue().has("threshold")) {
        for (Iterator<Map.Entry<String, JsonNode>> p = e.getValue().fields(); p.hasNext(); ) {
          Map.Entry<String, JsonNode> percentile = p.next();
          slos.add(
              slo(
                  "latency_" + percentile.getKey(),
                  percentile.getValue(),
                  path + "." + percentile.getKey()));
        }
      } else {
        slos.add(slo(key, e.getValue(), path));
      }
    }
    return objective.withSlos(slos, steepness);
  }

  private static Slo slo(String metric, JsonNode node, String path) {
    Json.requireObject(node, path);
    Json.allowOnly(node, path, KEYS);
    double threshold =
        Json.number(node, "threshold", path).orElseThrow(() -> Json.missing(path + ".threshold"));
    try {
      return new Slo(
          metric,
          threshold,
          Json.bool(node, "hard_fail", path).orElse(false),
          Json.number(node, "fail_ratio", path).orElse(0.0),
          Json.number(node, "weight", path).orElse(1.0));
    } catch (IllegalArgumentException invalid) {
      throw new InvalidTaskException(path, invalid.getMessage());
    }
  }

  static ObjectNode write(Objective objective) {
    ObjectNode node = TaskJson.MAPPER.createObjectNode();
    node.put("steepness", objective.steepness());
    for (Slo slo : objective.slos()) {
      ObjectNode s = node.putObject(slo.metric());
      s.put("threshold", slo.threshold());
      s.put("hard_fail", slo.hardFail());
      s.put("fail_ratio", slo.failRatio());
      s.put("weight", slo.weight());
    }
    return node;
  }
}
