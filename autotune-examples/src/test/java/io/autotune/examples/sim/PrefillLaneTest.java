package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One prefill at a time, for the uncached tokens only. */
class PrefillLaneTest {

  private static int[] prompt(int from) {
    return IntStream.range(from, from + 1000).toArray();
  }

  @Test
  void concurrentPrefillsQueueOneAfterAnother() throws Exception {
    PrefillLane lane = new PrefillLane(new PrefixCache(0), 10_000); // 0.1 s a prompt
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      long start = System.nanoTime();
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int from = i * 1000;
        done.add(pool.submit(() -> lane.prefill(prompt(from))));
      }
      for (Future<Integer> f : done) {
        assertThat(f.get()).isZero();
      }
      // four prompts in one lane: 0.4 s, not the 0.1 s of four lanes
      assertThat((System.nanoTime() - start) / 1e9).isBetween(0.39, 1.0);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCachedPrefixIsNotPrefilledAgain() throws Exception {
    PrefillLane lane = new PrefillLane(new PrefixCache(1000), 10_000);
    lane.prefill(prompt(0));

    long start = System.nanoTime();
    int cached = lane.prefill(prompt(0));
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(cached).isEqualTo(992); // 62 full pages
    assertThat(seconds).isBetween(0.0008, 0.05); // the 8 tokens past them: 0.8 ms, not 100
  }
}
