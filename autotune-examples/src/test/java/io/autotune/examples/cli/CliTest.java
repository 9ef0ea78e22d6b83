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
  void confirmationRunsRepeatTheBestAndPrintTheirMeansWithAnInterval() throws Exception {
    Path task = dir.resolve("confirm.json");
    Files.writeString(
        task,
        """
        {"task_name": "confirm", "parameters": {"x": {"type": "integer", "low": 0, "high": 9}},
         "optimization": {"strategy": "grid", "objective": "minimize_value", "max_iterations": 10,
                          "confirm_best": {"top": 2, "repeats": 2}},
         "runner": {"type": "command", "command": ["sh", "-c", "echo '{\\"value\\":' $(( ($2 - 6) * ($2 - 6) ))'}'", "sh"]}}
        """);
    int exit = run("run", task.toString(), "--seed", "3");
    assertThat(exit).as(err.toString()).isZero();
    String printed = out.toString();
    assertThat(printed)
        .contains("COMPLETED after 14 experiments")
        .contains("confirmed best: {x=6}, value 0.00000 ± 0.00000 over 3 runs")
        .contains("± 95 %");
    // x = 6 (value 0, three runs) first; x = 5 or 7 (value 1) second; a steady value: interval 0
    assertThat(printed.lines().filter(l -> l.matches("\\s*#\\d+\\s+3\\s+3/3\\s+.*"))).hasSize(2);
    assertThat(printed.lines())
        .anyMatch(l -> l.matches(".*#7\\s+3\\s+3/3\\s+0\\.00000\\s+0\\.00000\\s+\\{x=6}"));
  }

  @Test
  void aConstraintKeepsRawValuesAndTheCommandsShowFeasibilityAndSlack() throws Exception {
    Path task = dir.resolve("slo.json");
    Files.writeString(
        task,
        """
        {"task_name": "slo", "parameters": {"x": {"type": "integer", "low": 0, "high": 9}},
         "optimization": {"strategy": "grid", "objective": "minimize_value", "max_iterations": 10},
         "slo": {"ttft": {"threshold": 0.45, "as": "constraint"}},
         "runner": {"type": "command", "command": ["sh", "-c", "echo '{\\"value\\":' $(( ($2 - 6) * ($2 - 6) ))', \\"ttft\\": 0.'$2'}'", "sh"]}}
        """);
    String store = "jdbc:h2:file:" + dir.resolve("db");
    assertThat(run("run", task.toString(), "--store", store)).as(err.toString()).isZero();
    String printed = out.toString();
    assertThat(printed)
        .contains("best: experiment #", "value 4.00000", "ttft 0.4 <= 0.45 (slack +11%)")
        .contains("infeasible: ttft 0.9 > 0.45 (slack -100%)")
        .doesNotContain("e+");
    assertThat(printed.lines()).anyMatch(l -> l.matches("\\s+x\\s+4\\s*"));

    out.getBuffer().setLength(0);
    assertThat(run("status", "--store", store, "--json")).isZero();
    assertThat(out.toString()).contains("\"best\" : 4.0", "\"succeeded\" : 10", "\"feasible\" : 5");
    String id = out.toString().replaceAll("(?s).*\"id\" : \"([^\"]+)\".*", "$1");

    out.getBuffer().setLength(0);
    assertThat(run("experiments", id, "--store", store)).isZero();
    assertThat(out.toString().lines())
        .anyMatch(
            l ->
                l.matches(
                    "\\s+\\d+\\s+SUCCEEDED\\s+\\S+\\s+9\\.00000\\s+no\\s+ttft 0\\.9 > 0\\.45.*"));
    out.getBuffer().setLength(0);
    assertThat(run("experiments", id, "--store", store, "--json")).isZero();
    assertThat(out.toString())
        .contains("\"feasible\" : false", "\"ttft\" : -1.0", "\"objectives\" : {");

    out.getBuffer().setLength(0);
    assertThat(run("experiments", id, "--store", store, "--csv")).isZero();
    List<String> csv = List.of(out.toString().split("\r\n"));
    assertThat(csv).hasSize(11);
    assertThat(csv.get(0))
        .startsWith("number,status,created_at,")
        .contains(",feasible,pareto,param.x,metric.value,", ",slack.ttft,worker,error");
    assertThat(csv).anyMatch(l -> l.matches("\\d+,SUCCEEDED,.*,9\\.0,false,false,.*,-1\\.0,.*"));
    assertThat(run("experiments", id, "--store", store, "--csv", "--json")).isEqualTo(2);
  }

  @Test
  void severalObjectivesEndWithTheParetoFrontAsATable() throws Exception {
    Path task = dir.resolve("mo.json");
    Files.writeString(
        task,
        """
        {"task_name": "mo", "parameters": {"x": {"type": "integer", "low": 0, "high": 4}},
         "optimization": {"strategy": "grid", "max_iterations": 5,
                          "objectives": ["minimize_value", {"metric": "cost", "direction": "minimize"}]},
         "slo": {"ttft": {"threshold": 0.35, "as": "constraint"}},
         "runner": {"type": "command", "command": ["sh", "-c", "echo '{\\"value\\":' $2', \\"cost\\":' $(( 4 - $2 ))', \\"ttft\\": 0.'$2'}'", "sh"]}}
        """);
    assertThat(run("run", task.toString(), "--store", "memory:")).as(err.toString()).isZero();
    String printed = out.toString();
    assertThat(printed)
        .contains("Pareto front: 4 feasible experiments", "value (min)", "cost (min)");
    assertThat(printed.lines()).noneMatch(l -> l.contains("ttft 0.4 <="));
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
