package io.autotune.inference;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a goodput search found for one scenario. Immutable.
 *
 * @param scenario the traffic scenario
 * @param best the run at the highest load that met every SLO, if any did
 * @param runs every run of the search, in the order they ran
 */
public record GoodputResult(String scenario, Optional<LevelResult> best, List<LevelResult> runs) {

  public GoodputResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(best, "best");
    runs = List.copyOf(runs);
  }
}
