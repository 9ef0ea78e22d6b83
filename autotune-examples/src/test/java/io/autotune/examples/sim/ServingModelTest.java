package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java port against values printed by shared/bench/functions.py's serving_sim. */
class ServingModelTest {

  @Test
  void matchesServingSimOfTheSharedBenchmark() {
    // python3 -c "from functions import serving_sim; print(serving_sim(dict(tp_size=1,
    //   mem_fraction_static=0.9, schedule_policy='lpm', chunked_prefill_size=8192,
    //   max_running_requests=256, cuda_graph_max_bs=256)))"  → -869.6809062311665
    assertThat(new ServingModel(1, 0.9, "lpm", 8192, 256, 256).servingSimValue())
        .isCloseTo(-869.6809062311665, within(1e-9));
    // tp 2, mem 0.7, fcfs, chunk 2048, mrr 64, cgbs 32 → -306.04431638065034
    assertThat(new ServingModel(2, 0.7, "fcfs", 2048, 64, 32).servingSimValue())
        .isCloseTo(-306.04431638065034, within(1e-9));
  }

  @Test
  void runsOutOfMemoryWithoutKvCacheOrWithHugeGraphsAtHighMemory() {
    assertThat(new ServingModel(1, 0.55, "lpm", 8192, 256, 64).outOfMemory()).isTrue();
    assertThat(new ServingModel(1, 0.94, "lpm", 8192, 256, 300).outOfMemory()).isTrue();
    assertThat(new ServingModel(1, 0.94, "lpm", 8192, 256, 256).outOfMemory()).isFalse();
    assertThat(new ServingModel(1, 0.55, "lpm", 8192, 256, 64).servingSimValue()).isNaN();
  }

  @Test
  void readsItsFlagsFromNumbersOrTextAndTakesDefaultsForTheRest() {
    assertThat(ServingModel.fromFlags(Map.of("tp-size", 4L, "mem-fraction-static", "0.8")))
        .isEqualTo(new ServingModel(4, 0.8, "fcfs", 4096, 128, 32));
    assertThatThrownBy(() -> ServingModel.fromFlags(Map.of("tp-size", "2.5")))
        .hasMessage("--tp-size expects an integer, but was 2.5");
    assertThatThrownBy(() -> ServingModel.fromFlags(Map.of("max-running-requests", "many")))
        .hasMessage("--max-running-requests expects a number, but was 'many'");
  }
}
