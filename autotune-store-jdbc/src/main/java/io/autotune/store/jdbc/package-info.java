/**
 * API: {@link io.autotune.store.jdbc.JdbcCheckpointStore}, a {@link
 * io.autotune.spi.CheckpointStore} over JDBC (H2, PostgreSQL), built by {@link
 * io.autotune.store.jdbc.JdbcCheckpointStoreBuilder}. Everything else here is package-private. The
 * store is thread-safe and safe to share between processes; its builder is not thread-safe.
 */
package io.autotune.store.jdbc;
