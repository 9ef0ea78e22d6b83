package io.autotune.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code slo} section: one entry per metric. The recommended form is a constraint, {@code
 * {"threshold": 0.2, "as": "constraint"}}. The predecessor's penalty form stays for old files:
 * {@code steepness} and {@code {"threshold": 1.0, "hard_fail": true, "fail_ratio": 0.5, "weight":
 * 1.0}}, which {@code "as": "penalty"} or {@code "as": "hard"} may also name. The predecessor's
 * nested {@code latency} group ({@code {"p50": {...}, "p90": {...}}}) names the metrics {@code
 * latency_p50} and so on.
 */
final class SloJson {
  private static final Set<String> KEYS =
      Set.of("threshold", "as", "hard_fail", "fail_ratio", "weight");
  private static final Set<String> CONSTRAINT_KEYS = Set.of("threshold", "as");

  private SloJson() {}

  static Objective parse(JsonNode node, Objective objective, int objectives) {
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
    if (objectives > 1) {
      for (Slo slo : slos) {
        if (!slo.isConstraint()) {
          throw new InvalidTaskException(
              "slo." + slo.metric(),
              "a penalty or hard SLO works on a single objective, but the task has "
                  + objectives
                  + "; write \"as\": \"constraint\"");
        }
      }
    }
    return objective.withSlos(slos, steepness);
  }

  private static Slo slo(String metric, JsonNode node, String path) {
    Json.requireObject(node, path);
    Json.allowOnly(node, path, KEYS);
    double threshold =
        Json.number(node, "threshold", path).orElseThrow(() -> Json.missing(path + ".threshold"));
    Slo.Use use = use(node, path);
    if (use == Slo.Use.CONSTRAINT) {
      Json.allowOnly(node, path, CONSTRAINT_KEYS);
    }
    try {
      return new Slo(
          metric,
          threshold,
          use,
          Json.number(node, "fail_ratio", path).orElse(0.0),
          Json.number(node, "weight", path).orElse(1.0));
    } catch (IllegalArgumentException invalid) {
      throw new InvalidTaskException(path, invalid.getMessage());
    }
  }

  private static Slo.Use use(JsonNode node, String path) {
    Optional<Boolean> hardFail = Json.bool(node, "hard_fail", path);
    Optional<String> as = Json.text(node, "as", path);
    if (as.isEmpty()) {
      return hardFail.orElse(false) ? Slo.Use.HARD : Slo.Use.PENALTY;
    }
    Slo.Use use =
        Arrays.stream(Slo.Use.values())
            .filter(u -> u.jsonName().equals(as.get()))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidTaskException(
                        path + ".as",
                        "must be constraint, penalty or hard, but was \"" + as.get() + "\""));
    if (hardFail.isPresent() && hardFail.get() != (use == Slo.Use.HARD)) {
      throw new InvalidTaskException(
          path + ".hard_fail", hardFail.get() + " contradicts \"as\": \"" + as.get() + "\"");
    }
    return use;
  }

  static ObjectNode write(Objective objective) {
    ObjectNode node = TaskJson.MAPPER.createObjectNode();
    node.put("steepness", objective.steepness());
    for (Slo slo : objective.slos()) {
      ObjectNode s = node.putObject(slo.metric());
      s.put("threshold", slo.threshold());
      if (slo.isConstraint()) {
        s.put("as", slo.use().jsonName());
        continue;
      }
      s.put("hard_fail", slo.hardFail());
      s.put("fail_ratio", slo.failRatio());
      s.put("weight", slo.weight());
    }
    return node;
  }
}
