package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.InvalidTaskException;
import io.autotune.model.TaskJson;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kubernetes runner's section of the task JSON. */
@EnableKubernetesMockClient(crud = true)
class KubernetesRunnerJsonTest {

  KubernetesClient client;

  private static KubernetesServerRunner parse(String runner) {
    return KubernetesServerRunner.fromTask(
        TaskJson.parse(
            """
            {"task_name": "t", "base_runtime": "vllm", "parameters": {"tensor-parallel-size": [1, 2]},
             "optimization": {"objective": "maximize_throughput"},
             "runner": {"type": "kubernetes", "model": "m", %s}}
            """
                .formatted(runner)));
  }

  @Test
  void readsThePodsImagePlacementAndResources() {
    KubernetesSettings settings =
        parse(
                """
                "image": "vllm/vllm-openai:v0.11", "namespace": "tuning", "port": 8080,
                "node_selector": {"nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3"},
                "tolerations": [{"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule",
                                 "tolerationSeconds": 30}],
                "resources": {"requests": {"cpu": "8", "memory": "64Gi"}, "limits": {"memory": "64Gi"}},
                "gpu_resource": "amd.com/gpu", "image_pull_secrets": ["registry"], "shm_size": "16Gi",
                "service_account": "tuner", "worker": "w1", "env": {"HF_TOKEN": "t"}
                """)
            .settings();

    assertThat(settings.image()).isEqualTo("vllm/vllm-openai:v0.11");
    assertThat(settings.namespace()).hasValue("tuning");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.nodeSelector())
        .isEqualTo(Map.of("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"));
    assertThat(settings.tolerations())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
              assertThat(t.getOperator()).isEqualTo("Exists");
              assertThat(t.getEffect()).isEqualTo("NoSchedule");
              assertThat(t.getTolerationSeconds()).isEqualTo(30L);
            });
    assertThat(settings.requests()).isEqualTo(Map.of("cpu", "8", "memory", "64Gi"));
    assertThat(settings.limits()).isEqualTo(Map.of("memory", "64Gi"));
    assertThat(settings.gpuResource()).isEqualTo("amd.com/gpu");
    assertThat(settings.imagePullSecrets()).isEqualTo(List.of("registry"));
    assertThat(settings.shmSize()).hasValue("16Gi");
    assertThat(settings.serviceAccount()).hasValue("tuner");
    assertThat(settings.worker()).isEqualTo("w1");
    assertThat(settings.server().command().parts()).isEqualTo(CommandTemplate.VLLM);
  }

  @Test
  void theDefaultsAreTheClientsNamespacePort8000AndNvidiaGpus() {
    KubernetesSettings settings = parse("\"image\": \"i\"").settings();

    assertThat(settings.namespace()).isEmpty();
    assertThat(settings.port()).isEqualTo(8000);
    assertThat(settings.gpuResource()).isEqualTo("nvidia.com/gpu");
    assertThat(settings.nodeSelector()).isEmpty();
    assertThat(settings.shmSize()).isEmpty();
  }

  @Test
  void aServerWithoutGpusAsksForNone() {
    KubernetesServerRunner runner = parse("\"image\": \"i\", \"uses_gpus\": false");
    io.autotune.testing.FakeExperimentContext context =
        new io.autotune.testing.FakeExperimentContext(
            Map.of("tensor-parallel-size", 2),
            java.time.Duration.ofSeconds(60),
            java.nio.file.Path.of("x"));

    assertThat(
            PodSpecs.pod(runner.settings(), context, "p")
                .getSpec()
                .getContainers()
                .get(0)
                .getResources()
                .getLimits())
        .isNull();
  }

  @Test
  void badInputNamesItsJsonPath() {
    assertThatThrownBy(() -> parse("\"namespace\": \"n\""))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining("runner.image");
    assertThatThrownBy(() -> parse("\"image\": \"i\", \"node_selector\": [\"a\"]"))
        .hasMessageContaining("runner.node_selector");
    assertThatThrownBy(() -> parse("\"image\": \"i\", \"node_selector\": {\"a\": {\"b\": 1}}"))
        .hasMessageContaining("runner.node_selector.a");
    assertThatThrownBy(() -> parse("\"image\": \"i\", \"tolerations\": {\"key\": \"k\"}"))
        .hasMessageContaining("runner.tolerations");
    assertThatThrownBy(() -> parse("\"image\": \"i\", \"tolerations\": [{\"keys\": \"k\"}]"))
        .hasMessageContaining("runner.tolerations[0]");
    assertThatThrownBy(
            () -> parse("\"image\": \"i\", \"resources\": {\"requests\": {\"cpu\": \"lots\"}}"))
        .hasMessageContaining("runner.resources.requests.cpu")
        .hasMessageContaining("not a Kubernetes quantity");
    assertThatThrownBy(() -> parse("\"image\": \"i\", \"resources\": {\"gpus\": {}}"))
        .hasMessageContaining("runner.resources");
    assertThatThrownBy(() -> parse("\"image\": \"i\", \"shm_size\": \"big\""))
        .hasMessageContaining("runner.shm_size");
    assertThatThrownBy(() -> parse("\"image\": \"i\", \"host\": \"0.0.0.0\""))
        .hasMessageContaining("runner.host");
  }
}
