/**
 * API: search spaces, their parameters (integer, real, choice) and configurations, the points of a
 * space. All immutable and thread-safe.
 */
package io.autotune.space;
