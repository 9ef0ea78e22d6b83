package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** submit, status, experiments and cancel against an H2 store in a file. */
class SharedStoreCommandsTest {
  private static final String TASK =
      "{\"task_name\": \"queued\", \"parameters\": {\"x\": [1, 2, 3]},"
          + " \"optimization\": {\"strategy\": \"random\", \"max_iterations\": 3,"
          + " \"objective\": {\"metric\": \"value\", \"direction\": \"minimize\"}},"
          + " \"runner\": {\"type\": \"command\", \"command\": [\"true\"]}}";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private String store;

  @BeforeEach
  void openStore() {
    store = "jdbc:h2:file:" + dir.resolve("autotune");
  }

  private int cli(String... args) {
    return AutotuneCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void aSubmittedTaskIsListedPendingAndCancellingItFinishesIt() throws Exception {
    Path task = Files.writeString(dir.resolve("task.json"), TASK);
    assertThat(cli("submit", task.toString(), "--store", store)).isZero();
    String id = take().trim();

    assertThat(cli("status", "--store", store, "--json")).isZero();
    JsonNode listed = new ObjectMapper().readTree(take()).get(0);
    assertThat(listed.get("id").asText()).isEqualTo(id);
    assertThat(listed.get("status").asText()).isEqualTo("PENDING");
    assertThat(listed.get("max_experiments").asInt()).isEqualTo(3);

    assertThat(cli("cancel", id, "--store", store)).isZero();
    assertThat(take()).contains("CANCELLED");
    assertThat(cli("status", "--store", store)).isZero();
    assertThat(take()).contains(id, "CANCELLED", "0/3");
    assertThat(cli("experiments", id, "--store", store, "--json")).isZero();
    assertThat(take().trim()).isEqualTo("[ ]");
  }

  @Test
  void anUnknownTaskOrStoreIsAOneLineError() {
    assertThat(cli("experiments", "no-such-task", "--store", store)).isEqualTo(2);
    assertThat(cli("cancel", "no-such-task", "--store", store)).isEqualTo(2);
    assertThat(cli("status", "--store", "jdbc:mysql://db/x")).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(3).allMatch(line -> line.startsWith("error: "));
  }

  private String take() {
    String text = out.toString();
    out.getBuffer().setLength(0);
    return text;
  }
}
