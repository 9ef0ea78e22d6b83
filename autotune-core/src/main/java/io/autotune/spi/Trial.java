package io.autotune.spi;

import io.autotune.space.Configuration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A finished experiment as a strategy sees it. The loss is the score oriented so that lower is
 * better; it is empty when the experiment failed or timed out, which tells the strategy that the
 * configuration is infeasible, never a fake score.
 */
public record Trial(int number, Configuration configuration, OptionalDouble loss) {

  public Trial {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(loss, "loss");
  }

  public static Trial succeeded(int number, Configuration configuration, double loss) {
    return new Trial(number, configuration, OptionalDouble.of(loss));
  }

  public static Trial failed(int number, Configuration configuration) {
    return new Trial(number, configuration, OptionalDouble.empty());
  }

  public boolean isFailure() {
    return loss.isEmpty();
  }
}
