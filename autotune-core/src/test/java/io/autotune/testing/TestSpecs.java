package io.autotune.testing;

import io.autotune.model.Objective;
import io.autotune.model.TaskSpec;
import io.autotune.space.SearchSpace;

/** Small task specs for tests. */
public final class TestSpecs {
  private TestSpecs() {}

  /** A two-parameter task minimising {@code value}. */
  public static TaskSpec simple(String name) {
    SearchSpace space =
        SearchSpace.builder().real("x", -5, 10).choice("mode", "a", "b", true).build();
    return TaskSpec.of(name, space, Objective.minimize("value"));
  }
}
