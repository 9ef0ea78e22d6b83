package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return AutotuneCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void runPrintsAProgressLinePerExperimentAndTheBestConfiguration() throws Exception {
    Path task = dir.resolve("task.json");
    Files.writeString(
        task,
        """
        {"task_name": "cli", "parameters": {"x": {"type": "integer", "low": 0, "high": 9}},
         "optimization": {"strategy": "grid", "objective": "minimize_value", "max_iterations": 10},
         "runner": {"type": "command", "command": ["sh", "-c", "echo '{\\"value\\":' $(( ($2 - 6) * ($2 - 6) ))'}'", "sh"]}}
        """);
    int exit = run("run", task.toString(), "--seed", "3");
    assertThat(exit).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("[cli] #"))).hasSize(10);
    assertThat(out.toString()).contains("COMPLETED after 10 experiments", "best: experiment #");
    assertThat(lines).anyMatch(l -> l.matches("\\s+x\\s+6\\s*"));
  }

  @Test
  void badTaskFilesExitWithOneLineNamingThePath() throws Exception {
    Path task = dir.resolve("bad.json");
    Files.writeString(
        task,
        """
        {"task_name": "bad", "parameters": {"tp-size": {"type": "integer", "low": 8, "high": 4}},
         "optimization": {"objective": "maximize_throughput"}}
        """);
    assertThat(run("run", task.toString())).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("error: parameters.tp-size: low 8 is greater than high 4");
    assertThat(run("run", dir.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read task file");
  }

  @Test
  void optimizeAsksAndTellsOverJsonLines() throws Exception {
    Path space = dir.resolve("space.json");
    Files.writeString(space, "{\"x\": [1, 2, 3]}");
    String replies =
        "{\"number\": 1, \"value\": 0.5}\n{\"number\": 2, \"failed\": true, \"error\": \"oom\"}\n"
            + "{\"number\": 3, \"value\": 0.25}\n";
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(replies.getBytes(StandardCharsets.UTF_8)));
      assertThat(
              run("optimize", "--space", space.toString(), "--strategy", "grid", "--trials", "3"))
          .as(err.toString())
          .isZero();
    } finally {
      System.setIn(stdin);
    }
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("{\"number\":1,\"params\":{\"x\":");
    assertThat(lines.get(3)).startsWith("{\"best\":{\"number\":3,\"value\":0.25,");
  }

  @Test
  void optimizeWithTwoObjectivesAndAConstraintEndsWithTheFeasibleParetoFront() throws Exception {
    Path space = dir.resolve("space.json");
    Files.writeString(space, "{\"x\": [1, 2, 3, 4]}");
    String replies =
        "{\"number\": 1, \"values\": [1, 5], \"constraints\": [0]}\n"
            + "{\"number\": 2, \"values\": [2, 6], \"constraints\": [-1]}\n"
            + "{\"number\": 3, \"values\": [2, 4], \"constraints\": [-1]}\n"
            + "{\"number\": 4, \"values\": [0.5, 9], \"constraints\": [0.1]}\n";
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(replies.getBytes(StandardCharsets.UTF_8)));
      assertThat(
              run(
                  "optimize",
                  "--space",
                  space.toString(),
                  "--strategy",
                  "grid",
                  "--trials",
                  "4",
                  "--directions",
                  "minimize,maximize",
                  "--constraints",
                  "1"))
          .as(err.toString())
          .isZero();
    } finally {
      System.setIn(stdin);
    }
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(4))
        .startsWith("{\"pareto\":[{\"number\":1,")
        .contains("\"values\":[1.0,5.0]")
        .contains("{\"number\":2,")
        .doesNotContain("\"number\":3")
        .doesNotContain("\"number\":4");
  }

  @Test
  void optimizeRejectsAResultWithoutItsConstraintsNamingTheNumber() throws Exception {
    Path space = dir.resolve("space.json");
    Files.writeString(space, "{\"x\": [1, 2]}");
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(
              "{\"number\": 1, \"value\": 3}\n".getBytes(StandardCharsets.UTF_8)));
      assertThat(
              run(
                  "optimize",
                  "--space",
                  space.toString(),
                  "--strategy",
                  "grid",
                  "--constraints",
                  "2"))
          .isNotZero();
    } finally {
      System.setIn(stdin);
    }
    assertThat(err.toString()).contains("suggestion 1: expected 2 constraints, but got 0");
  }

  @Test
  void unknownOptionsExitWithOneLine() {
    assertThat(run("run", "--no-such-option")).isEqualTo(2);
    assertThat(err.toString().lines().count()).isEqualTo(1);
  }
}
