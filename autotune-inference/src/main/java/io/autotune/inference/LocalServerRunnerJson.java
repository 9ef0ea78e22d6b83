package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import io.autotune.model.TaskSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds a {@link LocalServerRunner} from a task's JSON sections. */
final class LocalServerRunnerJson {

  /** The keys of the server, shared by the local-server, docker and kubernetes runners. */
  static final Set<String> SERVER_KEYS =
      Set.of(
          "type",
          "runtime",
          "command",
          "model",
          "port",
          "boolean_flags",
          "uses_gpus",
          "poll_interval",
          "shutdown_grace",
          "env");

  private LocalServerRunnerJson() {}

  static LocalServerRunner fromTask(TaskSpec spec) {
    Json.Fields fields = fields(spec);
    fields.onlyKnown(union(SERVER_KEYS, Set.of("host")));
    return server(fields, spec, builder -> fields.text("host").ifPresent(builder::host));
  }

  /** The task's runner section. */
  static Json.Fields fields(TaskSpec spec) {
    return Json.fields(spec.runner().orElse(JsonNodeFactory.instance.objectNode()), "runner");
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The server that the {@link #SERVER_KEYS} of {@code fields} (and {@code more}) describe. */
  static LocalServerRunner server(
      Json.Fields fields,
      TaskSpec spec,
      java.util.function.Consumer<LocalServerRunner.Builder> more) {
    LocalServerRunner.Builder builder = LocalServerRunner.builder();
    try {
      command(fields, spec, builder);
      model(fields, spec).ifPresent(builder::model);
      more.accept(builder);
      fields.integer("port").ifPresent(builder::port);
      booleanFlags(fields).ifPresent(builder::booleanFlags);
      fields.bool("uses_gpus").ifPresent(builder::usesGpus);
      fields.number("poll_interval").map(Json::seconds).ifPresent(builder::pollInterval);
      fields.number("shutdown_grace").map(Json::seconds).ifPresent(builder::shutdownGrace);
      builder.environment(environment(fields));
      Optional<BenchmarkSpec> benchmark = spec.section("benchmark").map(BenchmarkSpec::fromJson);
      benchmark.ifPresent(builder::benchmark);
      if (benchmark.flatMap(BenchmarkSpec::goodput).isPresent()
          && spec.objective().slos().isEmpty()) {
        throw new InvalidTaskException(
            "benchmark.goodput",
            "a goodput search needs the SLOs it must meet: the task has no slo");
      }
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidTaskException("runner", e.getMessage());
    }
  }

  private static void command(
      Json.Fields fields, TaskSpec spec, LocalServerRunner.Builder builder) {
    Optional<java.util.List<String>> command = fields.texts("command");
    if (command.isPresent()) {
      builder.command(command.get());
      return;
    }
    Optional<String> runtime =
        fields
            .text("runtime")
            .or(
                () ->
                    spec.section("base_runtime").filter(JsonNode::isTextual).map(JsonNode::asText));
    if (runtime.isEmpty()) {
      throw new InvalidTaskException(
          "runner",
          "a server runner needs \"command\" or"
              + " \"runtime\" (or the task's base_runtime): sglang or vllm");
    }
    builder.runtime(runtime.get());
  }

  /** runner.model, else the task's model section: a string, or an object with id_or_path. */
  private static Optional<String> model(Json.Fields fields, TaskSpec spec) {
    return fields
        .text("model")
        .or(
            () ->
                spec.section("model")
                    .flatMap(
                        node -> {
                          if (node.isTextual()) {
                            return Optional.of(node.asText());
                          }
                          for (String key : new String[] {"id_or_path", "path", "name"}) {
                            if (node.path(key).isTextual()) {
                              return Optional.of(node.path(key).asText());
                            }
                          }
                          return Optional.empty();
                        }));
  }

  private static Optional<BooleanFlags> booleanFlags(Json.Fields fields) {
    return fields
        .text("boolean_flags")
        .map(
            name -> {
              try {
                return BooleanFlags.of(name);
              } catch (IllegalArgumentException e) {
                throw fields.invalid("boolean_flags", e.getMessage());
              }
            });
  }

  private static Map<String, String> environment(Json.Fields fields) {
    Map<String, String> env = new HashMap<>();
    fields
        .node("env")
        .ifPresent(
            node -> {
              if (!node.isObject()) {
                throw fields.invalid("env", "must be an object of strings, but was " + node);
              }
              node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            });
    return env;
  }
}
