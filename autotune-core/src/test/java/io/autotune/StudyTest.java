package io.autotune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.model.Direction;
import io.autotune.space.SearchSpace;
import io.autotune.testing.SampleStrategy;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class StudyTest {
  private final SearchSpace space = SearchSpace.builder().real("x", 0, 1).build();

  @Test
  void asksTellsAndKeepsTheBestForTheDirection() {
    Study study = Study.of(space, new SampleStrategy(), Direction.MAXIMIZE, 1);
    Study.Suggestion a = study.ask().orElseThrow();
    Study.Suggestion b = study.ask().orElseThrow();
    Study.Suggestion c = study.ask().orElseThrow();
    assertThat(a.number()).isEqualTo(1);
    assertThat(c.number()).isEqualTo(3);
    study.tell(a.number(), 0.3);
    study.fail(b.number());
    study.tell(c.number(), 0.9);
    assertThat(study.best().orElseThrow().number()).isEqualTo(3);
    assertThat(study.results()).hasSize(3);
    assertThat(study.results().get(1).value()).isEmpty();
  }

  @Test
  void theSameSeedGivesTheSameSuggestions() {
    Study one = Study.of(space, new SampleStrategy(), Direction.MINIMIZE, 9);
    Study two = Study.of(space, new SampleStrategy(), Direction.MINIMIZE, 9);
    for (int i = 0; i < 5; i++) {
      Study.Suggestion s = one.ask().orElseThrow();
      assertThat(two.ask().orElseThrow()).isEqualTo(s);
      one.tell(s.number(), i);
      two.tell(s.number(), i);
    }
  }

  @Test
  void misuseIsRejectedClearly() {
    Study study = Study.of(space, new SampleStrategy(), Direction.MINIMIZE, 1);
    assertThatThrownBy(() -> study.tell(4, 1.0))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no suggestion 4 is waiting for a result");
    int n = study.ask().orElseThrow().number();
    assertThatThrownBy(() -> study.tell(n, Double.NaN))
        .hasMessage(
            "suggestion 1: values must be finite, but were [NaN]; report a failed evaluation"
                + " with fail()");
    study.tell(n, 1.0);
    assertThatThrownBy(() -> study.tell(n, 2.0)).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void severalObjectivesAndConstraintsGiveTheFeasibleParetoFront() {
    Study study =
        Study.of(
            space, new SampleStrategy(), List.of(Direction.MINIMIZE, Direction.MAXIMIZE), 1, 1, 10);
    for (int i = 0; i < 5; i++) {
      assertThat(study.ask()).isPresent();
    }
    study.tell(1, List.of(1.0, 5.0), List.of(0.0)); // on the front
    study.tell(2, List.of(2.0, 6.0), List.of(-1.0)); // on the front: worse first, better second
    study.tell(3, List.of(2.0, 4.0), List.of(-1.0)); // dominated by 1
    study.tell(4, List.of(0.5, 9.0), List.of(0.1)); // would dominate both, but infeasible
    study.fail(5);
    assertThat(study.paretoFront()).extracting(Study.Result::number).containsExactly(1, 2);
    assertThatThrownBy(study::best)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Pareto front");
    assertThatThrownBy(() -> study.tell(6, List.of(1.0), List.of(0.0)))
        .hasMessage("suggestion 6: expected 2 values, but got 1");
  }

  @Test
  void theBestOfOneObjectiveIsTheBestFeasible() {
    Study study = Study.of(space, new SampleStrategy(), List.of(Direction.MINIMIZE), 1, 1, 10);
    assertThat(study.ask()).isPresent();
    assertThat(study.ask()).isPresent();
    study.tell(1, List.of(1.0), List.of(0.5));
    study.tell(2, List.of(3.0), List.of(-0.5));
    assertThat(study.best().orElseThrow().number()).isEqualTo(2);
    assertThat(study.paretoFront()).extracting(Study.Result::number).containsExactly(2);
  }
}
