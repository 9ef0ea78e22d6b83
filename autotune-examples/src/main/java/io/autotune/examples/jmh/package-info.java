/** Not API, not published: JMH benchmarks (proposal latency, loop overhead, load generator). */
package io.autotune.examples.jmh;
