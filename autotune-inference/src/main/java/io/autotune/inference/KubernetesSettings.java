package io.autotune.inference;

import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The validated settings of a {@link KubernetesServerRunner}. Immutable. */
record KubernetesSettings(
    LocalServerSettings server,
    String image,
    Optional<String> namespace,
    int port,
    Map<String, String> nodeSelector,
    List<Toleration> tolerations,
    Map<String, String> requests,
    Map<String, String> limits,
    String gpuResource,
    List<String> imagePullSecrets,
    Optional<String> shmSize,
    Optional<String> serviceAccount,
    String worker) {

  KubernetesSettings {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(image, "image");
    nodeSelector = Map.copyOf(nodeSelector);
    tolerations = List.copyOf(tolerations);
    requests = Map.copyOf(requests);
    limits = Map.copyOf(limits);
    imagePullSecrets = List.copyOf(imagePullSecrets);
  }
}
