package io.autotune.strategies;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Visits every point of a finite grid once, then reports exhaustion. When the budget is smaller
 * than the grid, the order is shuffled by a permutation seeded from the task's seed (never from the
 * per-proposal generator), so the order stays the same for the whole task and across restarts.
 */
final class GridStrategy implements Strategy {
  private final OptionalInt realPoints;

  GridStrategy(OptionalInt realPoints) {
    this.realPoints = realPoints;
  }

  @Override
  public void validate(SearchSpace space) {
    Grid.of(space, realPoints);
  }

  @Override
  public Optional<Configuration> propose(StrategyContext context) {
    Grid grid = Grid.of(context.space(), realPoints);
    long size = grid.size();
    IndexPermutation shuffle =
        context.budget() < size ? new IndexPermutation(size, context.seed()) : null;
    Set<Configuration> taken = context.taken();
    // At most |taken| + 1 positions are looked at before an untaken point turns up.
    for (long position = 0; position < size; position++) {
      long index = shuffle == null ? position : shuffle.apply(position);
      Configuration candidate = grid.at(index);
      if (!taken.contains(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return realPoints.isPresent() ? "grid(real_points=" + realPoints.getAsInt() + ")" : "grid";
  }
}
