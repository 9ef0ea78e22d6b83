package io.autotune.inference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Prompts from a file in ShareGPT format, as {@code vllm bench serve --dataset-name sharegpt} reads
 * it: a JSON array of objects whose {@code conversations} list holds at least two turns; the first
 * turn's {@code value} is the prompt, the second's length sets the output length (its characters /
 * 4, at least 1, unless {@code outputTokens} fixes it). Other entries are skipped. Immutable.
 *
 * @param path where the file was read from
 * @param entries the usable conversations, in file order
 * @param outputTokens a fixed output length for every request, instead of the replies' lengths
 */
public record ShareGptDataset(Path path, List<Entry> entries, OptionalInt outputTokens) {

  /** Characters per token assumed for the replies' lengths (no tokenizer on this side). */
  static final int CHARS_PER_TOKEN = 4;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One conversation's first prompt and the output length of its reply.
   *
   * @param prompt the text sent as the prompt
   * @param outputTokens the number of tokens asked for
   */
  public record Entry(String prompt, int outputTokens) {
    public Entry {
      Objects.requireNonNull(prompt, "prompt");
      if (outputTokens < 1) {
        throw new IllegalArgumentException(
            "outputTokens must be at least 1, but was " + outputTokens);
      }
    }
  }

  public ShareGptDataset {
    Objects.requireNonNull(path, "path");
    entries = List.copyOf(entries);
    Objects.requireNonNull(outputTokens, "outputTokens");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(
          path
              + " holds no conversation with a prompt and a reply (ShareGPT format: [{\"conversations\":"
              + " [{\"from\": \"human\", \"value\": \"...\"}, {\"from\": \"gpt\", \"value\": \"...\"}]}])");
    }
    if (outputTokens.isPresent() && outputTokens.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "output_tokens must be at least 1, but was " + outputTokens.getAsInt());
    }
  }

  /**
   * Reads a ShareGPT file, one conversation at a time (the public ShareGPT file is hundreds of
   * megabytes; only the first two turns of each are kept).
   *
   * @throws IllegalArgumentException if the file cannot be read, is not a JSON array, or holds no
   *     usable conversation
   */
  public static ShareGptDataset load(Path path, OptionalInt outputTokens) {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(path);
        JsonParser parser = JSON.getFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException(path + " is not a JSON array of conversations");
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        JsonNode item = JSON.readTree(parser);
        entry(item, outputTokens).ifPresent(entries::add);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read " + path + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage());
    }
    return new ShareGptDataset(path, entries, outputTokens);
  }

  private static java.util.Optional<Entry> entry(JsonNode item, OptionalInt outputTokens) {
    JsonNode turns = item.path("conversations");
    JsonNode prompt = turns.path(0).path("value");
    JsonNode reply = turns.path(1).path("value");
    if (!prompt.isTextual() || !reply.isTextual() || prompt.asText().isBlank()) {
      return java.util.Optional.empty();
    }
    int output =
        outputTokens.orElse(
            Math.max(1, (reply.asText().length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN));
    return java.util.Optional.of(new Entry(prompt.asText(), output));
  }

  @Override
  public String toString() {
    return "ShareGPT " + path + " (" + entries.size() + " conversations)";
  }
}
