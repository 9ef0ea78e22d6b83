/**
 * The SPIs: {@link io.autotune.spi.Strategy}, {@link io.autotune.spi.ExperimentRunner}, {@link
 * io.autotune.spi.CheckpointStore} and {@link io.autotune.spi.GpuMonitor}, with the values they
 * exchange. Built-ins come from static factories on the interfaces ({@code
 * CheckpointStore.inMemory()}, {@code GpuMonitor.none()}); their classes are package-private. Each
 * interface states what thread-safety it asks of implementations.
 */
package io.autotune.spi;
