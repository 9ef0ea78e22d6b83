package io.autotune.inference;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * A server in a Kubernetes pod. Its state is read from the API server: the address once the pod
 * runs, how it ended when it failed (the container's exit code and reason) or cannot start (an
 * image that cannot be pulled), and why it waits (never scheduled). Removed by deleting the pod.
 * Thread-safe.
 */
final class KubernetesPod implements DeployedServer {

  /** Waiting reasons that do not resolve by waiting. */
  private static final Set<String> STUCK =
      Set.of(
          "ErrImagePull",
          "ImagePullBackOff",
          "InvalidImageName",
          "ErrImageNeverPull",
          "CreateContainerConfigError",
          "CreateContainerError");

  private static final Duration DELETE_WAIT_MARGIN = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final int port;
  private final BiFunction<Pod, Integer, Optional<URI>> address;
  private final Duration grace;
  private volatile Optional<Pod> last = Optional.empty();

  KubernetesPod(
      KubernetesClient client,
      String namespace,
      String name,
      int port,
      BiFunction<Pod, Integer, Optional<URI>> address,
      Duration grace) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.port = port;
    this.address = address;
    this.grace = grace;
  }

  String name() {
    return name;
  }

  private PodResource resource() {
    return client.pods().inNamespace(namespace).withName(name);
  }

  /** The pod as the API server has it now; empty once it is gone. */
  private Optional<Pod> refresh() {
    last = Optional.ofNullable(resource().get());
    return last;
  }

  @Override
  public Optional<URI> base() {
    Optional<Pod> pod = last.isPresent() ? last : refresh();
    return pod.filter(p -> "Running".equals(phase(p))).flatMap(p -> address.apply(p, port));
  }

  @Override
  public Optional<Exit> exit() {
    Optional<Pod> pod;
    try {
      pod = refresh();
    } catch (KubernetesClientException e) {
      return Optional
          .empty(); // the API server did not answer this time: ask again at the next poll
    }
    if (pod.isEmpty()) {
      return Optional.of(new Exit(OptionalInt.empty(), "lost its pod " + name + " (deleted)"));
    }
    String phase = phase(pod.get());
    Optional<ContainerState> state = containerState(pod.get());
    if ("Failed".equals(phase) || "Succeeded".equals(phase)) {
      return Optional.of(ended(pod.get(), phase, state));
    }
    return state
        .map(ContainerState::getWaiting)
        .filter(waiting -> STUCK.contains(waiting.getReason()))
        .map(
            waiting ->
                new Exit(
                    OptionalInt.empty(),
                    "could not start in pod "
                        + name
                        + ": "
                        + waiting.getReason()
                        + messageOf(waiting.getMessage())));
  }

  private Exit ended(Pod pod, String phase, Optional<ContainerState> state) {
    Optional<io.fabric8.kubernetes.api.model.ContainerStateTerminated> terminated =
        state.map(ContainerState::getTerminated);
    OptionalInt code =
        terminated.map(t -> OptionalInt.of(t.getExitCode())).orElse(OptionalInt.empty());
    String reason =
        terminated
            .map(io.fabric8.kubernetes.api.model.ContainerStateTerminated::getReason)
            .or(() -> Optional.ofNullable(pod.getStatus().getReason()))
            .orElse(phase);
    String message =
        Optional.ofNullable(pod.getStatus().getMessage())
            .or(
                () ->
                    terminated.map(
                        io.fabric8.kubernetes.api.model.ContainerStateTerminated::getMessage))
            .orElse(null);
    return new Exit(
        code,
        (code.isPresent() ? "exited with code " + code.getAsInt() : "ended")
            + " (pod "
            + name
            + " "
            + phase
            + ": "
            + reason
            + messageOf(message)
            + ")");
  }

  /** Where the pod is: its phase, why it is not scheduled, why its container waits. */
  @Override
  public String state() {
    Optional<Pod> pod;
    try {
      pod = refresh();
    } catch (KubernetesClientException e) {
      return "pod " + name + ": " + e.getMessage();
    }
    if (pod.isEmpty()) {
      return "pod " + name + " is gone";
    }
    StringBuilder state = new StringBuilder("pod " + name + " is " + phase(pod.get()));
    conditions(pod.get()).stream()
        .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
        .findFirst()
        .ifPresent(
            c ->
                state
                    .append(", never scheduled: ")
                    .append(c.getReason())
                    .append(messageOf(c.getMessage())));
    containerState(pod.get())
        .map(ContainerState::getWaiting)
        .ifPresent(
            waiting ->
                state
                    .append(", its container waits: ")
                    .append(waiting.getReason())
                    .append(messageOf(waiting.getMessage())));
    return state.toString();
  }

  @Override
  public String logTail(int lines) {
    try {
      return Objects.requireNonNullElse(resource().tailingLines(lines).getLog(), "").strip();
    } catch (KubernetesClientException e) {
      return "";
    }
  }

  /** Deletes the pod (the kubelet sends SIGTERM, SIGKILL after the grace) and waits until gone. */
  @Override
  public void remove() {
    boolean interrupted = Thread.interrupted();
    try {
      resource().withGracePeriod(grace.toSeconds()).delete();
      resource()
          .waitUntilCondition(
              Objects::isNull, grace.plus(DELETE_WAIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
    } catch (KubernetesClientException e) {
      // the pod stays for the next owner's leftover sweep, or its active deadline
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String phase(Pod pod) {
    return Optional.ofNullable(pod.getStatus()).map(PodStatus::getPhase).orElse("Pending");
  }

  private static List<PodCondition> conditions(Pod pod) {
    return Optional.ofNullable(pod.getStatus()).map(PodStatus::getConditions).orElse(List.of());
  }

  private static Optional<ContainerState> containerState(Pod pod) {
    return Optional.ofNullable(pod.getStatus())
        .map(PodStatus::getContainerStatuses)
        .filter(statuses -> !statuses.isEmpty())
        .map(statuses -> statuses.get(0))
        .map(ContainerStatus::getState);
  }

  private static String messageOf(String message) {
    return message == null || message.isBlank() ? "" : ": " + message.strip();
  }
}
