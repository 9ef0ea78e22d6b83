package io.autotune.inference;

import io.autotune.spi.ExperimentContext;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The pod of one experiment, from the runner's settings and the experiment's context. */
final class PodSpecs {

  /** What the pod may run past the experiment's deadline before the kubelet stops it. */
  static final Duration DEADLINE_MARGIN = Duration.ofSeconds(60);

  private PodSpecs() {}

  /** The pod; it asks for tp × dp × pp GPUs, or none if the server uses none. */
  static Pod pod(KubernetesSettings settings, ExperimentContext context, String name) {
    LocalServerSettings server = settings.server();
    int gpus = server.usesGpus() ? LocalServerRunner.parallelism(context.configuration()) : 0;
    List<String> command =
        server
            .command()
            .render(
                LocalServerRunner.placeholders(server, "0.0.0.0", settings.port()),
                context.configuration());
    ContainerBuilder container =
        new ContainerBuilder()
            .withName("server")
            .withImage(settings.image())
            .withCommand(command)
            .addNewPort()
            .withName("http")
            .withContainerPort(settings.port())
            .endPort()
            .withEnv(
                new TreeMap<>(server.environment())
                    .entrySet().stream()
                        .map(e -> new EnvVar(e.getKey(), e.getValue(), null))
                        .toList())
            .withNewResources()
            .withRequests(quantities(settings.requests(), Map.of()))
            .withLimits(quantities(settings.limits(), gpuLimit(settings, gpus)))
            .endResources();
    PodSpecBuilder spec =
        new PodSpecBuilder()
            .withRestartPolicy("Never")
            .withActiveDeadlineSeconds(activeDeadline(context, server))
            .withTerminationGracePeriodSeconds(server.shutdownGrace().toSeconds())
            .withNodeSelector(settings.nodeSelector().isEmpty() ? null : settings.nodeSelector())
            .withTolerations(settings.tolerations())
            .withImagePullSecrets(
                settings.imagePullSecrets().stream().map(LocalObjectReference::new).toList());
    settings.serviceAccount().ifPresent(spec::withServiceAccountName);
    settings
        .shmSize()
        .ifPresent(
            size -> {
              // SGLang and vLLM share tensors through /dev/shm, which is 64 MiB in a pod
              spec.addToVolumes(
                  new VolumeBuilder()
                      .withName("dshm")
                      .withNewEmptyDir()
                      .withMedium("Memory")
                      .withSizeLimit(new Quantity(size))
                      .endEmptyDir()
                      .build());
              container.withVolumeMounts(
                  new VolumeMountBuilder().withName("dshm").withMountPath("/dev/shm").build());
            });
    spec.withContainers(container.build());
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(ServerLabels.of(context.taskId(), context.number(), settings.worker()))
        .endMetadata()
        .withSpec(spec.build())
        .build();
  }

  /**
   * The experiment's time left, plus the shutdown grace and a margin: a pod whose worker died is
   * stopped by the kubelet then, and frees its GPUs, even if nobody deletes it.
   */
  static long activeDeadline(ExperimentContext context, LocalServerSettings server) {
    return context.remaining().plus(server.shutdownGrace()).plus(DEADLINE_MARGIN).toSeconds();
  }

  private static Map<String, String> gpuLimit(KubernetesSettings settings, int gpus) {
    return gpus > 0 ? Map.of(settings.gpuResource(), String.valueOf(gpus)) : Map.of();
  }

  private static Map<String, Quantity> quantities(
      Map<String, String> given, Map<String, String> more) {
    Map<String, Quantity> all = new LinkedHashMap<>();
    new TreeMap<>(given).forEach((key, value) -> all.put(key, new Quantity(value)));
    more.forEach((key, value) -> all.put(key, new Quantity(value)));
    return all.isEmpty() ? null : all;
  }
}
