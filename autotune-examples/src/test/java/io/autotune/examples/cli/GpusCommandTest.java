package io.autotune.examples.cli;

import static io.autotune.testing.FakeGpuMonitor.gpu;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuMonitor;
import io.autotune.testing.FakeGpuMonitor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GpusCommandTest {

  @Test
  void textNamesTheMonitorAndEachGpu() {
    FakeGpuMonitor monitor = new FakeGpuMonitor(List.of(gpu(0, 70, 12), gpu(1, 80, 0, 4242)));

    String out = run(monitor);

    assertThat(out)
        .isEqualTo(
            "monitor: fake\n"
                + "GPU 0  Fake GPU  GPU-fake-0  memory 10240/81920 MiB used  util 12%  memory util"
                + " 6%  40 C  100.0 W  processes: none\n"
                + "GPU 1  Fake GPU  GPU-fake-1  memory 0/81920 MiB used  util 0%  memory util 0% "
                + " 41 C  101.0 W  processes: 4242 (1024 MiB)\n");
  }

  @Test
  void withoutGpusTheReasonIsShown() {
    assertThat(run(GpuMonitor.none("no driver"))).isEqualTo("monitor: none (no driver)\nno GPUs\n");
  }

  @Test
  void jsonHasEveryFieldAndNullForWhatTheGpuDoesNotReport() throws Exception {
    GpuInfo full = gpu(0, 70, 12, 4242);
    GpuInfo bare =
        new GpuInfo(
            1,
            "GPU-b",
            "Bare",
            100,
            60,
            40,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            List.of());

    JsonNode json =
        new ObjectMapper().readTree(run(new FakeGpuMonitor(List.of(full, bare)), "--json"));

    assertThat(json.get("monitor").asText()).isEqualTo("fake");
    assertThat(json.has("unavailable_reason")).isFalse();
    JsonNode first = json.get("gpus").get(0);
    assertThat(first.get("uuid").asText()).isEqualTo("GPU-fake-0");
    assertThat(first.get("memory_free_bytes").asLong()).isEqualTo(70L << 30);
    assertThat(first.get("utilization").asDouble()).isEqualTo(12.0);
    assertThat(first.get("power_watts").asDouble()).isEqualTo(100.0);
    assertThat(first.get("processes").get(0).get("pid").asLong()).isEqualTo(4242);
    assertThat(first.get("processes").get(0).get("used_memory_bytes").asLong()).isEqualTo(1L << 30);
    JsonNode second = json.get("gpus").get(1);
    assertThat(second.get("memory_used_bytes").asLong()).isEqualTo(60);
    assertThat(second.get("utilization").isNull()).isTrue();
    assertThat(second.get("temperature").isNull()).isTrue();
    assertThat(second.get("processes")).isEmpty();
  }

  @Test
  void theCliHasTheCommandAndItAnswersOnAnyHost() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = AutotuneCli.execute(new PrintWriter(out), new PrintWriter(err), "gpus", "--json");

    assertThat(exit).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("monitor").asText()).isIn("nvml", "nvidia-smi", "none");
    assertThat(json.get("gpus").isArray()).isTrue();
  }

  private static String run(GpuMonitor monitor, String... args) {
    StringWriter out = new StringWriter();
    int exit =
        new CommandLine(new GpusCommand(() -> monitor)).setOut(new PrintWriter(out)).execute(args);
    assertThat(exit).isZero();
    return out.toString().replace(System.lineSeparator(), "\n");
  }
}
