package io.autotune.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class IndexPermutationTest {

  @Property(tries = 200)
  void visitsEveryIndexBelowNExactlyOnce(
      @ForAll @IntRange(min = 1, max = 5000) int n, @ForAll long seed) {
    IndexPermutation permutation = new IndexPermutation(n, seed);
    BitSet seen = new BitSet(n);
    for (int i = 0; i < n; i++) {
      long index = permutation.apply(i);
      assertThat(index).isBetween(0L, n - 1L);
      assertThat(seen.get((int) index)).as("index %d seen twice", index).isFalse();
      seen.set((int) index);
    }
    assertThat(seen.cardinality()).isEqualTo(n);
  }
}
