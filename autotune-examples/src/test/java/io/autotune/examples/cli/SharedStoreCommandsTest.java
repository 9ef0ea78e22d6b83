package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
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
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private String store;

  @BeforeEach
  void captureOutput() {
    originalOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    store = "jdbc:h2:file:" + dir.resolve("autotune");
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(originalOut);
  }

  @Test
  void aSubmittedTaskIsListedPendingAndCancellingItFinishesIt() throws Exception {
    Path task = Files.writeString(dir.resolve("task.json"), TASK);
    assertThat(AutotuneCli.execute("submit", task.toString(), "--store", store)).isZero();
    String id = take().trim();

    assertThat(AutotuneCli.execute("status", "--store", store, "--json")).isZero();
    JsonNode listed = new ObjectMapper().readTree(take()).get(0);
    assertThat(listed.get("id").asText()).isEqualTo(id);
    assertThat(listed.get("status").asText()).isEqualTo("PENDING");
    assertThat(listed.get("max_experiments").asInt()).isEqualTo(3);

    assertThat(AutotuneCli.execute("cancel", id, "--store", store)).isZero();
    assertThat(take()).contains("CANCELLED");
    assertThat(AutotuneCli.execute("status", "--store", store)).isZero();
    assertThat(take()).contains(id, "CANCELLED", "0/3");
    assertThat(AutotuneCli.execute("experiments", id, "--store", store, "--json")).isZero();
    assertThat(take().trim()).isEqualTo("[ ]");
  }

  @Test
  void anUnknownTaskOrStoreIsAOneLineError() {
    assertThat(AutotuneCli.execute("experiments", "no-such-task", "--store", store)).isEqualTo(2);
    assertThat(AutotuneCli.execute("cancel", "no-such-task", "--store", store)).isEqualTo(2);
    assertThat(AutotuneCli.execute("status", "--store", "jdbc:mysql://db/x")).isEqualTo(2);
  }

  private String take() {
    String text = out.toString(StandardCharsets.UTF_8);
    out.reset();
    return text;
  }
}
