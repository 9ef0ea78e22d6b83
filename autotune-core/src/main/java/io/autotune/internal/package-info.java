/**
 * Not API: the tuning loop, experiment execution, leases, GPU allocation and sampling. Classes are
 * public here only where another autotune package needs them, and may change in any release. Each
 * class states whether it is thread-safe.
 */
package io.autotune.internal;
