/**
 * The API of autotune: build a {@link io.autotune.Tuner}, run a {@link io.autotune.Study} and read
 * its {@link io.autotune.TuningResult}; {@link io.autotune.AutotuneException} and its subclasses
 * say what failed. Each class states whether it is thread-safe; a built {@code Tuner} is.
 */
package io.autotune;
