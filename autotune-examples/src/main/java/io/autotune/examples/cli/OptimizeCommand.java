package io.autotune.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.Study;
import io.autotune.model.Direction;
import io.autotune.model.TaskJson;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optimize}: ask/tell over stdin and stdout, one JSON object per line. autotune writes
 * {@code {"number": 1, "params": {...}}} and reads {@code {"number": 1, "value": 0.42}} or {@code
 * {"number": 1, "failed": true, "error": "..."}}; it ends with {@code {"best": {...}}}. With
 * several objectives ({@code --directions}) a result is {@code "values": [v1, v2]} and the end line
 * is {@code {"pareto": [...]}}; with {@code --constraints N} a result adds {@code "constraints":
 * [c1, ...]}, feasible when every value is at most 0 (Optuna's convention).
 */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    description = "Ask/tell over stdin/stdout, JSON lines.")
final class OptimizeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--space",
      required = true,
      paramLabel = "SPACE.json",
      description = "the task JSON's parameters object")
  Path spaceFile;

  @Option(
      names = "--strategy",
      paramLabel = "NAME",
      description = "grid, random, tpe, bayesian (default: ${DEFAULT-VALUE})")
  String strategy = "bayesian";

  @Option(names = "--seed", paramLabel = "N", description = "default: ${DEFAULT-VALUE}")
  long seed = 0;

  @Option(names = "--trials", paramLabel = "N", description = "default: ${DEFAULT-VALUE}")
  int trials = 50;

  @Option(
      names = {"--direction", "--directions"},
      split = ",",
      paramLabel = "DIRECTION",
      converter = DirectionConverter.class,
      description = "minimize or maximize, one per objective, comma-separated (default: minimize)")
  List<Direction> directions = List.of(Direction.MINIMIZE);

  @Option(
      names = "--constraints",
      paramLabel = "N",
      description = "constraint values told with every result (default: ${DEFAULT-VALUE})")
  int constraints = 0;

  @Spec CommandSpec command;

  @Override
  public Integer call() throws IOException {
    if (trials < 1) {
      throw new IllegalArgumentException("--trials must be greater than 0, but was " + trials);
    }
    SearchSpace space = TaskJson.parseSpace(Files.readString(spaceFile));
    Study study =
        Study.of(space, Strategy.named(strategy, Map.of()), directions, constraints, seed, trials);
    PrintWriter out = command.commandLine().getOut();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (int i = 0; i < trials; i++) {
      Optional<Study.Suggestion> suggestion = study.ask();
      if (suggestion.isEmpty()) {
        break;
      }
      ObjectNode ask = JSON.createObjectNode().put("number", suggestion.get().number());
      ask.set("params", JSON.valueToTree(suggestion.get().configuration().values()));
      out.println(ask);
      out.flush();
      String line = in.readLine();
      if (line == null) {
        throw new IllegalArgumentException(
            "stdin closed before the result of number " + suggestion.get().number());
      }
      tell(study, suggestion.get().number(), line);
    }
    out.println(directions.size() > 1 ? pareto(study) : best(study));
    return 0;
  }

  private static ObjectNode best(Study study) {
    ObjectNode end = JSON.createObjectNode();
    Optional<Study.Result> best = study.best();
    if (best.isEmpty()) {
      end.putNull("best");
    } else {
      ObjectNode node =
          end.putObject("best")
              .put("number", best.get().number())
              .put("value", best.get().value().getAsDouble());
      node.set("params", JSON.valueToTree(best.get().configuration().values()));
    }
    return end;
  }

  private static ObjectNode pareto(Study study) {
    ObjectNode end = JSON.createObjectNode();
    ArrayNode front = end.putArray("pareto");
    for (Study.Result r : study.paretoFront()) {
      ObjectNode node = front.addObject().put("number", r.number());
      node.set("params", JSON.valueToTree(r.configuration().values()));
      node.set("values", JSON.valueToTree(r.values()));
    }
    return end;
  }

  private static void tell(Study study, int number, String line) throws IOException {
    JsonNode reply;
    try {
      reply = JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("result of number " + number + " is not JSON: " + line);
    }
    if (reply.path("number").asInt(-1) != number) {
      throw new IllegalArgumentException(
          "expected the result of number " + number + ", but read: " + line);
    }
    if (reply.path("failed").asBoolean(false)) {
      study.fail(number);
      return;
    }
    List<Double> values;
    if (reply.path("values").isArray()) {
      values = numbers(reply.get("values"), number, "values", line);
    } else if (reply.path("value").isNumber()) {
      values = List.of(reply.get("value").asDouble());
    } else {
      throw new IllegalArgumentException(
          "result of number "
              + number
              + " needs a numeric \"value\", a \"values\" array or \"failed\": true, but was: "
              + line);
    }
    List<Double> constraintValues =
        reply.has("constraints")
            ? numbers(reply.get("constraints"), number, "constraints", line)
            : List.of();
    study.tell(number, values, constraintValues);
  }

  private static List<Double> numbers(JsonNode array, int number, String field, String line) {
    if (!array.isArray()) {
      throw new IllegalArgumentException(
          "result of number " + number + ": \"" + field + "\" must be an array: " + line);
    }
    List<Double> numbers = new ArrayList<>();
    for (JsonNode n : array) {
      if (!n.isNumber()) {
        throw new IllegalArgumentException(
            "result of number " + number + ": \"" + field + "\" must hold numbers: " + line);
      }
      numbers.add(n.asDouble());
    }
    return numbers;
  }

  /** minimize or maximize, in any case, as task JSON writes them. */
  static final class DirectionConverter implements CommandLine.ITypeConverter<Direction> {
    @Override
    public Direction convert(String value) {
      return Direction.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
  }
}
