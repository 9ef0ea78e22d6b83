package io.autotune.gpu.nvml;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads libnvidia-ml once per list of names and remembers the outcome, so that a missing library is
 * logged once, not at every detection. Touches JNA only inside {@link #load}, where a missing or
 * incompatible JNA surfaces as an error that is caught and reported. Thread-safe.
 */
final class NvmlLoader {
  private static final Logger log = LoggerFactory.getLogger(NvmlLoader.class);
  private static final Map<List<String>, Loaded> LOADED = new ConcurrentHashMap<>();

  private NvmlLoader() {}

  /** The library, or why there is none (then {@code failure} is not empty). */
  record Loaded(Optional<NvmlLibrary> library, String failure) {}

  static Loaded load(List<String> names) {
    return LOADED.computeIfAbsent(List.copyOf(names), NvmlLoader::loadNow);
  }

  private static Loaded loadNow(List<String> names) {
    try {
      NvmlLibrary library = NvmlLibrary.load(names);
      log.debug("loaded NVML from {}", library.file());
      return new Loaded(Optional.of(library), "");
    } catch (NvmlUnavailableException e) {
      return failed(e.getMessage());
    } catch (VirtualMachineError e) {
      throw e;
    } catch (LinkageError e) {
      return failed("JNA cannot be used: " + e);
    } catch (Error e) {
      // JNA throws a plain Error when its native part does not match its Java part
      return failed("JNA cannot be used: " + e.getMessage().strip().lines().findFirst().orElse(""));
    }
  }

  private static Loaded failed(String reason) {
    // GpuMonitors.detect says at INFO, in one line, what it found instead
    log.debug("NVML unavailable: {}", reason);
    return new Loaded(Optional.empty(), reason);
  }
}
