package io.autotune.examples.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The simulated server's command line, in SGLang's spelling ({@code --tp-size 2
 * --mem-fraction-static 0.85 ...}). Unknown flags are errors, as in SGLang. Immutable.
 */
record SimulatorOptions(
    int port,
    String host,
    String modelName,
    String modelPath,
    double timeScale,
    ServingModel model) {

  private static final Set<String> KNOWN =
      Set.of(
          "port",
          "host",
          "model-path",
          "served-model-name",
          "time-scale",
          "tp-size",
          "mem-fraction-static",
          "schedule-policy",
          "chunked-prefill-size",
          "max-running-requests",
          "cuda-graph-max-bs");

  /** Parses {@code --name value} pairs; throws IllegalArgumentException with a usage hint. */
  static SimulatorOptions parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "").replace('_', '-');
      if (!args[i].startsWith("--") || !KNOWN.contains(name)) {
        throw new IllegalArgumentException(
            "unrecognized argument: "
                + args[i]
                + " (known: --"
                + String.join(", --", new java.util.TreeSet<>(KNOWN))
                + ")");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("argument --" + name + " expects a value");
      }
      values.put(name, args[++i]);
    }
    String modelPath = values.getOrDefault("model-path", "simulated-model");
    return new SimulatorOptions(
        Integer.parseInt(values.getOrDefault("port", "30000")),
        values.getOrDefault("host", "127.0.0.1"),
        values.getOrDefault("served-model-name", modelPath),
        modelPath,
        Double.parseDouble(values.getOrDefault("time-scale", "1")),
        ServingModel.fromFlags(values));
  }
}
