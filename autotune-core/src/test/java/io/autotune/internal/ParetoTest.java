package io.autotune.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoTest {

  @Test
  void theFrontIsWhatComparingEveryPairGivesInTheGivenOrder() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 200; round++) {
      int objectives = 1 + random.nextInt(4);
      List<List<Double>> points = new ArrayList<>();
      for (int i = random.nextInt(60); i > 0; i--) {
        List<Double> point = new ArrayList<>();
        for (int k = 0; k < objectives; k++) {
          point.add((double) random.nextInt(6)); // coarse values: many ties and duplicates
        }
        points.add(point);
      }

      List<List<Double>> everyPair =
          points.stream()
              .filter(p -> points.stream().noneMatch(o -> Pareto.dominates(o, p)))
              .toList();

      assertThat(Pareto.front(points, p -> p)).containsExactlyElementsOf(everyPair);
    }
  }

  @Test
  void equalPointsAreAllOnTheFront() {
    List<List<Double>> points = List.of(List.of(1.0, 2.0), List.of(1.0, 2.0), List.of(2.0, 2.0));

    assertThat(Pareto.front(points, p -> p)).hasSize(2).allMatch(p -> p.equals(List.of(1.0, 2.0)));
  }
}
