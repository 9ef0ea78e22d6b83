/**
 * Not API: the {@link io.autotune.spi.StrategyProvider}s that find the built-in strategies by name
 * for task JSON (public because ServiceLoader needs them so). Stateless and thread-safe.
 */
package io.autotune.strategies.internal;
