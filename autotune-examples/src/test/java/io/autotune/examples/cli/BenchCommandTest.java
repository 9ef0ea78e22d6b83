package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsOneJsonLinePerSeedThenTheSummary() {
    int exit = run("--func", "branin", "--strategy", "tpe", "--seeds", "2", "--trials", "12");
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(exit).isZero();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .startsWith("{\"func\": \"branin\", \"sampler\": \"tpe\", \"seed\": 0,");
    assertThat(lines.get(1)).contains("\"seed\": 1,", "\"ask_ms_median\": ", "\"ask_ms_last10\": ");
    assertThat(lines.get(2)).startsWith("branin       tpe      @10:");
  }

  @Test
  void gridTakesItsDiscretisationAsAnOption() {
    int exit =
        run(
            "--func",
            "hartmann6",
            "--strategy",
            "grid",
            "--option",
            "real_points=3",
            "--seeds",
            "1",
            "--trials",
            "10");
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"sampler\": \"grid{real_points=3}\"");
  }

  @Test
  void unknownFunctionExitsNonZeroWithOneLine() {
    int exit = run("--func", "rosenbrock", "--strategy", "tpe");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .startsWith(
            "bench: unknown function 'rosenbrock'; known functions: branin, hartmann6, serving_sim,"
                + " ackley5, rastrigin4,")
        .contains("rosenbrock4")
        .doesNotContain("\n");
  }

  @Test
  void gridWithoutDiscretisationSaysWhichParameterIsContinuous() {
    int exit = run("--func", "branin", "--strategy", "grid", "--seeds", "1");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("parameters.x", "real_points");
  }

  @Test
  void optionValuesAreReadAsJsonScalars() {
    assertThat(BenchCommand.parseOptions(List.of("a=true", "b=12", "c=0.5", "d=lpm")))
        .isEqualTo(Map.of("a", true, "b", 12L, "c", 0.5, "d", "lpm"));
  }

  private int run(String... args) {
    BenchCommand command =
        new BenchCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandLine(command).execute(args);
  }
}
