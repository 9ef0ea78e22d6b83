package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.model.Objective;
import io.autotune.space.Configuration;
import io.autotune.spi.Phase;
import io.autotune.testing.FakeExperimentContext;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubernetes runner against fabric8's mock API server in CRUD mode, a test kubelet that sets
 * the pods' status, and the scripted OpenAI server as the pod's server (in this JVM, reached
 * through the pod's IP mapped to it): the pod it asks for, and that the pod is deleted on every
 * exit path.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesServerRunnerTest {

  private static final String NAMESPACE = "tuning";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path work;
  private ScriptedServer scripted;
  private FakeKubelet kubelet;

  @BeforeEach
  void startTheServer() throws Exception {
    scripted = ScriptedServer.start(ScriptedServer.Mode.NORMAL, new long[] {5}, 1);
  }

  @AfterEach
  void stop() throws Exception {
    scripted.close();
    if (kubelet != null) {
      kubelet.close();
    }
  }

  private void kubelet(Function<Pod, PodStatus> status) {
    kubelet = new FakeKubelet(client, NAMESPACE, status);
  }

  private KubernetesServerRunner.Builder runner(BenchmarkSpec benchmark) {
    return KubernetesServerRunner.builder()
        .server(
            LocalServerRunner.builder()
                .runtime("vllm")
                .model("meta-llama/Llama-3.1-8B-Instruct")
                .benchmark(benchmark)
                .environment(Map.of("HF_TOKEN", "secret"))
                .pollInterval(Duration.ofMillis(100))
                .shutdownGrace(Duration.ofSeconds(1))
                .build())
        .image("vllm/vllm-openai:v0.11")
        .namespace(NAMESPACE)
        .client(client)
        .worker("worker-7")
        .address((pod, port) -> KubernetesServerRunner.podIp(pod, port).map(ip -> scripted.base()));
  }

  private KubernetesServerRunner runner() {
    return runner(ScriptedServers.SMALL_BENCHMARK).build();
  }

  private FakeExperimentContext context(Map<String, ?> configuration, Duration timeout) {
    return new FakeExperimentContext(configuration, timeout, work.resolve("exp-1"));
  }

  @Test
  void runsTheServerInAPodAsksForItsGpusBenchmarksItAndDeletesIt() throws Exception {
    kubelet(FakeKubelet::running);
    FakeExperimentContext context =
        new FakeExperimentContext(
            Map.of(
                "tensor-parallel-size", 2, "data-parallel-size", 2, "enable-prefix-caching", false),
            Duration.ofSeconds(60),
            work.resolve("exp-1"),
            List.of(),
            Objective.maximize("throughput"));
    KubernetesServerRunner runner =
        runner(ScriptedServers.SMALL_BENCHMARK)
            .nodeSelector(Map.of("gpu", "h100"))
            .tolerations(
                List.of(
                    new TolerationBuilder()
                        .withKey("nvidia.com/gpu")
                        .withOperator("Exists")
                        .withEffect("NoSchedule")
                        .build()))
            .requests(Map.of("cpu", "8", "memory", "64Gi"))
            .limits(Map.of("memory", "64Gi"))
            .imagePullSecrets(List.of("registry"))
            .shmSize("16Gi")
            .serviceAccount("tuner")
            .build();

    Map<String, Double> metrics = runner.run(context);

    assertThat(metrics.get("throughput")).isPositive();
    assertThat(scripted.served()).isGreaterThan(0);
    assertThat(context.phases).containsExactly(Phase.DEPLOYING, Phase.BENCHMARKING);
    assertThat(kubelet.created).hasSize(1);
    Pod pod = kubelet.created.get(0);
    assertThat(pod.getMetadata().getName()).startsWith("autotune-task-1-e1-");
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("autotune.io/task", "task-1")
        .containsEntry("autotune.io/experiment", "1")
        .containsEntry("autotune.io/worker", "worker-7");
    assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getSpec().getNodeSelector()).isEqualTo(Map.of("gpu", "h100"));
    assertThat(pod.getSpec().getTolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"));
    assertThat(pod.getSpec().getImagePullSecrets())
        .singleElement()
        .satisfies(s -> assertThat(s.getName()).isEqualTo("registry"));
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("tuner");
    assertThat(pod.getSpec().getActiveDeadlineSeconds()).isBetween(55L, 121L);
    Container container = pod.getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("vllm/vllm-openai:v0.11");
    assertThat(container.getCommand())
        .startsWith(
            "vllm",
            "serve",
            "meta-llama/Llama-3.1-8B-Instruct",
            "--host",
            "0.0.0.0",
            "--port",
            "8000")
        .contains("--tensor-parallel-size", "2", "--no-enable-prefix-caching");
    assertThat(container.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8000));
    assertThat(container.getEnv())
        .singleElement()
        .satisfies(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("HF_TOKEN=secret"));
    assertThat(container.getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("4"))
        .containsEntry("memory", new Quantity("64Gi"));
    assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("8"));
    assertThat(container.getVolumeMounts())
        .singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/dev/shm"));
    assertThat(runner.gpusFor(context.configuration())).as("no GPU of this host").isZero();
    assertThat(kubelet.pods()).as("the pod is deleted").isEmpty();
  }

  @Test
  void aPodWhoseServerExitsFailsWithTheExitCodeAndTheLogTailAndIsDeleted() {
    kubelet(
        pod -> {
          server
              .expect()
              .get()
              .withPath(
                  "/api/v1/namespaces/"
                      + NAMESPACE
                      + "/pods/"
                      + pod.getMetadata().getName()
                      + "/log?pretty=false&tailLines=30")
              .andReturn(200, "loading weights...\nCUDA out of memory (scripted)\n")
              .always();
          return FakeKubelet.failed(3);
        });
    FakeExperimentContext context = context(Map.of(), Duration.ofSeconds(30));

    assertThatThrownBy(() -> runner().run(context))
        .isInstanceOfSatisfying(
            ServerStartupException.class,
            e -> {
              assertThat(e.exitCode()).hasValue(3);
              assertThat(e.logTail()).contains("CUDA out of memory (scripted)");
            })
        .hasMessageContaining("the server exited with code 3 (pod autotune-task-1-e1-")
        .hasMessageContaining("Failed: Error) before it was ready");
    assertThat(kubelet.pods()).isEmpty();
  }

  @Test
  void aPodNeverScheduledFailsAtTheDeadlineSayingWhyAndIsDeleted() {
    kubelet(FakeKubelet::unschedulable);
    FakeExperimentContext context =
        context(Map.of("tensor-parallel-size", 8), Duration.ofSeconds(3));

    assertThatThrownBy(() -> runner().run(context))
        .isInstanceOf(ServerStartupException.class)
        .hasMessageContaining("did not become ready within")
        .hasMessageContaining(
            "is Pending, never scheduled: Unschedulable: 0/3 nodes are available: 3 Insufficient"
                + " nvidia.com/gpu.");
    assertThat(kubelet.pods()).isEmpty();
  }

  @Test
  void anImageThatCannotBePulledFailsAtOnceAndThePodIsDeleted() {
    kubelet(FakeKubelet::imagePullBackOff);
    FakeExperimentContext context = context(Map.of(), Duration.ofSeconds(60));
    long start = System.nanoTime();

    assertThatThrownBy(() -> runner().run(context))
        .isInstanceOf(ServerStartupException.class)
        .hasMessageContaining("could not start in pod autotune-task-1-e1-")
        .hasMessageContaining("ImagePullBackOff: Back-off pulling image");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
    assertThat(kubelet.pods()).isEmpty();
  }

  @Test
  void aServerThatNeverAnswersIsDeletedAtTheDeadline() {
    kubelet(FakeKubelet::running);
    URI nothing = URI.create("http://127.0.0.1:" + Ports.free() + "/");
    KubernetesServerRunner runner =
        runner(ScriptedServers.SMALL_BENCHMARK)
            .address((pod, port) -> Optional.of(nothing))
            .build();
    FakeExperimentContext context = context(Map.of(), Duration.ofSeconds(3));

    assertThatThrownBy(() -> runner.run(context))
        .isInstanceOf(ServerStartupException.class)
        .hasMessageContaining("did not become ready within")
        .hasMessageContaining("is Running");
    assertThat(kubelet.pods()).isEmpty();
  }

  @Test
  void cancellingDuringTheBenchmarkDeletesThePod() {
    kubelet(FakeKubelet::running);
    FakeExperimentContext context = context(Map.of(), Duration.ofMinutes(5));
    ScriptedServers.oneSecondIntoTheBenchmark(context, () -> context.cancelled.set(true));

    assertThatThrownBy(() -> runner(ScriptedServers.ENDLESS_BENCHMARK).build().run(context))
        .isInstanceOf(InterruptedException.class)
        .hasMessageContaining("cancelled");
    assertThat(kubelet.pods()).isEmpty();
  }

  @Test
  void interruptingTheRunnerThreadDeletesThePod() throws Exception {
    kubelet(FakeKubelet::running);
    FakeExperimentContext context = context(Map.of(), Duration.ofMinutes(5));
    Throwable thrown =
        ScriptedServers.interruptedOneSecondIntoTheBenchmark(
            context, () -> runner(ScriptedServers.ENDLESS_BENCHMARK).build().run(context));

    assertThat(thrown).isInstanceOf(InterruptedException.class);
    assertThat(kubelet.pods()).isEmpty();
  }

  @Test
  void podsADeadOwnerLeftOfTheSameExperimentAreDeletedBeforeItIsLaunched() throws Exception {
    kubelet(FakeKubelet::running);
    kubelet.leftover(
        "autotune-task-1-e1-dead",
        Map.of(
            "autotune.io/task",
            "task-1",
            "autotune.io/experiment",
            "1",
            "autotune.io/worker",
            "dead"));
    kubelet.leftover(
        "autotune-task-1-e2-live",
        Map.of(
            "autotune.io/task",
            "task-1",
            "autotune.io/experiment",
            "2",
            "autotune.io/worker",
            "live"));
    FakeExperimentContext context = context(Map.of(), Duration.ofSeconds(60));
    KubernetesServerRunner runner = runner();

    runner.run(context);

    assertThat(kubelet.pods()).containsExactly("autotune-task-1-e2-live");
    assertThat(context.logs).anyMatch(line -> line.contains("autotune-task-1-e1-dead"));
    assertThat(context.logs).anyMatch(line -> line.contains("namespace " + NAMESPACE));
    assertThat(runner.removeLeftovers("task-1")).containsExactly("autotune-task-1-e2-live");
    assertThat(kubelet.pods()).isEmpty();
  }

  @Test
  void theBuilderNeedsAServerAndAnImage() {
    assertThatThrownBy(() -> KubernetesServerRunner.builder().client(client).image("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a server");
    assertThatThrownBy(
            () ->
                KubernetesServerRunner.builder()
                    .client(client)
                    .server(LocalServerRunner.builder().runtime("vllm").model("m").build())
                    .build())
        .hasMessageContaining("an image is required");
  }

  @Test
  void thePodIpIsTheServersAddress() {
    Pod pod =
        new io.fabric8.kubernetes.api.model.PodBuilder()
            .withNewStatus()
            .withPodIP("10.1.2.3")
            .endStatus()
            .build();
    Pod ipv6 =
        new io.fabric8.kubernetes.api.model.PodBuilder()
            .withNewStatus()
            .withPodIP("fd00::7")
            .endStatus()
            .build();
    Pod none = new io.fabric8.kubernetes.api.model.PodBuilder().withNewStatus().endStatus().build();

    assertThat(KubernetesServerRunner.podIp(pod, 8000))
        .hasValue(URI.create("http://10.1.2.3:8000/"));
    assertThat(KubernetesServerRunner.podIp(ipv6, 8000))
        .hasValue(URI.create("http://[fd00::7]:8000/"));
    assertThat(KubernetesServerRunner.podIp(none, 8000)).isEmpty();
    assertThat(runner().gpusFor(Configuration.of(Map.of("tp-size", 4)))).isZero();
  }
}
