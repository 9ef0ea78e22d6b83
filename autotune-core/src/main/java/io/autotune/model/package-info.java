/**
 * API: immutable values (records and enums) for tasks, experiments, objectives, SLOs, leases and
 * workers, and {@link io.autotune.model.TaskJson} for the task file format. Values are thread-safe;
 * the JSON helpers are stateless.
 */
package io.autotune.model;
