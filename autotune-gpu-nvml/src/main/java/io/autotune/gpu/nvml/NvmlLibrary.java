package io.autotune.gpu.nvml;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.autotune.spi.GpuInfo.GpuProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The NVML entry points autotune uses, all resolved when the library is loaded so that a missing
 * symbol shows at once, with typed calls over them. Immutable and thread-safe (NVML is).
 */
final class NvmlLibrary {
  static final int SUCCESS = 0;
  static final int ERROR_NOT_SUPPORTED = 3;
  static final int ERROR_INSUFFICIENT_SIZE = 7;
  private static final int TEMPERATURE_GPU = 0;
  // NVML_DEVICE_UUID_V2_BUFFER_SIZE and NVML_DEVICE_NAME_V2_BUFFER_SIZE
  private static final int STRING_BUFFER_SIZE = 96;
  // nvmlProcessInfo_t (v2 layout): uint pid @0, ull usedGpuMemory @8, uint gpuInstanceId @16,
  // uint computeInstanceId @20: 24 bytes with the padding after pid
  private static final int PROCESS_INFO_SIZE = 24;
  private static final long VALUE_NOT_AVAILABLE = -1L;
  private static final int PROCESS_LIST_ATTEMPTS = 5;
  private static final int PROCESS_LIST_SLACK = 8;

  private final String file;
  private final Functions f;

  private NvmlLibrary(String file, Functions functions) {
    this.file = file;
    this.f = functions;
  }

  /**
   * Loads the first of {@code names} that the system can open.
   *
   * @throws NvmlUnavailableException saying why none could be used
   */
  static NvmlLibrary load(List<String> names) throws NvmlUnavailableException {
    List<String> failures = new ArrayList<>();
    for (String name : names) {
      NativeLibrary library;
      try {
        library = NativeLibrary.getInstance(name);
      } catch (UnsatisfiedLinkError e) {
        failures.add(name + ": " + firstLines(e.getMessage()));
        continue;
      }
      try {
        return new NvmlLibrary(
            library.getFile() == null ? name : library.getFile().toString(),
            new Functions(library));
      } catch (UnsatisfiedLinkError e) {
        throw new NvmlUnavailableException(
            "libnvidia-ml ("
                + library.getFile()
                + ") is too old for autotune: "
                + firstLines(e.getMessage()));
      }
    }
    throw new NvmlUnavailableException(
        "libnvidia-ml not found (" + String.join("; ", failures) + ")");
  }

  /** The file the library was loaded from. */
  String file() {
    return file;
  }

  void init() {
    check("nvmlInit_v2", f.init.invokeInt(new Object[0]));
  }

  /** Returns NVML's result code; the caller decides what a failure means at shutdown. */
  int shutdown() {
    return f.shutdown.invokeInt(new Object[0]);
  }

  String errorString(int code) {
    return f.errorString.invokeString(new Object[] {code}, false);
  }

  int deviceCount() {
    IntByReference count = new IntByReference();
    check("nvmlDeviceGetCount_v2", f.deviceCount.invokeInt(new Object[] {count}));
    return count.getValue();
  }

  Pointer device(int index) {
    PointerByReference device = new PointerByReference();
    check("nvmlDeviceGetHandleByIndex_v2", f.handleByIndex.invokeInt(new Object[] {index, device}));
    return device.getValue();
  }

  String uuid(Pointer device) {
    return string("nvmlDeviceGetUUID", f.uuid, device);
  }

  String name(Pointer device) {
    return string("nvmlDeviceGetName", f.name, device);
  }

  /** Bytes of GPU memory (nvmlMemory_t: total, free, used, in that order). */
  record MemoryInfo(long total, long free, long used) {}

  /** GPU and memory-controller utilisation in percent (nvmlUtilization_t). */
  record Utilization(int gpu, int memory) {}

  MemoryInfo memory(Pointer device) {
    Memory memory = new Memory(24);
    check("nvmlDeviceGetMemoryInfo", f.memoryInfo.invokeInt(new Object[] {device, memory}));
    return new MemoryInfo(memory.getLong(0), memory.getLong(8), memory.getLong(16));
  }

  /** Empty when the GPU does not report utilisation. */
  Optional<Utilization> utilization(Pointer device) {
    Memory rates = new Memory(8);
    int code = f.utilizationRates.invokeInt(new Object[] {device, rates});
    return supported("nvmlDeviceGetUtilizationRates", code)
        ? Optional.of(new Utilization(rates.getInt(0), rates.getInt(4)))
        : Optional.empty();
  }

  OptionalDouble temperature(Pointer device) {
    IntByReference celsius = new IntByReference();
    int code = f.temperature.invokeInt(new Object[] {device, TEMPERATURE_GPU, celsius});
    return supported("nvmlDeviceGetTemperature", code)
        ? OptionalDouble.of((double) Integer.toUnsignedLong(celsius.getValue()))
        : OptionalDouble.empty();
  }

  OptionalDouble powerWatts(Pointer device) {
    IntByReference milliwatts = new IntByReference();
    int code = f.powerUsage.invokeInt(new Object[] {device, milliwatts});
    return supported("nvmlDeviceGetPowerUsage", code)
        ? OptionalDouble.of(Integer.toUnsignedLong(milliwatts.getValue()) / 1000.0)
        : OptionalDouble.empty();
  }

  /**
   * The compute processes on the GPU. NVML's protocol: ask with no buffer to learn the count, then
   * ask again with a buffer; processes that start in between make the second call fail with
   * INSUFFICIENT_SIZE, so grow and retry a few times.
   */
  List<GpuProcess> computeProcesses(Pointer device) {
    IntByReference count = new IntByReference(0);
    int code = f.computeProcesses.invokeInt(new Object[] {device, count, null});
    for (int attempt = 0;
        attempt < PROCESS_LIST_ATTEMPTS && code == ERROR_INSUFFICIENT_SIZE;
        attempt++) {
      int capacity = count.getValue() + PROCESS_LIST_SLACK;
      Memory infos = new Memory((long) capacity * PROCESS_INFO_SIZE);
      count.setValue(capacity);
      code = f.computeProcesses.invokeInt(new Object[] {device, count, infos});
      if (code == SUCCESS) {
        return processes(infos, count.getValue());
      }
    }
    // SUCCESS on the sizing call means no process; NOT_SUPPORTED means none can be seen
    supported("nvmlDeviceGetComputeRunningProcesses_v3", code);
    return List.of();
  }

  private static List<GpuProcess> processes(Memory infos, int count) {
    List<GpuProcess> processes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long offset = (long) i * PROCESS_INFO_SIZE;
      long used = infos.getLong(offset + 8);
      processes.add(
          new GpuProcess(
              Integer.toUnsignedLong(infos.getInt(offset)),
              used == VALUE_NOT_AVAILABLE ? OptionalLong.empty() : OptionalLong.of(used)));
    }
    return processes;
  }

  private String string(String call, Function function, Pointer device) {
    byte[] buffer = new byte[STRING_BUFFER_SIZE];
    check(call, function.invokeInt(new Object[] {device, buffer, buffer.length}));
    int length = 0;
    while (length < buffer.length && buffer[length] != 0) {
      length++;
    }
    return new String(buffer, 0, length, StandardCharsets.UTF_8);
  }

  /** True on success, false when NOT_SUPPORTED; throws for any other result. */
  private boolean supported(String call, int code) {
    if (code == ERROR_NOT_SUPPORTED) {
      return false;
    }
    check(call, code);
    return true;
  }

  private void check(String call, int code) {
    if (code != SUCCESS) {
      throw new NvmlException(call, code, errorString(code));
    }
  }

  /** JNA's first two lines: what failed and the loader's reason; the rest lists the class path. */
  private static String firstLines(String message) {
    return message == null ? "" : String.join(" ", message.lines().limit(2).toList());
  }

  /** The resolved entry points; resolving throws UnsatisfiedLinkError for a missing symbol. */
  private static final class Functions {
    final Function init;
    final Function shutdown;
    final Function errorString;
    final Function deviceCount;
    final Function handleByIndex;
    final Function uuid;
    final Function name;
    final Function memoryInfo;
    final Function utilizationRates;
    final Function temperature;
    final Function powerUsage;
    final Function computeProcesses;

    Functions(NativeLibrary library) {
      init = library.getFunction("nvmlInit_v2");
      shutdown = library.getFunction("nvmlShutdown");
      errorString = library.getFunction("nvmlErrorString");
      deviceCount = library.getFunction("nvmlDeviceGetCount_v2");
      handleByIndex = library.getFunction("nvmlDeviceGetHandleByIndex_v2");
      uuid = library.getFunction("nvmlDeviceGetUUID");
      name = library.getFunction("nvmlDeviceGetName");
      memoryInfo = library.getFunction("nvmlDeviceGetMemoryInfo");
      utilizationRates = library.getFunction("nvmlDeviceGetUtilizationRates");
      temperature = library.getFunction("nvmlDeviceGetTemperature");
      powerUsage = library.getFunction("nvmlDeviceGetPowerUsage");
      computeProcesses = library.getFunction("nvmlDeviceGetComputeRunningProcesses_v3");
    }
  }
}
