package io.autotune.inference;

import java.util.List;
import java.util.Objects;

/** The validated settings of a {@link DockerServerRunner}. Immutable. */
record DockerSettings(
    LocalServerSettings server,
    String image,
    String docker,
    List<String> runArguments,
    String worker) {

  DockerSettings {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(docker, "docker");
    runArguments = List.copyOf(runArguments);
    Objects.requireNonNull(worker, "worker");
  }
}
