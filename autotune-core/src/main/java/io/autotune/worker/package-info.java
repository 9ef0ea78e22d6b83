/**
 * API: a long-running {@link io.autotune.worker.Worker} that claims pending tasks from a shared
 * store, heartbeats, and reaps the processes of dead workers; built by {@link
 * io.autotune.worker.WorkerBuilder}. A built worker is thread-safe; its builder is not.
 */
package io.autotune.worker;
