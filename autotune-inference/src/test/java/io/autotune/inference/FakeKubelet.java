package io.autotune.inference;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Plays the kubelet for fabric8's mock API server in CRUD mode, where pods never run on their own:
 * every 50 ms it gives each new pod of its namespace the status that the test chose (running with
 * an IP and Ready, failed with an exit code, never scheduled), and keeps the pods as created.
 */
final class FakeKubelet implements AutoCloseable {

  static final String POD_IP = "10.0.0.7";

  private final KubernetesClient client;
  private final String namespace;
  private final Function<Pod, PodStatus> status;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  final List<Pod> created = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  FakeKubelet(KubernetesClient client, String namespace, Function<Pod, PodStatus> status) {
    this.client = client;
    this.namespace = namespace;
    this.status = status;
    this.thread = new Thread(this::loop, "fake-kubelet");
    thread.setDaemon(true);
    thread.start();
  }

  /** Running on {@link #POD_IP}, Ready, its container running. */
  static PodStatus running(Pod pod) {
    return new PodStatusBuilder()
        .withPhase("Running")
        .withPodIP(POD_IP)
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName("server")
                .withReady(true)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .build())
        .build();
  }

  /** Failed: the container exited with {@code code}. */
  static PodStatus failed(int code) {
    return new PodStatusBuilder()
        .withPhase("Failed")
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName("server")
                .withNewState()
                .withNewTerminated()
                .withExitCode(code)
                .withReason("Error")
                .endTerminated()
                .endState()
                .build())
        .build();
  }

  /** Pending for good: no node has the GPUs it asks for. */
  static PodStatus unschedulable(Pod pod) {
    return new PodStatusBuilder()
        .withPhase("Pending")
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("False")
        .withReason("Unschedulable")
        .withMessage("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")
        .endCondition()
        .build();
  }

  /** Pending, its image not pullable. */
  static PodStatus imagePullBackOff(Pod pod) {
    return new PodStatusBuilder()
        .withPhase("Pending")
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName("server")
                .withNewState()
                .withNewWaiting()
                .withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"no/such:image\"")
                .endWaiting()
                .endState()
                .build())
        .build();
  }

  private void loop() {
    while (!stopped) {
      try {
        for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
          if (seen.add(pod.getMetadata().getName())) {
            created.add(pod);
            pod.setStatus(status.apply(pod));
            client.pods().inNamespace(namespace).resource(pod).updateStatus();
          }
        }
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a pod deleted between the list and the update: the next round sees the rest
      }
    }
  }

  /** The names of the pods in the namespace now. */
  List<String> pods() {
    return client.pods().inNamespace(namespace).list().getItems().stream()
        .map(p -> p.getMetadata().getName())
        .toList();
  }

  /** Creates a pod as a dead owner left it: with these labels, running. */
  void leftover(String name, Map<String, String> labels) {
    seen.add(name);
    client
        .pods()
        .inNamespace(namespace)
        .resource(
            new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("server")
                .withImage("old")
                .endContainer()
                .endSpec()
                .build())
        .create();
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.interrupt();
    thread.join(5000);
  }
}
