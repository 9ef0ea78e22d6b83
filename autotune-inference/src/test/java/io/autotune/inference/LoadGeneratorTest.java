package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

  // request k waits TTFT[k % 10] ms for its first token, then TOKEN_MS between tokens
  private static final long[] TTFT = {40, 60, 80, 100, 120, 140, 160, 180, 200, 400};
  private static final long TOKEN_MS = 10;
  private static final int TOKENS = 11;
  // generous upper tolerance for a loaded machine; the lower bounds are exact (sleeps)
  private static final double SLACK = 0.08;

  // no probe request before completions: request k of a level is the server's request k
  private static final PromptOptions TOKEN_IDS =
      new PromptOptions(PromptOptions.Format.TOKEN_IDS, 1000, 30000, 0);

  private final LoadGenerator generator = LoadGenerator.create();

  private static BenchmarkSpec spec(
      List<Integer> concurrency, int requests, BenchmarkSpec.Api api) {
    return BenchmarkSpec.builder()
        .api(api)
        .trafficScenarios(List.of("D(8," + TOKENS + ")"))
        .concurrency(concurrency)
        .warmupRequests(0)
        .levelBounds(Duration.ofSeconds(30), requests)
        .requestTimeout(Duration.ofSeconds(10))
        .prompt(api == BenchmarkSpec.Api.COMPLETIONS ? TOKEN_IDS : PromptOptions.defaults())
        .build();
  }

  private List<LevelResult> run(ScriptedServer server, BenchmarkSpec spec) throws Exception {
    return generator.run(server.base(), "scripted", spec, BenchmarkRun.of(Duration.ofSeconds(60)));
  }

  @Test
  void ttftTpotAndPercentilesMatchTheServersKnownDelays() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, TTFT, TOKEN_MS)) {
      LevelResult level = run(server, spec(List.of(1), 20, BenchmarkSpec.Api.COMPLETIONS)).get(0);

      double[] expectedTtft = Arrays.stream(TTFT).mapToDouble(ms -> ms / 1000.0).toArray();
      Summary expected = Summary.of(expectedTtft);
      assertThat(level.requests()).isEqualTo(20);
      assertThat(level.errors()).isZero();
      assertWithin(level.ttft().mean(), expected.mean());
      assertWithin(level.ttft().p50(), expected.p50());
      assertWithin(level.ttft().p90(), expected.p90());
      assertWithin(level.ttft().p99(), expected.p99());
      assertWithin(level.tpot().mean(), TOKEN_MS / 1000.0);
      assertWithin(level.latency().mean(), expected.mean() + (TOKENS - 1) * TOKEN_MS / 1000.0);
    }
  }

  @Test
  void throughputCountsTheTokensTheServerReports() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, TTFT, TOKEN_MS)) {
      LevelResult level = run(server, spec(List.of(4), 12, BenchmarkSpec.Api.CHAT)).get(0);

      assertThat(level.successes()).isEqualTo(12);
      assertThat(level.outputThroughput() * level.durationSeconds())
          .isCloseTo(12 * TOKENS, within(1e-6));
      assertThat(level.totalThroughput() * level.durationSeconds())
          .isCloseTo(12 * (TOKENS + 8), within(1e-6));
    }
  }

  @Test
  void eachConcurrencyLevelIsMeasuredSeparatelyAndBoundedByItsRequestBudget() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, TTFT, 1)) {
      List<LevelResult> levels = run(server, spec(List.of(1, 3), 6, BenchmarkSpec.Api.COMPLETIONS));

      assertThat(levels)
          .extracting(LevelResult::load)
          .containsExactly(Load.concurrency(1), Load.concurrency(3));
      assertThat(levels).allSatisfy(level -> assertThat(level.requests()).isEqualTo(6));
      assertThat(server.served()).isEqualTo(12);
    }
  }

  @Test
  void anEarlyClosedStreamIsAnErrorNotASuccess() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.CLOSE_EARLY, TTFT, 1)) {
      LevelResult level = run(server, spec(List.of(2), 4, BenchmarkSpec.Api.COMPLETIONS)).get(0);

      assertThat(level.errors()).isEqualTo(4);
      assertThat(level.successRate()).isZero();
      assertThat(level.errorExamples()).anyMatch(e -> e.contains("before data: [DONE]"));
    }
  }

  @Test
  void garbageInTheStreamIsAnError() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.GARBAGE, TTFT, 1)) {
      LevelResult level = run(server, spec(List.of(1), 2, BenchmarkSpec.Api.COMPLETIONS)).get(0);

      assertThat(level.errors()).isEqualTo(2);
      assertThat(level.errorExamples()).anyMatch(e -> e.contains("unparseable stream chunk"));
    }
  }

  @Test
  void anHttpErrorIsAnErrorWithItsStatus() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.HTTP_500, TTFT, 1)) {
      LevelResult level =
          run(
                  server,
                  spec(List.of(1), 2, BenchmarkSpec.Api.COMPLETIONS).toBuilder()
                      .prompt(new PromptOptions(PromptOptions.Format.TOKEN_IDS, 1000, 30000, 0))
                      .build())
              .get(0);

      assertThat(level.errors()).isEqualTo(2);
      assertThat(level.errorExamples()).anyMatch(e -> e.startsWith("HTTP 500"));
    }
  }

  @Test
  void aConnectionClosedBeforeAnyAnswerIsRetriedOnceOnAFreshOne() throws Exception {
    try (FlakyConnectionServer server = new FlakyConnectionServer()) {
      LevelResult level =
          generator
              .run(
                  server.base(),
                  "flaky",
                  spec(List.of(1), 1, BenchmarkSpec.Api.COMPLETIONS).toBuilder()
                      .prompt(new PromptOptions(PromptOptions.Format.TOKEN_IDS, 1000, 30000, 0))
                      .build(),
                  BenchmarkRun.of(Duration.ofSeconds(30)))
              .get(0);

      assertThat(level.errors()).as("%s", level.errorExamples()).isZero();
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void aDeadlineAlreadyPassedStartsNoLevel() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, TTFT, 1)) {
      List<LevelResult> levels =
          generator.run(
              server.base(),
              "scripted",
              spec(List.of(1, 2, 4), 1000, BenchmarkSpec.Api.COMPLETIONS).toBuilder()
                  .prompt(new PromptOptions(PromptOptions.Format.TOKEN_IDS, 1000, 30000, 0))
                  .build(),
              BenchmarkRun.of(Duration.ZERO));

      assertThat(levels).isEmpty();
    }
  }

  private static void assertWithin(double actual, double expected) {
    assertThat(actual).isBetween(expected, expected + SLACK);
  }
}
