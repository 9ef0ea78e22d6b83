package io.autotune.gpu.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import io.autotune.spi.GpuMonitor;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs NvmlProbe as its own process with the fake library found the way a driver's is, through the
 * dynamic loader (LD_LIBRARY_PATH) and not jna.library.path, and with no nvidia-smi on the PATH.
 */
class NvmlProbeTest {

  @BeforeEach
  void buildFake() throws Exception {
    FakeNvml.build();
  }

  @Test
  void printsEveryGpuThroughNvmlAndDetectPicksNvml() throws Exception {
    String out = probe(Map.of());

    assertThat(out)
        .contains("nvml: NvmlGpuMonitor[")
        .contains(", 3 GPUs, ")
        .contains(
            "GPU 1 uuid=GPU-11111111-1111-1111-1111-111111111111 name=\"Fake A100-SXM4-40GB\""
                + " memory total=42949672960 used=21474836480 free=21474836480 bytes"
                + " utilization=OptionalDouble[97.0] memoryUtilization=OptionalDouble[55.0]"
                + " temperature=OptionalDouble[67.0] powerWatts=OptionalDouble.empty")
        .contains("nvidia-smi: unavailable: nvidia-smi cannot be run: ")
        .contains("detect() picked: nvml");
  }

  @Test
  void aDriverThatFailsToInitialiseIsReportedAndNothingIsPicked() throws Exception {
    String out = probe(Map.of("FAKE_NVML_INIT_RESULT", "9"));

    assertThat(out)
        .contains(
            "nvml: unavailable: nvmlInit_v2 failed: fake NVML: Driver Not Loaded (NVML error 9)")
        .contains("detect() picked: none");
  }

  private static String probe(Map<String, String> environment) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-cp", classPath(), NvmlProbe.class.getName(), "2")
            .redirectErrorStream(true);
    builder.environment().put("LD_LIBRARY_PATH", FakeNvml.DIRECTORY.toString());
    builder.environment().put("PATH", "/nonexistent");
    builder.environment().putAll(environment);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  private static String classPath() {
    return Stream.of(NvmlProbe.class, GpuMonitor.class, Native.class, LoggerFactory.class)
        .map(c -> c.getProtectionDomain().getCodeSource().getLocation().getPath())
        .map(path -> new File(path).getPath())
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }
}
