/**
 * API: helpers for runners that put processes on GPUs ({@link io.autotune.gpu.CudaEnvironment},
 * {@link io.autotune.gpu.GpuCounts}). Stateless and thread-safe. How experiments are given GPUs is
 * not API: it lives in {@code io.autotune.internal}.
 */
package io.autotune.gpu;
