package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/** Reads the {@code benchmark.goodput} section into {@link GoodputOptions}. */
final class GoodputJson {

  private GoodputJson() {}

  static GoodputOptions parse(JsonNode node, String path) {
    Json.Fields fields = Json.fields(node, path);
    fields.onlyKnown(Set.of("search", "start", "max", "max_runs", "min_success_rate"));
    GoodputOptions defaults =
        fields
            .text("search")
            .map(text -> search(fields, text))
            .orElse(GoodputOptions.overRequestRate());
    try {
      return new GoodputOptions(
          defaults.over(),
          fields.number("start").orElse(defaults.start()),
          fields.number("max").map(OptionalDouble::of).orElse(OptionalDouble.empty()),
          fields.integer("max_runs").orElse(defaults.maxRuns()),
          fields.number("min_success_rate").orElse(defaults.minSuccessRate()));
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskException(path, e.getMessage());
    }
  }

  private static GoodputOptions search(Json.Fields fields, String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "request_rate", "request-rate", "rate" -> GoodputOptions.overRequestRate();
      case "concurrency" -> GoodputOptions.overConcurrency();
      default ->
          throw fields.invalid(
              "search", "must be \"request_rate\" or \"concurrency\", but was \"" + text + "\"");
    };
  }
}
