package io.autotune.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoRankingTest {
  @Test
  void ordersByFrontThenMostIsolatedFirst() {
    List<double[]> points =
        List.of(
            new double[] {3, 3}, // second front
            new double[] {1, 5}, // front, an end
            new double[] {2.9, 2.1}, // front, crowded by its neighbours
            new double[] {5, 1}, // front, the other end
            new double[] {2, 4}, // front
            new double[] {6, 6}); // third front
    List<Integer> order = ParetoRanking.order(points);
    assertThat(order.subList(0, 2)).containsExactlyInAnyOrder(1, 3);
    assertThat(order.subList(2, 4)).containsExactlyInAnyOrder(2, 4);
    assertThat(order.subList(4, 6)).containsExactly(0, 5);
  }

  @Test
  void dominanceNeedsOneStrictlyBetterObjective() {
    assertThat(ParetoRanking.dominates(new double[] {1, 2}, new double[] {1, 3})).isTrue();
    assertThat(ParetoRanking.dominates(new double[] {1, 2}, new double[] {1, 2})).isFalse();
    assertThat(ParetoRanking.dominates(new double[] {0, 4}, new double[] {1, 3})).isFalse();
  }
}
