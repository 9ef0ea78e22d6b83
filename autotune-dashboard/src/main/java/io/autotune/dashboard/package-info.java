/**
 * API: {@link io.autotune.dashboard.DashboardServlet}, a servlet with a JSON API and a static page,
 * configured by {@link io.autotune.dashboard.DashboardOptions}. Everything else here is
 * package-private. The servlet is thread-safe, as a servlet container requires.
 */
package io.autotune.dashboard;
