package io.autotune.inference;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The validated settings of a {@link LocalServerRunner}. Immutable. */
record LocalServerSettings(
    CommandTemplate command,
    Optional<String> model,
    String host,
    OptionalInt port,
    boolean usesGpus,
    BenchmarkSpec benchmark,
    Duration pollInterval,
    Duration shutdownGrace,
    Map<String, String> environment) {}
