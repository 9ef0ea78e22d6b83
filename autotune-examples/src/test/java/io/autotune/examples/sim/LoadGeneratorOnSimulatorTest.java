package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autotune.inference.BenchmarkRun;
import io.autotune.inference.BenchmarkSpec;
import io.autotune.inference.LevelResult;
import io.autotune.inference.LoadGenerator;
import io.autotune.inference.PlannedLengths;
import io.autotune.inference.PromptOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * autotune-inference's load generator against the simulated server, a real child process: its
 * token-id prompts are token-exact, its text prompts calibrated, and only a prefix shared on
 * purpose hits the server's cache.
 */
class LoadGeneratorOnSimulatorTest {

  private static final ServingModel MODEL = new ServingModel(1, 0.85, "lpm", 8192, 64, 64);

  private final List<String> log = new CopyOnWriteArrayList<>();

  private List<LevelResult> run(BenchmarkSpec spec, double timeScale, List<String> flags)
      throws Exception {
    try (SimulatedServerProcess server = SimulatedServerProcess.start(MODEL, timeScale, flags)) {
      return run(server, spec);
    }
  }

  private List<LevelResult> run(SimulatedServerProcess server, BenchmarkSpec spec)
      throws InterruptedException {
    return LoadGenerator.create()
        .run(
            server.uri(),
            "sim",
            spec,
            new BenchmarkRun(List.of(), 1, Duration.ofSeconds(60), () -> false, log::add));
  }

  private static BenchmarkSpec.Builder spec(String scenario, int requests) {
    return BenchmarkSpec.builder()
        .trafficScenarios(List.of(scenario))
        .concurrency(List.of(8))
        .warmupRequests(0)
        .levelBounds(Duration.ofSeconds(30), requests)
        .requestTimeout(Duration.ofSeconds(20))
        .seed(7);
  }

  @Test
  void uniqueTokenIdPromptsHaveExactlyTheRequestedLength() throws Exception {
    List<LevelResult> levels =
        run(
            spec("D(777,16)", 16).trafficScenarios(List.of("D(777,16)", "D(33,5)")).build(),
            20,
            List.of());

    assertThat(levels).extracting(LevelResult::errors).containsOnly(0);
    assertThat(levels).extracting(LevelResult::meanInputTokens).containsExactly(777.0, 33.0);
    assertThat(levels).extracting(LevelResult::meanOutputTokens).containsExactly(16.0, 5.0);
    assertThat(log).contains("prompts: unique random token ids, token-exact");
  }

  @Test
  void aFullySharedPrefixInflatesThroughputOnlyWithTheRadixCache() throws Exception {
    double cached = sharedOverUnique(List.of());
    double uncached = sharedOverUnique(List.of("--disable-radix-cache"));

    assertThat(cached).isGreaterThan(1.5);
    assertThat(uncached).isBetween(0.8, 1.2);
  }

  /**
   * Output throughput with every prompt the same 4096 tokens, over that with unique prompts, on one
   * server; each run's warm-up (a round of the clients) warms the server up and fills its cache.
   */
  private double sharedOverUnique(List<String> flags) throws Exception {
    BenchmarkSpec unique = spec("D(4096,16)", 24).warmupRequests(8).build();
    BenchmarkSpec shared =
        unique.toBuilder()
            .prompt(new PromptOptions(PromptOptions.Format.AUTO, 1000, 30000, 4096))
            .build();
    try (SimulatedServerProcess server = SimulatedServerProcess.start(MODEL, 5, flags)) {
      double uniqueThroughput = run(server, unique).get(0).outputThroughput();
      double ratio = run(server, shared).get(0).outputThroughput() / uniqueThroughput;
      System.out.printf("shared/unique output throughput %s: %.2f%n", flags, ratio);
      return ratio;
    }
  }

  @Test
  void chatTextPromptsAreCalibratedToTheRequestedLengths() throws Exception {
    BenchmarkSpec fixed = spec("D(300,64)", 32).api(BenchmarkSpec.Api.CHAT).build();
    BenchmarkSpec uniform = spec("U(100,900)/(32,64)", 32).api(BenchmarkSpec.Api.CHAT).build();

    LevelResult fixedLevel = run(fixed, 20, List.of()).get(0);
    LevelResult uniformLevel = run(uniform, 20, List.of()).get(0);

    // what the generator planned, replayed from the seed, against what the server counted
    int overhead = SimTokenizer.CHAT_OVERHEAD + SimTokenizer.TOKENS_PER_MESSAGE;
    double planned =
        IntStream.of(
                PlannedLengths.inputs(
                    uniform, 0, word -> SimTokenizer.encode(word).length, overhead, 0, 32))
            .average()
            .orElseThrow();
    assertThat(fixedLevel.errors()).isZero();
    assertThat(fixedLevel.meanInputTokens()).isCloseTo(300, within(300 * 0.02));
    assertThat(uniformLevel.errors()).isZero();
    assertThat(uniformLevel.meanInputTokens()).isCloseTo(planned, within(planned * 0.02));
    assertThat(uniformLevel.meanOutputTokens()).isBetween(32.0, 64.0);
    assertThat(log).anyMatch(line -> line.startsWith("prompts: unique random words"));
    System.out.printf(
        "chat D(300,64): %.1f; U(100,900): %.1f for %.1f planned%n",
        fixedLevel.meanInputTokens(), uniformLevel.meanInputTokens(), planned);
  }
}
