package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import io.autotune.runner.CommandRunner;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.Configuration;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every parameter of every task file in examples/tasks changes the command line: each of its values
 * (a choice's every value, a range's ends) gives a different command, the other parameters held
 * still, and says so explicitly (the command differs from one without the parameter). The one
 * exception is a {@code false} left out where that is the server's way of saying it: SGLang's
 * store_true flags, which are off by default, and the command runner's documented contract. A
 * {@code false} left out for vLLM, whose flags such as prefix caching default to on, would tune
 * nothing. New files are covered as they are added.
 */
class ShippedTaskFlagsTest {
  private static final Path TASKS = Path.of("..", "examples", "tasks");
  private static final Map<String, String> PLACEHOLDERS =
      Map.of("model", "m", "host", "h", "port", "1", "java", "java", "classpath", "cp");

  @TestFactory
  Stream<DynamicTest> everyParameterOfEveryShippedTaskChangesTheCommandLine() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(TASKS)) {
      files = listing.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    return files.stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) {
    TaskSpec spec = TaskJson.read(file);
    Function<Configuration, List<String>> commandLine = commandLine(spec);
    Map<String, Object> base = new LinkedHashMap<>();
    spec.space().parameters().forEach(p -> base.put(p.name(), values(p).get(0)));
    for (Parameter parameter : spec.space().parameters()) {
      List<Object> values = values(parameter);
      Map<String, Object> without = new LinkedHashMap<>(base);
      without.remove(parameter.name());
      List<String> unsaid = commandLine.apply(Configuration.of(without));
      Set<List<String>> commands = new HashSet<>();
      for (Object value : values) {
        Map<String, Object> configuration = new LinkedHashMap<>(base);
        configuration.put(parameter.name(), value);
        List<String> command = commandLine.apply(Configuration.of(configuration));
        commands.add(command);
        if (!(Boolean.FALSE.equals(value) && falseMayBeLeftOut(spec))) {
          assertThat(command)
              .as(
                  "%s: %s = %s is said on the command line",
                  file.getFileName(), parameter.name(), value)
              .isNotEqualTo(unsaid);
        }
      }
      assertThat(commands)
          .as("%s: command lines for %s = %s", file.getFileName(), parameter.name(), values)
          .hasSize(values.size());
    }
  }

  private static boolean falseMayBeLeftOut(TaskSpec spec) {
    JsonNode runner = spec.runner().orElseThrow();
    String runtime =
        runner
            .path("runtime")
            .asText(spec.section("base_runtime").map(JsonNode::asText).orElse(""));
    return runner.path("type").asText().equals("command")
        || (runtime.equalsIgnoreCase("sglang") && !runner.has("command"));
  }

  private static Function<Configuration, List<String>> commandLine(TaskSpec spec) {
    String type = spec.runner().orElseThrow().path("type").asText();
    return switch (type) {
      case "local-server" -> {
        CommandTemplate template = LocalServerRunner.fromTask(spec).settings().command();
        yield configuration -> template.render(PLACEHOLDERS, configuration);
      }
      case "docker" -> {
        CommandTemplate template = DockerServerRunner.fromTask(spec).settings().server().command();
        yield configuration -> template.render(PLACEHOLDERS, configuration);
      }
      case "kubernetes" -> {
        CommandTemplate template =
            KubernetesServerRunner.fromTask(spec).settings().server().command();
        yield configuration -> template.render(PLACEHOLDERS, configuration);
      }
      case "command" -> CommandRunner::flags;
      default -> fail("a shipped task with a runner this test does not know: " + type);
    };
  }

  /** A choice's values, an integer range's ends, a real range's ends. */
  private static List<Object> values(Parameter parameter) {
    if (parameter instanceof ChoiceParameter choice) {
      return choice.choices();
    }
    if (parameter instanceof IntParameter integer) {
      return List.of(integer.low(), integer.top());
    }
    RealParameter real = (RealParameter) parameter;
    return List.of(real.low(), real.high());
  }
}
