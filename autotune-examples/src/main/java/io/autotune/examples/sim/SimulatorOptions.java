package io.autotune.examples.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulated server's command line, in SGLang's spelling ({@code --tp-size 2
 * --mem-fraction-static 0.85 ... --disable-radix-cache}). Unknown flags are errors, as in SGLang.
 * Immutable.
 *
 * @param radixCache false with {@code --disable-radix-cache} (a flag without a value)
 */
record SimulatorOptions(
    int port,
    String host,
    String modelName,
    String modelPath,
    double timeScale,
    boolean radixCache,
    ServingModel model) {

  private static final Set<String> SWITCHES = Set.of("disable-radix-cache");

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
      if (!args[i].startsWith("--") || (!KNOWN.contains(name) && !SWITCHES.contains(name))) {
        Set<String> known = new TreeSet<>(KNOWN);
        known.addAll(SWITCHES);
        throw new IllegalArgumentException(
            "unrecognized argument: " + args[i] + " (known: --" + String.join(", --", known) + ")");
      }
      if (SWITCHES.contains(name)) {
        values.put(name, "true");
        continue;
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
        !values.containsKey("disable-radix-cache"),
        ServingModel.fromFlags(values));
  }
}
