package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pages, hash chains, the last page and LRU eviction of the simulated radix cache. */
class PrefixCacheTest {

  private static int[] tokens(int from, int count) {
    return IntStream.range(from, from + count).toArray();
  }

  @Test
  void aRepeatedPromptIsServedFromTheCacheExceptItsLastPage() {
    PrefixCache cache = new PrefixCache(1000);

    assertThat(cache.admit(tokens(0, 100))).isZero();
    assertThat(cache.admit(tokens(0, 100))).isEqualTo(96); // six full pages; 4 tokens beyond
    assertThat(cache.admit(tokens(0, 96))).isEqualTo(80); // whole: the last page is computed
    assertThat(cache.size()).isEqualTo(6);
  }

  @Test
  void onlyTheSharedLeadingPagesHit() {
    PrefixCache cache = new PrefixCache(1000);
    cache.admit(tokens(0, 64));

    int[] divergesInPageThree = tokens(0, 64);
    divergesInPageThree[40] = -7;
    assertThat(cache.admit(divergesInPageThree)).isEqualTo(32);

    // the same page after a different prefix is another page: the keys chain
    int[] sameTailOtherHead = tokens(0, 64);
    sameTailOtherHead[0] = -1;
    assertThat(cache.admit(sameTailOtherHead)).isZero();
  }

  @Test
  void leastRecentlyUsedPagesGoFirstLeavesBeforeTheirPrefix() {
    PrefixCache cache = new PrefixCache(4);
    cache.admit(tokens(0, 64)); // four pages: full
    cache.admit(tokens(1000, 32)); // two more evict two of the first prompt's: its leaves

    assertThat(cache.size()).isEqualTo(4);
    assertThat(cache.admit(tokens(0, 64))).isEqualTo(32);
  }

  @Test
  void aCacheOfNoPagesIsOff() {
    PrefixCache off = new PrefixCache(0);
    off.admit(tokens(0, 64));

    assertThat(off.admit(tokens(0, 64))).isZero();
    assertThat(off.size()).isZero();
    assertThatThrownBy(() -> new PrefixCache(-1)).hasMessageContaining("at least 0");
  }

  @Test
  void promptsShorterThanAPageAreNeverCached() {
    PrefixCache cache = new PrefixCache(10);
    int[] short15 = new int[15];
    Arrays.fill(short15, 3);
    cache.admit(short15);

    assertThat(cache.admit(short15)).isZero();
  }
}
