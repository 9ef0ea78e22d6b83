package io.autotune.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optimize}: ask/tell over stdin and stdout, one JSON object per line. autotune writes
 * {@code {"number": 1, "params": {...}}} and reads {@code {"number": 1, "value": 0.42}} or {@code
 * {"number": 1, "failed": true, "error": "..."}}; it ends with {@code {"best": {...}}}.
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

  @Option(names = "--direction", description = "minimize or maximize (default: ${DEFAULT-VALUE})")
  Direction direction = Direction.MINIMIZE;

  @Spec CommandSpec command;

  @Override
  public Integer call() throws IOException {
    if (trials < 1) {
      throw new IllegalArgumentException("--trials must be greater than 0, but was " + trials);
    }
    SearchSpace space = TaskJson.parseSpace(Files.readString(spaceFile));
    Study study = Study.of(space, Strategy.named(strategy, Map.of()), direction, seed, trials);
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
    ObjectNode end = JSON.createObjectNode();
    study
        .best()
        .ifPresent(
            b -> {
              ObjectNode best =
                  end.putObject("best")
                      .put("number", b.number())
                      .put("value", b.value().getAsDouble());
              best.set("params", JSON.valueToTree(b.configuration().values()));
            });
    if (study.best().isEmpty()) {
      end.putNull("best");
    }
    out.println(end);
    return 0;
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
    } else if (reply.path("value").isNumber()) {
      study.tell(number, reply.get("value").asDouble());
    } else {
      throw new IllegalArgumentException(
          "result of number "
              + number
              + " needs a numeric \"value\" or \"failed\": true, but was: "
              + line);
    }
  }
}
