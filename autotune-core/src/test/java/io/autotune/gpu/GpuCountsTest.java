package io.autotune.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.space.Configuration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuCountsTest {

  @Test
  void tensorPipelineAndDataParallelSizesMultiply() {
    assertThat(GpuCounts.parallelism(Configuration.of(Map.of("tp-size", 2, "dp-size", 4))))
        .isEqualTo(8);
    assertThat(
            GpuCounts.parallelism(
                Map.of("tensor_parallel_size", 2L, "pipeline-parallel-size", 2, "dp", "3")))
        .isEqualTo(12);
  }

  @Test
  void absentFactorsCountAsOne() {
    assertThat(GpuCounts.parallelism(Configuration.of(Map.of("mem-fraction-static", 0.8))))
        .isEqualTo(1);
    assertThat(GpuCounts.parallelism(Map.of("tp_size", 4))).isEqualTo(4);
  }

  @Test
  void theFirstNamePresentWins() {
    assertThat(GpuCounts.product(Map.of("tp-size", 2, "tp", 8), List.of(GpuCounts.TENSOR_PARALLEL)))
        .isEqualTo(2);
  }

  @Test
  void wholeDoublesAreAcceptedButFractionsZeroAndWordsAreNot() {
    assertThat(GpuCounts.parallelism(Map.of("tp-size", 2.0))).isEqualTo(2);
    assertThatThrownBy(() -> GpuCounts.parallelism(Map.of("tp-size", 1.5)))
        .hasMessage("tp-size must be a whole number of at least 1, but was 1.5");
    assertThatThrownBy(() -> GpuCounts.parallelism(Map.of("dp_size", 0)))
        .hasMessage("dp_size must be a whole number of at least 1, but was 0");
    assertThatThrownBy(() -> GpuCounts.parallelism(Map.of("tp", "auto")))
        .hasMessage("tp must be a whole number of at least 1, but was auto");
  }
}
