package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Label values and names that Docker and Kubernetes both accept. */
class ServerLabelsTest {

  @Test
  void aValidValueIsKeptAndAnInvalidOneIsHashed() {
    assertThat(ServerLabels.value("3f2a-task_1.x")).isEqualTo("3f2a-task_1.x");
    assertThat(ServerLabels.value("my task/1")).hasSize(16).matches("[0-9a-f]+");
    assertThat(ServerLabels.value("my task/1")).isEqualTo(ServerLabels.value("my task/1"));
    assertThat(ServerLabels.value("x".repeat(64))).hasSize(16);
  }

  @Test
  void namesAreLowerCaseDnsLabelsOfAtMost63Characters() {
    assertThat(ServerLabels.name("Task_1", 7, "abc")).isEqualTo("autotune-task-1-e7-abc");
    String name = ServerLabels.name("a".repeat(62), 12345, "0123abcd");
    assertThat(name)
        .hasSizeLessThanOrEqualTo(63)
        .endsWith("-e12345-0123abcd")
        .startsWith("autotune-aaa");
  }
}
