package io.autotune.gpu.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.AutotuneException;
import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuInfo.GpuProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NvidiaSmiCsvTest {
  private static final long MIB = 1L << 20;
  private static final String H100_0 = "GPU-6e5a6c0f-8f1a-4b52-9f7e-1d2c3b4a5f60";

  static final List<GpuInfo> TWO_H100_WITH_APPS =
      List.of(
          new GpuInfo(
              0,
              H100_0,
              "NVIDIA H100 80GB HBM3",
              81559 * MIB,
              70521 * MIB,
              10374 * MIB,
              OptionalDouble.of(100),
              OptionalDouble.of(61),
              OptionalDouble.of(64),
              OptionalDouble.of(547.13),
              List.of(
                  new GpuProcess(48213, OptionalLong.of(70496 * MIB)),
                  new GpuProcess(48377, OptionalLong.empty()))),
          new GpuInfo(
              1,
              "GPU-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
              "NVIDIA H100 80GB HBM3",
              81559 * MIB,
              3 * MIB,
              80892 * MIB,
              OptionalDouble.of(0),
              OptionalDouble.of(0),
              OptionalDouble.of(31),
              OptionalDouble.of(69.86),
              List.of()));

  @Test
  void readsEveryFieldAndMatchesProcessesToGpusByUuid() throws IOException {
    Map<String, List<GpuProcess>> apps = NvidiaSmiCsv.computeApps(recorded("compute-apps.csv"));

    assertThat(NvidiaSmiCsv.gpus(recorded("two-h100.csv"), apps)).isEqualTo(TWO_H100_WITH_APPS);
  }

  @Test
  void notAvailableAndNotSupportedFieldsAreEmptyAndNamesMayHoldCommas() throws IOException {
    List<GpuInfo> gpus = NvidiaSmiCsv.gpus(recorded("not-available.csv"), Map.of());

    GpuInfo mig = gpus.get(0);
    assertThat(mig.memoryTotalBytes()).isEqualTo(40960 * MIB);
    assertThat(mig.memoryUsedBytes()).isZero();
    assertThat(mig.memoryFreeBytes()).isZero();
    assertThat(mig.utilization()).isEmpty();
    assertThat(mig.memoryUtilization()).isEmpty();
    assertThat(mig.temperature()).hasValue(33);
    assertThat(mig.powerWatts()).isEmpty();
    GpuInfo odd = gpus.get(1);
    assertThat(odd.name()).isEqualTo("Graphics Device, Rev. A");
    assertThat(odd.utilization()).hasValue(7);
    assertThat(odd.temperature()).isEmpty();
    assertThat(odd.powerWatts()).hasValue(21.5);
  }

  @Test
  void noOutputMeansNoGpusAndNoProcesses() {
    assertThat(NvidiaSmiCsv.gpus("\n", Map.of())).isEmpty();
    assertThat(NvidiaSmiCsv.computeApps("")).isEmpty();
  }

  @Test
  void aLineOfAnotherShapeIsAnErrorThatQuotesIt() {
    assertThatThrownBy(() -> NvidiaSmiCsv.gpus("0, GPU-x, Tesla T4, 15360", Map.of()))
        .isInstanceOf(AutotuneException.class)
        .hasMessage("unexpected nvidia-smi output line: 0, GPU-x, Tesla T4, 15360");
    assertThatThrownBy(() -> NvidiaSmiCsv.computeApps("GPU-x, lots, 12"))
        .hasMessage("unexpected nvidia-smi output line: GPU-x, lots, 12");
  }

  static String recorded(String name) throws IOException {
    try (InputStream in = NvidiaSmiCsvTest.class.getResourceAsStream("/nvidia-smi/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
