/**
 * API: the built-in strategies, from the static factories of {@link
 * io.autotune.strategies.Strategies} (grid, random, TPE, Bayesian), and {@link
 * io.autotune.strategies.TpeOptions}. The strategies are immutable and thread-safe: each is a
 * function of its history.
 */
package io.autotune.strategies;
