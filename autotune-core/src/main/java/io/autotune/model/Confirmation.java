package io.autotune.model;

/**
 * Confirmation runs at the end of a task: once the search has used its {@code max_iterations} (or
 * its strategy has nothing left), the {@code top} best feasible configurations are each run {@code
 * repeats} more times, and the task's confirmed best is the one with the best mean (see {@link
 * Confirmed}). Serving benchmarks vary from run to run: the best single run is often a lucky one.
 *
 * @param top how many of the best configurations to run again, at least 1
 * @param repeats how many more times each is run, at least 1
 */
public record Confirmation(int top, int repeats) {
  public Confirmation {
    if (top < 1 || repeats < 1) {
      throw new IllegalArgumentException(
          "top and repeats must be at least 1, but were " + top + " and " + repeats);
    }
  }

  /** How many experiments the confirmation adds to the task's budget. */
  public int experiments() {
    return Math.multiplyExact(top, repeats);
  }
}
