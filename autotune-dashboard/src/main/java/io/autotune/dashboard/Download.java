package io.autotune.dashboard;

import io.autotune.dashboard.internal.ExperimentsCsv;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An answer to save as a file: a task's experiments as CSV ({@code api/tasks/{id}/experiments.csv},
 * see {@link ExperimentsCsv}) or JSON ({@code .json}, the answer of {@code
 * api/tasks/{id}/experiments}), named after the task. Immutable.
 */
record Download(String fileName, String contentType, byte[] body) {

  static Download of(TaskLog log, String format, Instant now) {
    String name = "experiments-" + safe(log.task().name()) + "." + format;
    if (format.equals("csv")) {
      String csv = ExperimentsCsv.write(log.task().spec(), log.experiments(), now);
      return new Download(
          name, "text/csv;charset=utf-8;header=present", csv.getBytes(StandardCharsets.UTF_8));
    }
    try {
      return new Download(
          name, "application/json", Json.MAPPER.writeValueAsBytes(TaskViews.experiments(log, now)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("could not write the experiments as JSON", e);
    }
  }

  /** The header that has the browser save it under its name. */
  String contentDisposition() {
    return "attachment; filename=\"" + fileName + "\"";
  }

  /** The task's name with anything but letters, digits, dot, dash and underscore as '_'. */
  static String safe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "task" + safe : safe;
  }
}
