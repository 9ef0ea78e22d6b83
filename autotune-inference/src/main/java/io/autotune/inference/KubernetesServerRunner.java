package io.autotune.inference;

import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.spi.ExperimentContext;
import io.autotune.spi.ExperimentRunner;
import io.autotune.spi.Phase;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The {@code kubernetes} runner: the {@link LocalServerRunner local-server} runner's server,
 * launched per experiment in a pod that the cluster's scheduler places on any node with the GPUs it
 * asks for, so that one task's experiments spread over a whole cluster.
 *
 * <p>Per experiment: delete the pods a dead owner left of the same experiment (found by their
 * labels), create one pod ({@code restartPolicy: Never}) with the image, the command and the
 * configuration's flags, {@code nvidia.com/gpu} limits of tp × dp × pp, the node selector,
 * tolerations, resources and pull secrets, and the labels {@code autotune.io/task}, {@code
 * autotune.io/experiment}, {@code autotune.io/worker}; wait until it runs and its server answers at
 * the pod's IP; benchmark it; delete it on every exit path (the tuning loop's cleanup deletes it
 * too, and its {@code activeDeadlineSeconds}, the experiment's deadline plus a margin, has the
 * kubelet stop it should every owner be gone). The worker must reach pod IPs: run it in the
 * cluster. GPUs are the cluster's, so the tuning loop assigns none of this host's ({@link #gpusFor}
 * is 0). Thread-safe.
 */
public final class KubernetesServerRunner implements ExperimentRunner {

  private final KubernetesSettings settings;
  private final Optional<KubernetesClient> given;
  private final BiFunction<Pod, Integer, Optional<URI>> address;
  private final LoadGenerator loadGenerator = LoadGenerator.create();
  private KubernetesClient client; // guarded by this; the given one, or made on first use

  KubernetesServerRunner(
      KubernetesSettings settings,
      Optional<KubernetesClient> client,
      BiFunction<Pod, Integer, Optional<URI>> address) {
    this.settings = settings;
    this.given = client;
    this.address = address;
  }

  /** The client: the builder's, else one from the kubeconfig or the pod's service account. */
  private synchronized KubernetesClient client() {
    if (client == null) {
      client = given.orElseGet(() -> new KubernetesClientBuilder().build());
    }
    return client;
  }

  /** A builder; {@link Builder#server} and {@link Builder#image} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The runner a task describes: its {@code runner} section with {@code "type": "kubernetes"}. */
  public static KubernetesServerRunner fromTask(TaskSpec spec) {
    return KubernetesRunnerJson.fromTask(spec);
  }

  KubernetesSettings settings() {
    return settings;
  }

  private String namespace() {
    return settings
        .namespace()
        .orElseGet(() -> Optional.ofNullable(client().getNamespace()).orElse("default"));
  }

  @Override
  public Map<String, Double> run(ExperimentContext context) throws Exception {
    LocalServerSettings server = settings.server();
    ServerExperiment.checkBeforeLaunch(server);
    context.log("kubernetes API server " + client().getMasterUrl() + ", namespace " + namespace());
    List<String> left = removeLeftovers(context.taskId(), context.number());
    if (!left.isEmpty()) {
      context.log("deleted pods a previous owner left: " + left);
    }
    context.phase(Phase.DEPLOYING);
    String name = ServerLabels.name(context.taskId(), context.number(), suffix());
    Pod pod = PodSpecs.pod(settings, context, name);
    KubernetesPod deployed =
        new KubernetesPod(
            client(), namespace(), name, settings.port(), address, server.shutdownGrace());
    context.onCleanup(deployed::remove);
    context.log(
        "creating pod "
            + namespace()
            + "/"
            + name
            + ": "
            + pod.getSpec().getContainers().get(0).getCommand());
    client().pods().inNamespace(namespace()).resource(pod).create();
    return ServerExperiment.run(context, server, loadGenerator, deployed);
  }

  /**
   * Deletes the pods of experiment {@code number} of task {@code taskId}, whoever created them;
   * returns their names. Called before each experiment is launched.
   */
  public List<String> removeLeftovers(String taskId, int number) {
    return delete(ServerLabels.experiment(taskId, number));
  }

  /** Deletes the pods of every experiment of task {@code taskId}; returns their names. */
  public List<String> removeLeftovers(String taskId) {
    return delete(ServerLabels.task(taskId));
  }

  private List<String> delete(Map<String, String> labels) {
    return client().pods().inNamespace(namespace()).withLabels(labels).delete().stream()
        .map(StatusDetails::getName)
        .toList();
  }

  /** 0: the pod's GPUs are the cluster's, not this host's; the pod asks for tp × dp × pp. */
  @Override
  public int gpusFor(Configuration configuration) {
    return 0;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** The pod's IP: {@code http://POD_IP:PORT/}, once it has one. */
  static Optional<URI> podIp(Pod pod, int port) {
    return Optional.ofNullable(pod.getStatus().getPodIP())
        .filter(ip -> !ip.isBlank())
        .map(
            ip ->
                URI.create(
                    "http://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port + "/"));
  }

  /** Builds a {@link KubernetesServerRunner}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private LocalServerRunner server;
    private String image;
    private Optional<String> namespace = Optional.empty();
    private Map<String, String> nodeSelector = Map.of();
    private List<Toleration> tolerations = List.of();
    private Map<String, String> requests = Map.of();
    private Map<String, String> limits = Map.of();
    private String gpuResource = "nvidia.com/gpu";
    private List<String> imagePullSecrets = List.of();
    private Optional<String> shmSize = Optional.empty();
    private Optional<String> serviceAccount = Optional.empty();
    private String worker = UUID.randomUUID().toString();
    private KubernetesClient client;
    private BiFunction<Pod, Integer, Optional<URI>> address = KubernetesServerRunner::podIp;

    private Builder() {}

    /**
     * The server to run in the pod: its command (or runtime), model, port, boolean flags,
     * environment, benchmark, poll interval and shutdown grace (the pod's termination grace). Its
     * host is not used: the server binds {@code 0.0.0.0}. No default.
     */
    public Builder server(LocalServerRunner server) {
      this.server = Objects.requireNonNull(server, "server");
      return this;
    }

    /** The image, e.g. {@code vllm/vllm-openai:latest}. No default. */
    public Builder image(String image) {
      this.image = DockerServerRunner.Builder.nonBlank("image", image);
      return this;
    }

    /** The namespace of the pods. Default: the client's (kubeconfig, or the pod's own). */
    public Builder namespace(String namespace) {
      this.namespace = Optional.of(DockerServerRunner.Builder.nonBlank("namespace", namespace));
      return this;
    }

    /** The pods' node selector. Default: none. */
    public Builder nodeSelector(Map<String, String> nodeSelector) {
      this.nodeSelector = Map.copyOf(nodeSelector);
      return this;
    }

    /** The pods' tolerations (e.g. of a GPU node taint). Default: none. */
    public Builder tolerations(List<Toleration> tolerations) {
      this.tolerations = List.copyOf(tolerations);
      return this;
    }

    /** Resource requests of the server's container (cpu, memory, ...). Default: none. */
    public Builder requests(Map<String, String> requests) {
      this.requests = Map.copyOf(requests);
      return this;
    }

    /** Resource limits of the server's container, besides the GPUs. Default: none. */
    public Builder limits(Map<String, String> limits) {
      this.limits = Map.copyOf(limits);
      return this;
    }

    /**
     * The extended resource of a GPU (e.g. {@code amd.com/gpu}). Default: {@code nvidia.com/gpu}.
     */
    public Builder gpuResource(String gpuResource) {
      this.gpuResource = DockerServerRunner.Builder.nonBlank("gpuResource", gpuResource);
      return this;
    }

    /** Secrets to pull the image with. Default: none. */
    public Builder imagePullSecrets(List<String> imagePullSecrets) {
      this.imagePullSecrets = List.copyOf(imagePullSecrets);
      return this;
    }

    /** A memory-backed /dev/shm of this size (e.g. {@code 16Gi}). Default: the pod's 64 MiB. */
    public Builder shmSize(String shmSize) {
      this.shmSize = Optional.of(DockerServerRunner.Builder.nonBlank("shmSize", shmSize));
      return this;
    }

    /** The pods' service account. Default: the namespace's default. */
    public Builder serviceAccount(String serviceAccount) {
      this.serviceAccount =
          Optional.of(DockerServerRunner.Builder.nonBlank("serviceAccount", serviceAccount));
      return this;
    }

    /** The value of the {@code autotune.io/worker} label. Default: a random id per runner. */
    public Builder worker(String worker) {
      this.worker = DockerServerRunner.Builder.nonBlank("worker", worker);
      return this;
    }

    /**
     * The client. Default: {@code new KubernetesClientBuilder().build()} (kubeconfig or
     * in-cluster).
     */
    public Builder client(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Where a running pod's server answers (tests point it at a local server). Default: its IP. */
    Builder address(BiFunction<Pod, Integer, Optional<URI>> address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    public KubernetesServerRunner build() {
      if (server == null) {
        throw new IllegalStateException("a server (what to run in the pod) is required");
      }
      if (image == null) {
        throw new IllegalStateException("an image is required");
      }
      LocalServerSettings settings = server.settings();
      return new KubernetesServerRunner(
          new KubernetesSettings(
              settings,
              image,
              namespace,
              settings.port().orElse(8000),
              nodeSelector,
              tolerations,
              requests,
              limits,
              gpuResource,
              imagePullSecrets,
              shmSize,
              serviceAccount,
              worker),
          Optional.ofNullable(client),
          address);
    }
  }
}
