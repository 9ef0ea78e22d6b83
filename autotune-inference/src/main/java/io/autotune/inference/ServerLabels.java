package io.autotune.inference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The labels on an experiment's container or pod: its task, its experiment number and the worker
 * that launched it, so that whoever runs the experiment next finds what a dead owner left. Values
 * are made valid Kubernetes label values (at most 63 of {@code [A-Za-z0-9_.-]}, alphanumeric at
 * both ends); one that is not is replaced by a hash of it. Stateless.
 */
final class ServerLabels {

  static final String TASK = "autotune.io/task";
  static final String EXPERIMENT = "autotune.io/experiment";
  static final String WORKER = "autotune.io/worker";

  private static final Pattern VALID =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

  private ServerLabels() {}

  /** The labels that find the servers of one task. */
  static Map<String, String> task(String taskId) {
    return Map.of(TASK, value(taskId));
  }

  /** The labels that find the servers of one experiment. */
  static Map<String, String> experiment(String taskId, int number) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(TASK, value(taskId));
    labels.put(EXPERIMENT, String.valueOf(number));
    return labels;
  }

  /** The labels of a server launched for an experiment by {@code worker}. */
  static Map<String, String> of(String taskId, int number, String worker) {
    Map<String, String> labels = experiment(taskId, number);
    labels.put(WORKER, value(worker));
    return Map.copyOf(labels);
  }

  /** {@code raw} if it is a valid label value, else the first 16 hex digits of its SHA-256. */
  static String value(String raw) {
    if (VALID.matcher(raw).matches()) {
      return raw;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * A name for an experiment's container or pod: {@code autotune-TASK-eN-SUFFIX}, lower case, at
   * most 63 characters (a DNS label, valid for Docker and Kubernetes alike).
   */
  static String name(String taskId, int number, String suffix) {
    String task = value(taskId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    String tail = "-e" + number + "-" + suffix;
    String head = "autotune-" + task;
    head = head.substring(0, Math.min(head.length(), 63 - tail.length())).replaceAll("-+$", "");
    return head + tail;
  }
}
