package io.autotune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.model.Direction;
import io.autotune.space.SearchSpace;
import io.autotune.testing.SampleStrategy;
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
        .hasMessage("value of suggestion 1 must be finite, but was NaN; use fail()");
    study.tell(n, 1.0);
    assertThatThrownBy(() -> study.tell(n, 2.0)).isInstanceOf(NoSuchElementException.class);
  }
}
