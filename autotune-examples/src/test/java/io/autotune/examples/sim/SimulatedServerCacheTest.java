package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Identical prompts against unique ones on the simulated server, as a real child process: its radix
 * cache skips the prefill of a prompt it has seen, so identical prompts inflate its throughput, and
 * with {@code --disable-radix-cache} they do not.
 */
class SimulatedServerCacheTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ServingModel MODEL = new ServingModel(1, 0.85, "lpm", 8192, 64, 64);
  private static final double TIME_SCALE = 5;
  private static final int INPUT = 4096;
  private static final int CLIENTS = 8;
  private static final int REQUESTS_EACH = 3;

  private final HttpClient client = HttpClient.newHttpClient();

  /** Requests per second for identical prompts over those for unique ones, and cached tokens. */
  private record Comparison(double ratio, int identicalCached, int uniqueCached) {}

  @Test
  void identicalPromptsAreServedFromTheCacheAndInflateThroughput() throws Exception {
    Comparison comparison = compare(List.of());

    // unique prompts queue for the prefill lane, 4096 tokens each; identical ones hit the cache
    assertThat(comparison.ratio()).isGreaterThan(1.5);
    assertThat(comparison.identicalCached()).isEqualTo(INPUT - PrefixCache.PAGE);
    assertThat(comparison.uniqueCached()).isZero();
  }

  @Test
  void withTheRadixCacheDisabledIdenticalPromptsAreNoFaster() throws Exception {
    Comparison comparison = compare(List.of("--disable-radix-cache"));

    assertThat(comparison.ratio()).isBetween(0.8, 1.2);
    assertThat(comparison.identicalCached()).isZero();
  }

  private Comparison compare(List<String> flags) throws Exception {
    int[] shared = randomIds(new SplittableRandom(1));
    SplittableRandom random = new SplittableRandom(2);
    try (SimulatedServerProcess server = SimulatedServerProcess.start(MODEL, TIME_SCALE, flags)) {
      URI completions = server.uri().resolve("v1/completions");
      // not measured: a round that warms both JVMs and the connections up, and the identical
      // prompt's first prefill
      run(completions, i -> randomIds(random));
      complete(completions, shared);
      long start = System.nanoTime();
      int identicalCached = run(completions, i -> shared);
      double identical = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      int uniqueCached = run(completions, i -> randomIds(random));
      double unique = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "identical/unique requests per second %s: %.2f (%.2f s / %.2f s)%n",
          flags, unique / identical, unique, identical);
      return new Comparison(unique / identical, identicalCached, uniqueCached);
    }
  }

  /** {@code CLIENTS} clients sending {@code REQUESTS_EACH} requests; returns the most cached. */
  private int run(URI completions, IntFunction<int[]> prompts) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Integer>> cached = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        cached.add(
            clients.submit(
                () -> {
                  int most = 0;
                  for (int r = 0; r < REQUESTS_EACH; r++) {
                    int[] prompt;
                    synchronized (prompts) { // its SplittableRandom is not thread-safe
                      prompt = prompts.apply(r);
                    }
                    most = Math.max(most, complete(completions, prompt));
                  }
                  return most;
                }));
      }
      int most = 0;
      for (Future<Integer> f : cached) {
        most = Math.max(most, f.get());
      }
      return most;
    } finally {
      clients.shutdownNow();
    }
  }

  /** Sends one non-streaming completion; returns its cached tokens after checking its usage. */
  private int complete(URI completions, int[] prompt) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("model", "sim").put("max_tokens", 16);
    prompt(body, prompt);
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(completions)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode usage = JSON.readTree(response.body()).path("usage");
    assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(INPUT);
    assertThat(usage.path("completion_tokens").asInt()).isEqualTo(16);
    return usage.path("prompt_tokens_details").path("cached_tokens").asInt(-1);
  }

  private static void prompt(ObjectNode body, int[] ids) {
    var array = body.putArray("prompt");
    for (int id : ids) {
      array.add(id);
    }
  }

  private static int[] randomIds(SplittableRandom random) {
    return random.ints(INPUT, 1000, 30000).toArray();
  }
}
