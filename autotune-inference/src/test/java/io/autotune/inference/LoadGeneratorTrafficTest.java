package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.AutotuneException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the load generator sends: prompts, lengths and arrival times, against a real server. */
class LoadGeneratorTrafficTest {

  private static final long[] FAST = {5};

  private final LoadGenerator generator = LoadGenerator.create();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  private static BenchmarkSpec.Builder spec(String scenario, int requests) {
    return BenchmarkSpec.builder()
        .trafficScenarios(List.of(scenario))
        .concurrency(List.of(4))
        .warmupRequests(2)
        .levelBounds(Duration.ofSeconds(30), requests)
        .requestTimeout(Duration.ofSeconds(10));
  }

  private List<LevelResult> run(ScriptedServer server, BenchmarkSpec spec) throws Exception {
    return generator.run(
        server.base(),
        "scripted",
        spec,
        new BenchmarkRun(List.of(), 1, Duration.ofSeconds(60), () -> false, log::add));
  }

  @Test
  void everyPromptIsUniqueTokenIdsOfExactlyTheScenariosLength() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, FAST, 1)) {
      LevelResult level = run(server, spec("D(300,8)", 20).build()).get(0);

      List<JsonNode> measured = server.prompts().subList(3, 23); // after the probe and warm-up
      assertThat(measured).allSatisfy(p -> assertThat(p.size()).isEqualTo(300));
      assertThat(measured)
          .allSatisfy(p -> p.forEach(id -> assertThat(id.asInt()).isBetween(1000, 29999)));
      Set<JsonNode> distinct = new HashSet<>(server.prompts());
      assertThat(distinct).as("no two requests, warm-up included, share a prompt").hasSize(23);
      assertThat(level.meanInputTokens()).isEqualTo(300);
      assertThat(level.meanOutputTokens()).isEqualTo(8);
      assertThat(log).contains("prompts: unique random token ids, token-exact");
    }
  }

  @Test
  void aSharedPrefixIsTheSameForEveryRequestAndTheRestDiffers() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, FAST, 1)) {
      run(
          server,
          spec("D(100,4)", 8)
              .prompt(new PromptOptions(PromptOptions.Format.AUTO, 5, 50_000, 64))
              .build());

      List<JsonNode> prompts = server.prompts().subList(1, 11);
      for (JsonNode prompt : prompts) {
        for (int i = 0; i < 64; i++) {
          assertThat(prompt.get(i)).isEqualTo(prompts.get(0).get(i));
        }
      }
      assertThat(new HashSet<>(prompts)).as("unique after the prefix").hasSize(10);
    }
  }

  @Test
  void theSameSeedSendsTheSamePromptsAndAnotherSeedOthers() throws Exception {
    List<JsonNode> first;
    List<JsonNode> again;
    List<JsonNode> other;
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, FAST, 1)) {
      run(server, spec("U(10,40)/(2,6)", 6).concurrency(List.of(1)).build());
      first = server.prompts();
    }
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, FAST, 1)) {
      run(server, spec("U(10,40)/(2,6)", 6).concurrency(List.of(1)).build());
      again = server.prompts();
    }
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, FAST, 1)) {
      run(server, spec("U(10,40)/(2,6)", 6).concurrency(List.of(1)).seed(7).build());
      other = server.prompts();
    }
    // warm-up runs two requests at once: the same prompts, perhaps in another order
    assertThat(again).containsExactlyInAnyOrderElementsOf(first);
    assertThat(new HashSet<>(other)).doesNotContainAnyElementsOf(first);
    assertThat(first.subList(1, first.size()))
        .allSatisfy(p -> assertThat(p.size()).isBetween(10, 40));
  }

  @Test
  void chatPromptsAreTextSizedFromTheServersOwnTokenCounts() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, FAST, 1)) {
      LevelResult level =
          run(server, spec("D(500,4)", 10).api(BenchmarkSpec.Api.CHAT).build()).get(0);

      // the scripted server counts a word a token plus 3 for the chat template
      assertThat(level.meanInputTokens()).isCloseTo(500, within(500 * 0.02));
      assertThat(log).anyMatch(line -> line.contains("1.00 tokens per word + 3.0"));
      List<JsonNode> texts = server.prompts().subList(2, server.prompts().size());
      assertThat(new HashSet<>(texts)).as("unique text prompts").hasSize(texts.size());
    }
  }

  @Test
  void aServerThatRefusesTokenIdsGetsCalibratedText() throws Exception {
    try (ScriptedServer server =
        ScriptedServer.start(ScriptedServer.Mode.REJECT_TOKEN_IDS, FAST, 1)) {
      LevelResult level = run(server, spec("D(200,4)", 8).build()).get(0);

      assertThat(level.errors()).isZero();
      assertThat(level.meanInputTokens()).isCloseTo(200, within(200 * 0.02));
      assertThat(log)
          .anyMatch(line -> line.startsWith("prompts: the server refused token ids (HTTP 400"));
    }
  }

  @Test
  void textThatCannotBeSizedFailsWithTheReason() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.HTTP_500, FAST, 1)) {
      assertThatThrownBy(() -> run(server, spec("D(200,4)", 8).api(BenchmarkSpec.Api.CHAT).build()))
          .isInstanceOf(AutotuneException.class)
          .hasMessageContaining("sizing text prompts failed")
          .hasMessageContaining("HTTP 500");
    }
  }

  @Test
  void normalLengthsVaryAroundTheirMean() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(ScriptedServer.Mode.NORMAL, FAST, 1)) {
      LevelResult level = run(server, spec("N(200,40)/(20,5)", 40).build()).get(0);

      List<JsonNode> prompts = server.prompts().subList(3, 43);
      Set<Integer> lengths = new HashSet<>();
      prompts.forEach(p -> lengths.add(p.size()));
      assertThat(lengths.size()).isGreaterThan(10);
      assertThat(level.meanInputTokens()).isCloseTo(200, within(20.0));
      assertThat(level.meanOutputTokens()).isCloseTo(20, within(3.0));
    }
  }

  @Test
  void anOpenLoopStartsRequestsAtItsRateWhateverTheServerDoes() throws Exception {
    // every request takes at least 300 ms: a closed loop of one would need 6 s for 20
    try (ScriptedServer server =
        ScriptedServer.start(ScriptedServer.Mode.NORMAL, new long[] {300}, 1)) {
      BenchmarkSpec open =
          spec("D(10,2)", 20).concurrency(List.of()).requestRates(List.of(40.0)).build();
      LevelResult level = run(server, open).get(0);

      assertThat(level.load()).isEqualTo(Load.requestRate(40));
      assertThat(level.requests()).isEqualTo(20);
      assertThat(level.durationSeconds()).as("arrivals over ~0.5 s, then 0.3 s").isLessThan(3);
    }
  }

  @Test
  void maxConcurrencyCapsAnOpenLoop() throws Exception {
    try (ScriptedServer server =
        ScriptedServer.start(ScriptedServer.Mode.NORMAL, new long[] {100}, 1)) {
      BenchmarkSpec capped =
          spec("D(10,2)", 10)
              .concurrency(List.of())
              .requestRates(List.of(100.0))
              .maxConcurrency(1)
              .build();
      LevelResult level = run(server, capped).get(0);

      assertThat(level.requests()).isEqualTo(10);
      assertThat(level.durationSeconds()).as("one at a time: 10 x 100 ms").isGreaterThan(1.0);
    }
  }
}
