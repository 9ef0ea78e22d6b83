/**
 * Not API, not published: a simulated OpenAI-compatible inference server whose throughput and
 * latency follow its launch flags, for tuning without GPUs. The server is thread-safe.
 */
package io.autotune.examples.sim;
