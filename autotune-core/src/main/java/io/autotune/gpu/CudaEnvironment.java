package io.autotune.gpu;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The environment that puts a process on given GPUs. Stateless and thread-safe. */
public final class CudaEnvironment {
  private CudaEnvironment() {}

  /**
   * {@code CUDA_VISIBLE_DEVICES} and {@code CUDA_DEVICE_ORDER=PCI_BUS_ID} for GPUs given by index
   * (NVML numbering), as runners see them in {@code ExperimentContext.gpus()}; empty for none. The
   * second is needed because CUDA numbers GPUs fastest first by default, while NVML and nvidia-smi
   * number them in PCI bus order.
   */
  public static Map<String, String> of(List<Integer> gpus) {
    if (gpus.isEmpty()) {
      return Map.of();
    }
    String visible = gpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    return Map.of("CUDA_VISIBLE_DEVICES", visible, "CUDA_DEVICE_ORDER", "PCI_BUS_ID");
  }
}
