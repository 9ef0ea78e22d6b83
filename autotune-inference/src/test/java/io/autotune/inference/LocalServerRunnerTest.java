package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.autotune.AutotuneException;
import io.autotune.spi.Phase;
import io.autotune.testing.FakeExperimentContext;
import io.autotune.testing.MutableClock;
import io.autotune.testing.ProcessGroups;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against real child processes: a scripted OpenAI server run as its own JVM. */
class LocalServerRunnerTest {

  private static final List<String> SCRIPTED_SERVER = ScriptedServers.COMMAND;
  private static final BenchmarkSpec SMALL_BENCHMARK = ScriptedServers.SMALL_BENCHMARK;

  @TempDir Path work;

  private static LocalServerRunner.Builder runner() {
    return LocalServerRunner.builder()
        .command(SCRIPTED_SERVER)
        .benchmark(SMALL_BENCHMARK)
        .pollInterval(Duration.ofMillis(100))
        .shutdownGrace(Duration.ofSeconds(1));
  }

  private FakeExperimentContext context(Map<String, ?> configuration, Duration timeout) {
    return new FakeExperimentContext(configuration, timeout, work.resolve("exp-1"));
  }

  @Test
  void launchesTheServerBenchmarksItAndTearsItDown() throws Exception {
    int port = Ports.free();
    LocalServerRunner runner = runner().port(port).build();
    FakeExperimentContext context =
        new FakeExperimentContext(
            Map.of("tp-size", 2),
            Duration.ofSeconds(60),
            work.resolve("exp-1"),
            List.of(3, 5),
            io.autotune.model.Objective.maximize("throughput"));

    Map<String, Double> metrics = runner.run(context);

    assertThat(metrics.get("throughput")).isPositive();
    assertThat(metrics.get("throughput") * 2).isEqualTo(metrics.get("total_throughput"));
    assertThat(metrics.get("ttft")).isPositive();
    assertThat(metrics.get("success_rate")).isEqualTo(1.0);
    assertThat(metrics.get("requests")).isEqualTo(8);
    assertThat(context.phases).containsExactly(Phase.DEPLOYING, Phase.BENCHMARKING);
    assertThat(Files.readString(context.workDirectory().resolve("server.log")))
        .contains("CUDA_VISIBLE_DEVICES=3,5");
    assertTornDown(context, port);
  }

  @Test
  void aServerNotReadyByTheDeadlineOfTheContextsClockFailsAtOnce() {
    MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
    FakeExperimentContext context =
        new FakeExperimentContext(
            Map.of(),
            Duration.ofMinutes(10),
            work.resolve("exp-1"),
            List.of(),
            io.autotune.model.Objective.maximize("throughput"),
            clock);
    // the experiment's clock passes the deadline while the server (which never listens) starts
    context.onPhase =
        phase ->
            new Thread(
                    () -> {
                      try {
                        Thread.sleep(300);
                      } catch (InterruptedException e) {
                        return;
                      }
                      clock.advance(Duration.ofMinutes(11));
                    })
                .start();
    LocalServerRunner runner =
        LocalServerRunner.builder()
            .command(List.of("sleep", "120"))
            .usesGpus(false)
            .pollInterval(Duration.ofMillis(50))
            .shutdownGrace(Duration.ofSeconds(1))
            .build();

    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThatThrownBy(() -> runner.run(context))
                .hasMessageContaining("did not become ready within 660 s"));
  }

  @Test
  void gpusFollowTensorTimesDataParallelism() {
    LocalServerRunner runner = runner().build();

    assertThat(
            runner.gpusFor(
                io.autotune.space.Configuration.of(
                    Map.of("tp-size", 4, "dp-size", 2, "mem-fraction-static", 0.8))))
        .isEqualTo(8);
    assertThat(runner.gpusFor(io.autotune.space.Configuration.of(Map.of("x", 1)))).isEqualTo(1);
    assertThat(
            runner()
                .usesGpus(false)
                .build()
                .gpusFor(io.autotune.space.Configuration.of(Map.of("tp-size", 4))))
        .isZero();
  }

  @Test
  void aServerThatExitsAtStartFailsWithItsExitCodeAndLogTail() {
    FakeExperimentContext context = context(Map.of("exit-at-start", 3), Duration.ofSeconds(30));

    assertThatThrownBy(() -> runner().build().run(context))
        .isInstanceOfSatisfying(
            ServerStartupException.class,
            e -> {
              assertThat(e.exitCode()).hasValue(3);
              assertThat(e.logTail()).contains("CUDA out of memory (scripted)");
            })
        .hasMessageContaining("exited with code 3 before it was ready");
  }

  @Test
  void aServerThatHangsAtStartIsStoppedAtTheDeadlineWithItsWholeGroup() throws Exception {
    int port = Ports.free();
    // long enough for the child JVM to start and print its hang on a loaded 2-core machine
    FakeExperimentContext context = context(Map.of("hang-at-start", "yes"), Duration.ofSeconds(8));

    assertThatThrownBy(() -> runner().port(port).build().run(context))
        .isInstanceOf(ServerStartupException.class)
        .hasMessageContaining("did not become ready")
        .hasMessageContaining("capturing cuda graphs");
    assertTornDown(context, port);
  }

  @Test
  void garbageAnswersFailTheExperimentWithTheReasonAndTheServerIsTornDown() throws Exception {
    int port = Ports.free();
    FakeExperimentContext context = context(Map.of("mode", "GARBAGE"), Duration.ofSeconds(60));

    assertThatThrownBy(() -> runner().port(port).build().run(context))
        .isInstanceOf(AutotuneException.class)
        .hasMessageContaining("no successful request")
        .hasMessageContaining("unparseable stream chunk");
    assertTornDown(context, port);
  }

  @Test
  void aBenchmarkWithZeroSuccessfulRequestsFailsWithTheServersErrors() throws Exception {
    int port = Ports.free();
    FakeExperimentContext context = context(Map.of("mode", "HTTP_500"), Duration.ofSeconds(60));

    assertThatThrownBy(() -> runner().port(port).build().run(context))
        .hasMessageContaining("no successful request (8 sent)")
        .hasMessageContaining("HTTP 500");
    assertTornDown(context, port);
  }

  @Test
  void cancellingDuringTheBenchmarkStopsItPromptlyAndTearsTheServerDown() throws Exception {
    int port = Ports.free();
    BenchmarkSpec endless = ScriptedServers.ENDLESS_BENCHMARK;
    FakeExperimentContext context = context(Map.of(), Duration.ofMinutes(5));
    ScriptedServers.oneSecondIntoTheBenchmark(context, () -> context.cancelled.set(true));
    long start = System.nanoTime();

    assertThatThrownBy(() -> runner().port(port).benchmark(endless).build().run(context))
        .isInstanceOf(InterruptedException.class)
        .hasMessageContaining("cancelled");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(60);
    assertTornDown(context, port);
  }

  @Test
  void interruptingTheRunnerThreadTearsTheServerDown() throws Exception {
    int port = Ports.free();
    BenchmarkSpec endless = ScriptedServers.ENDLESS_BENCHMARK;
    FakeExperimentContext context = context(Map.of(), Duration.ofMinutes(5));
    Throwable thrown =
        ScriptedServers.interruptedOneSecondIntoTheBenchmark(
            context, () -> runner().port(port).benchmark(endless).build().run(context));

    assertThat(thrown).isInstanceOf(InterruptedException.class);
    assertTornDown(context, port);
  }

  @Test
  void aServerCommandThatDoesNotExistIsNamedInTheError() {
    LocalServerRunner runner =
        LocalServerRunner.builder().command(List.of("no-such-server", "--port", "{port}")).build();

    assertThatThrownBy(() -> runner.run(context(Map.of(), Duration.ofSeconds(10))))
        .isInstanceOf(AutotuneException.class)
        .hasMessageContaining("server command 'no-such-server' was not found");
  }

  @Test
  void aTakenPortIsReportedBeforeAnythingIsLaunched() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(0));
      FakeExperimentContext context = context(Map.of(), Duration.ofSeconds(10));

      assertThatThrownBy(() -> runner().port(taken.getLocalPort()).build().run(context))
          .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
      assertThat(context.processes).isEmpty();
    }
  }

  @Test
  void aModelPathThatDoesNotExistIsReportedBeforeAnythingIsLaunched() {
    LocalServerRunner runner =
        LocalServerRunner.builder()
            .runtime("sglang")
            .model(work.resolve("no-such-model").toString())
            .build();
    FakeExperimentContext context = context(Map.of(), Duration.ofSeconds(10));

    assertThatThrownBy(() -> runner.run(context))
        .hasMessageContaining("model path " + work.resolve("no-such-model") + " does not exist");
    assertThat(context.processes).isEmpty();
  }

  private static void assertTornDown(FakeExperimentContext context, int port) throws Exception {
    assertThat(context.processes).hasSize(1);
    Process server = context.processes.get(0);
    assertThat(server.isAlive()).isFalse();
    assertThat(ProcessGroups.alive(server.pid()))
        .as("a process of the server's group is alive")
        .isFalse();
    assertThat(Ports.isFree(port)).as("port %d is free", port).isTrue();
  }
}
