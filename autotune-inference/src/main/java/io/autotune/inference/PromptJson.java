package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the {@code benchmark.prompt} section into {@link PromptOptions}. */
final class PromptJson {

  private PromptJson() {}

  static PromptOptions parse(JsonNode node, String path) {
    Json.Fields fields = Json.fields(node, path);
    fields.onlyKnown(Set.of("format", "token_id_range", "prefix_len"));
    PromptOptions defaults = PromptOptions.defaults();
    PromptOptions.Format format =
        fields.text("format").map(text -> format(fields, text)).orElse(defaults.format());
    List<Integer> range =
        fields
            .integers("token_id_range")
            .orElse(List.of(defaults.tokenIdLow(), defaults.tokenIdHigh()));
    if (range.size() != 2) {
      throw fields.invalid("token_id_range", "must be [low, high), two integers, but was " + range);
    }
    try {
      return new PromptOptions(
          format, range.get(0), range.get(1), fields.integer("prefix_len").orElse(0));
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskException(path, e.getMessage());
    }
  }

  private static PromptOptions.Format format(Json.Fields fields, String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "auto" -> PromptOptions.Format.AUTO;
      case "token_ids", "token-ids", "ids" -> PromptOptions.Format.TOKEN_IDS;
      case "text" -> PromptOptions.Format.TEXT;
      default ->
          throw fields.invalid(
              "format", "must be \"auto\", \"token_ids\" or \"text\", but was \"" + text + "\"");
    };
  }
}
