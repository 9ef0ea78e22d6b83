package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.AutotuneException;
import io.autotune.model.Objective;
import io.autotune.space.Configuration;
import io.autotune.spi.Phase;
import io.autotune.testing.FakeExperimentContext;
import io.autotune.testing.ProcessGroups;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker runner against a fake docker CLI that runs each "container" as a real local process
 * (the scripted OpenAI server): what it asks docker for, and that the container is removed on every
 * exit path.
 */
class DockerServerRunnerTest {

  private static final List<String> SCRIPTED_SERVER = ScriptedServers.COMMAND;
  private static final BenchmarkSpec SMALL_BENCHMARK = ScriptedServers.SMALL_BENCHMARK;

  @TempDir Path work;
  private FakeDocker docker;

  @BeforeEach
  void fakeDocker() throws Exception {
    docker = FakeDocker.in(work.resolve("bin"));
  }

  private DockerServerRunner.Builder runner(List<String> command, BenchmarkSpec benchmark) {
    return DockerServerRunner.builder()
        .server(
            LocalServerRunner.builder()
                .command(command)
                .benchmark(benchmark)
                .environment(Map.of("HF_TOKEN", "secret"))
                .pollInterval(Duration.ofMillis(100))
                .shutdownGrace(Duration.ofSeconds(1))
                .build())
        .image("lmsysorg/sglang:v0.5")
        .docker(docker.binary())
        .runArguments(List.of("--ipc=host"))
        .worker("worker-7");
  }

  private DockerServerRunner runner() {
    return runner(SCRIPTED_SERVER, SMALL_BENCHMARK).build();
  }

  private FakeExperimentContext context(Map<String, ?> configuration, Duration timeout) {
    return new FakeExperimentContext(configuration, timeout, work.resolve("exp-1"));
  }

  @Test
  void launchesTheServerInAContainerBenchmarksItAndRemovesIt() throws Exception {
    FakeExperimentContext context =
        new FakeExperimentContext(
            Map.of("tp-size", 2),
            Duration.ofSeconds(60),
            work.resolve("exp-1"),
            List.of(3, 5),
            Objective.maximize("throughput"));

    Map<String, Double> metrics = runner().run(context);

    assertThat(metrics.get("throughput")).isPositive();
    assertThat(metrics.get("success_rate")).isEqualTo(1.0);
    assertThat(context.phases).containsExactly(Phase.DEPLOYING, Phase.BENCHMARKING);
    List<String> runs = docker.calls("run");
    assertThat(runs).hasSize(1);
    String name = nameIn(runs.get(0));
    assertThat(name).startsWith("autotune-task-1-e1-");
    assertThat(runs.get(0))
        .startsWith("run --rm --name " + name + " ")
        .contains(
            " --label autotune.io/experiment=1 --label autotune.io/task=task-1"
                + " --label autotune.io/worker=worker-7 ")
        .contains(" --gpus \"device=3,5\" -p 127.0.0.1:")
        .contains(" -e HF_TOKEN=secret --ipc=host lmsysorg/sglang:v0.5 ")
        .endsWith(" --tp-size 2");
    assertRemoved(context, name);
  }

  @Test
  void leftoversOfTheSameExperimentAreRemovedBeforeItIsLaunched() throws Exception {
    Process left = new ProcessBuilder("sleep", "600").start();
    docker.leftover(
        "autotune-task-1-e1-dead",
        left,
        List.of("autotune.io/task=task-1", "autotune.io/experiment=1", "autotune.io/worker=dead"));
    Process other = new ProcessBuilder("sleep", "600").start();
    docker.leftover(
        "autotune-task-1-e2-live",
        other,
        List.of("autotune.io/task=task-1", "autotune.io/experiment=2", "autotune.io/worker=live"));
    FakeExperimentContext context = context(Map.of(), Duration.ofSeconds(60));

    runner().run(context);

    assertThat(left.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(docker.calls())
        .contains(
            "ps -aq --filter label=autotune.io/task=task-1 --filter label=autotune.io/experiment=1",
            "rm -f autotune-task-1-e1-dead");
    assertThat(other.isAlive()).as("another experiment's container is left alone").isTrue();
    assertThat(docker.containers()).containsExactly("autotune-task-1-e2-live");

    assertThat(runner().removeLeftovers("task-1")).containsExactly("autotune-task-1-e2-live");
    assertThat(other.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(docker.containers()).isEmpty();
  }

  @Test
  void aContainerThatExitsAtStartFailsWithItsExitCodeAndLogTailAndIsRemoved() throws Exception {
    FakeExperimentContext context = context(Map.of("exit-at-start", 3), Duration.ofSeconds(30));

    assertThatThrownBy(() -> runner().run(context))
        .isInstanceOfSatisfying(
            ServerStartupException.class,
            e -> {
              assertThat(e.exitCode()).hasValue(3);
              assertThat(e.logTail()).contains("CUDA out of memory (scripted)");
            })
        .hasMessageContaining("the server exited with code 3 before it was ready");
    assertRemoved(context, nameIn(docker.calls("run").get(0)));
  }

  @Test
  void anImageThatDockerCannotRunFailsWithDockersOwnMessage() throws Exception {
    FakeExperimentContext context = context(Map.of(), Duration.ofSeconds(30));
    DockerServerRunner runner =
        runner(SCRIPTED_SERVER, SMALL_BENCHMARK).image("missing/image").build();

    assertThatThrownBy(() -> runner.run(context))
        .isInstanceOf(ServerStartupException.class)
        .hasMessageContaining(
            "exited with code 125 (docker could not create or start the container")
        .hasMessageContaining("pull access denied for missing/image");
    assertThat(docker.calls("rm -f")).hasSize(1);
  }

  @Test
  void aServerNeverReadyIsRemovedAtTheDeadline() throws Exception {
    FakeExperimentContext context = context(Map.of(), Duration.ofSeconds(3));
    DockerServerRunner runner = runner(List.of("sleep", "120"), SMALL_BENCHMARK).build();

    assertThatThrownBy(() -> runner.run(context))
        .isInstanceOf(ServerStartupException.class)
        .hasMessageContaining("did not become ready within");
    assertRemoved(context, nameIn(docker.calls("run").get(0)));
  }

  @Test
  void cancellingDuringTheBenchmarkRemovesTheContainer() throws Exception {
    FakeExperimentContext context = context(Map.of(), Duration.ofMinutes(5));
    ScriptedServers.oneSecondIntoTheBenchmark(context, () -> context.cancelled.set(true));

    assertThatThrownBy(
            () -> runner(SCRIPTED_SERVER, ScriptedServers.ENDLESS_BENCHMARK).build().run(context))
        .isInstanceOf(InterruptedException.class)
        .hasMessageContaining("cancelled");
    assertRemoved(context, nameIn(docker.calls("run").get(0)));
  }

  @Test
  void aMissingDockerClientIsNamedBeforeAnythingIsLaunched() {
    DockerServerRunner runner =
        runner(SCRIPTED_SERVER, SMALL_BENCHMARK).docker("no-such-docker").build();
    FakeExperimentContext context = context(Map.of(), Duration.ofSeconds(10));

    assertThatThrownBy(() -> runner.run(context))
        .isInstanceOf(AutotuneException.class)
        .hasMessageContaining("the docker client 'no-such-docker' was not found");
    assertThat(context.processes).isEmpty();
  }

  @Test
  void gpusFollowTheParallelismFlagsUnlessTheServerUsesNone() {
    Configuration configuration = Configuration.of(Map.of("tp-size", 2, "dp-size", 2));

    assertThat(runner().gpusFor(configuration)).isEqualTo(4);
    DockerServerRunner cpu =
        DockerServerRunner.builder()
            .server(LocalServerRunner.builder().runtime("vllm").model("m").usesGpus(false).build())
            .image("vllm/vllm-openai")
            .build();
    assertThat(cpu.gpusFor(configuration)).isZero();
  }

  @Test
  void theBuilderNeedsAServerAndAnImage() {
    assertThatThrownBy(() -> DockerServerRunner.builder().image("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a server");
    assertThatThrownBy(
            () ->
                DockerServerRunner.builder()
                    .server(LocalServerRunner.builder().runtime("vllm").model("m").build())
                    .build())
        .hasMessageContaining("an image is required");
    assertThatThrownBy(() -> DockerServerRunner.builder().image(" "))
        .hasMessageContaining("image must not be blank");
  }

  /** The container's name in a recorded {@code run} call. */
  static String nameIn(String run) {
    List<String> args = List.of(run.split(" "));
    return args.get(args.indexOf("--name") + 1);
  }

  private void assertRemoved(FakeExperimentContext context, String name) throws Exception {
    assertThat(docker.calls()).contains("rm -f " + name);
    assertThat(docker.containers()).doesNotContain(name);
    assertThat(context.processes).hasSize(1);
    Process client = context.processes.get(0);
    assertThat(client.isAlive()).isFalse();
    assertThat(ProcessGroups.alive(client.pid()))
        .as("a process of the container is alive")
        .isFalse();
  }
}
