package io.autotune.gpu.nvml;

import io.autotune.AutotuneException;
import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuInfo.GpuProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads nvidia-smi's {@code --format=csv,noheader,nounits} output. Values nvidia-smi cannot give
 * ({@code [N/A]}, {@code [Not Supported]}, {@code [Unknown Error]} ...) are empty. Stateless.
 */
final class NvidiaSmiCsv {
  /** The --query-gpu fields, in the order {@link #gpus} reads them. */
  static final String GPU_FIELDS =
      "index,uuid,name,memory.total,memory.used,memory.free,utilization.gpu,utilization.memory,"
          + "temperature.gpu,power.draw";

  /** The --query-compute-apps fields, in the order {@link #computeApps} reads them. */
  static final String APP_FIELDS = "gpu_uuid,pid,used_memory";

  private static final long MIB = 1L << 20;
  private static final int NUMBERS_AFTER_NAME = 7;

  private NvidiaSmiCsv() {}

  /** The GPUs of a --query-gpu output, with the processes of {@code processesByUuid}. */
  static List<GpuInfo> gpus(String csv, Map<String, List<GpuProcess>> processesByUuid) {
    List<GpuInfo> gpus = new ArrayList<>();
    for (String line : csv.strip().lines().filter(l -> !l.isBlank()).toList()) {
      gpus.add(gpu(line, processesByUuid));
    }
    return gpus;
  }

  /** Processes by GPU UUID, from a --query-compute-apps output. */
  static Map<String, List<GpuProcess>> computeApps(String csv) {
    Map<String, List<GpuProcess>> byUuid = new HashMap<>();
    for (String line : csv.strip().lines().filter(l -> !l.isBlank()).toList()) {
      List<String> fields = fields(line);
      if (fields.size() != 3) {
        throw unexpected(line);
      }
      OptionalDouble used = number(fields.get(2), line);
      byUuid
          .computeIfAbsent(fields.get(0), uuid -> new ArrayList<>())
          .add(
              new GpuProcess(
                  (long) number(fields.get(1), line).orElseThrow(() -> unexpected(line)),
                  used.isPresent()
                      ? OptionalLong.of((long) (used.getAsDouble() * MIB))
                      : OptionalLong.empty()));
    }
    return byUuid;
  }

  private static GpuInfo gpu(String line, Map<String, List<GpuProcess>> processesByUuid) {
    List<String> fields = fields(line);
    if (fields.size() < 3 + NUMBERS_AFTER_NAME) {
      throw unexpected(line);
    }
    // a name may hold commas: it is everything between the uuid and the seven numbers
    int nameEnd = fields.size() - NUMBERS_AFTER_NAME;
    String uuid = fields.get(1);
    List<String> numbers = fields.subList(nameEnd, fields.size());
    return new GpuInfo(
        (int) number(fields.get(0), line).orElseThrow(() -> unexpected(line)),
        uuid,
        String.join(", ", fields.subList(2, nameEnd)),
        mebibytes(numbers.get(0), line),
        mebibytes(numbers.get(1), line),
        mebibytes(numbers.get(2), line),
        number(numbers.get(3), line),
        number(numbers.get(4), line),
        number(numbers.get(5), line),
        number(numbers.get(6), line),
        processesByUuid.getOrDefault(uuid, List.of()));
  }

  private static List<String> fields(String line) {
    return Arrays.stream(line.split(",", -1)).map(String::strip).toList();
  }

  /** Memory in bytes; 0 when nvidia-smi does not know it. */
  private static long mebibytes(String field, String line) {
    OptionalDouble mib = number(field, line);
    return mib.isPresent() ? (long) (mib.getAsDouble() * MIB) : 0;
  }

  private static OptionalDouble number(String field, String line) {
    if (field.isEmpty() || field.startsWith("[") || field.equalsIgnoreCase("N/A")) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(field));
    } catch (NumberFormatException e) {
      throw unexpected(line);
    }
  }

  private static AutotuneException unexpected(String line) {
    return new AutotuneException("unexpected nvidia-smi output line: " + line);
  }
}
