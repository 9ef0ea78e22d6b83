package io.autotune.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.autotune.StoreException;
import io.autotune.model.ProcessRef;
import io.autotune.space.Configuration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON text of the columns that hold structured values. Thread-safe. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, Double>> METRICS =
      new TypeReference<>() {};
  private static final TypeReference<List<Integer>> INTEGERS = new TypeReference<>() {};

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static JsonNode tree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new StoreException("the database holds JSON that does not parse: " + text, e);
    }
  }

  static Configuration configuration(String text) {
    return Configuration.of(read(text, OBJECT));
  }

  /** Metrics may hold NaN or infinities: Jackson writes them as strings and reads them back. */
  static Map<String, Double> metrics(String text) {
    return read(text, METRICS);
  }

  static List<Integer> gpus(String text) {
    return read(text, INTEGERS);
  }

  static String processes(List<ProcessRef> processes) {
    ArrayNode array = MAPPER.createArrayNode();
    for (ProcessRef p : processes) {
      array
          .addObject()
          .put("host", p.host())
          .put("pid", p.pid())
          .put("startedAt", p.startedAt().toString());
    }
    return array.toString();
  }

  static List<ProcessRef> processes(String text) {
    List<ProcessRef> processes = new ArrayList<>();
    for (JsonNode p : tree(text)) {
      processes.add(
          new ProcessRef(
              p.path("host").asText(),
              p.path("pid").asLong(),
              Instant.parse(p.path("startedAt").asText())));
    }
    return processes;
  }

  private static <T> T read(String text, TypeReference<T> type) {
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("the database holds JSON that does not parse: " + text, e);
    }
  }
}
