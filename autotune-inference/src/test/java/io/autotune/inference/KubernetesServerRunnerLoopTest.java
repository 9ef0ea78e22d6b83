package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Objective;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubernetes runner through the real tuning loop (its timeout, its cleanups, parallel slots),
 * against fabric8's mock API server in CRUD mode and the test kubelet: no pod outlives its
 * experiment.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesServerRunnerLoopTest {

  private static final String NAMESPACE = "tuning";

  KubernetesClient client;
  @TempDir Path work;
  private ScriptedServer scripted;
  private FakeKubelet kubelet;

  @BeforeEach
  void start() throws Exception {
    scripted = ScriptedServer.start(ScriptedServer.Mode.NORMAL, new long[] {5}, 1);
    kubelet = new FakeKubelet(client, NAMESPACE, FakeKubelet::running);
  }

  @AfterEach
  void stop() throws Exception {
    scripted.close();
    kubelet.close();
  }

  /** Pods of a configuration with {@code answers: no} run, but their server never answers. */
  private KubernetesServerRunner runner() {
    URI nowhere = URI.create("http://127.0.0.1:" + Ports.free() + "/");
    return KubernetesServerRunner.builder()
        .server(
            LocalServerRunner.builder()
                .runtime("sglang")
                .model("m")
                .benchmark(ScriptedServers.SMALL_BENCHMARK)
                .pollInterval(Duration.ofMillis(100))
                .shutdownGrace(Duration.ofSeconds(1))
                .build())
        .image("lmsysorg/sglang:latest")
        .namespace(NAMESPACE)
        .client(client)
        .address(
            (pod, port) ->
                pod.getSpec().getContainers().get(0).getCommand().contains("no")
                    ? Optional.of(nowhere)
                    : Optional.of(scripted.base()))
        .build();
  }

  private TuningResult run(String answers, int experiments, int parallelism, Duration timeout) {
    SearchSpace space = SearchSpace.builder().choice("answers", "yes", "no").build();
    TaskSpec spec =
        TaskSpec.of("loop", space, Objective.minimize(InferenceMetrics.LATENCY))
            .withMaxExperiments(experiments)
            .withExperimentTimeout(timeout)
            .withSeed(1);
    Strategy fixed = context -> Optional.of(Configuration.of(Map.of("answers", answers)));
    return Tuner.builder()
        .runner(runner())
        .strategy(fixed)
        .parallelism(parallelism)
        .workDirectory(work)
        .killGrace(Duration.ofSeconds(2))
        .build()
        .run(spec);
  }

  @Test
  void aPodWhoseServerNeverAnswersTimesOutAndIsDeleted() {
    TuningResult result = run("no", 1, 1, Duration.ofSeconds(4));

    assertThat(result.experiments().get(0).status()).isEqualTo(ExperimentStatus.TIMED_OUT);
    assertThat(kubelet.created).hasSize(1);
    assertThat(kubelet.pods()).isEmpty();
  }

  @Test
  void experimentsRunInParallelPodsAndEachIsDeleted() {
    TuningResult result = run("yes", 4, 2, Duration.ofSeconds(60));

    assertThat(result.experiments())
        .hasSize(4)
        .allSatisfy(
            e ->
                assertThat(e.status())
                    .as("error: %s", e.error())
                    .isEqualTo(ExperimentStatus.SUCCEEDED));
    assertThat(kubelet.created)
        .extracting(pod -> pod.getMetadata().getLabels().get("autotune.io/experiment"))
        .containsExactlyInAnyOrder("1", "2", "3", "4");
    assertThat(kubelet.pods()).isEmpty();
  }
}
