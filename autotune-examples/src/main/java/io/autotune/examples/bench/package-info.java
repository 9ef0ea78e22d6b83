/**
 * Not API, not published: throughput benchmarks of the worker, the store and the dashboard, run as
 * plain main programs.
 */
package io.autotune.examples.bench;
