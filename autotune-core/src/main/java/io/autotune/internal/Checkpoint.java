package io.autotune.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.model.Experiment;
import io.autotune.model.TaskSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The state derived from the experiment log, saved after every experiment as a cache: the next
 * number, how many finished, the best so far, and the strategy with its seed. It can always be
 * rebuilt from the log, which stays the source of truth.
 */
record Checkpoint(
    int nextNumber,
    int finished,
    OptionalInt bestNumber,
    OptionalDouble bestScore,
    String strategy,
    long seed) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The checkpoint that the log implies. */
  static Checkpoint of(List<Experiment> log, TaskSpec spec, long seed) {
    int next = log.stream().mapToInt(Experiment::number).max().orElse(0) + 1;
    int finished = (int) log.stream().filter(e -> e.status().isFinal()).count();
    Optional<Experiment> best = spec.best(log);
    return new Checkpoint(
        next,
        finished,
        best.map(e -> OptionalInt.of(e.number())).orElse(OptionalInt.empty()),
        best.map(Experiment::score).orElse(OptionalDouble.empty()),
        spec.strategy(),
        seed);
  }

  String toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("next_number", nextNumber);
    node.put("finished", finished);
    bestNumber.ifPresent(n -> node.put("best_number", n));
    bestScore.ifPresent(s -> node.put("best_score", s));
    node.put("strategy", strategy);
    node.put("seed", seed);
    return node.toString();
  }

  /** The checkpoint in {@code json}, or empty if it cannot be read. */
  static Optional<Checkpoint> parse(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (!node.has("next_number") || !node.has("seed") || !node.has("strategy")) {
        return Optional.empty();
      }
      return Optional.of(
          new Checkpoint(
              node.get("next_number").asInt(),
              node.path("finished").asInt(),
              node.has("best_number")
                  ? OptionalInt.of(node.get("best_number").asInt())
                  : OptionalInt.empty(),
              node.has("best_score")
                  ? OptionalDouble.of(node.get("best_score").asDouble())
                  : OptionalDouble.empty(),
              node.get("strategy").asText(),
              node.get("seed").asLong()));
    } catch (Exception unreadable) {
      return Optional.empty();
    }
  }
}
