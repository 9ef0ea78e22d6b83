/**
 * Classes the dashboard shares with the command line of autotune-examples; not API, they may change
 * in any release.
 */
package io.autotune.dashboard.internal;
