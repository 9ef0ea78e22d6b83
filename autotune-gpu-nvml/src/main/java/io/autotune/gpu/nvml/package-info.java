/**
 * API: {@link io.autotune.gpu.nvml.GpuMonitors}, {@link io.autotune.spi.GpuMonitor}s over NVML
 * (through JNA) with an nvidia-smi fallback, and {@link io.autotune.gpu.nvml.NvmlProbe}. Everything
 * else here is package-private. The monitors are thread-safe.
 */
package io.autotune.gpu.nvml;
