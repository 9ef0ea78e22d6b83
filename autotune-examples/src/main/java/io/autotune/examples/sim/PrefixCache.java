package io.autotune.examples.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated server's radix (prefix) cache: prompts are cut into pages of {@link #PAGE} tokens,
 * each page keyed by a hash chain over its own tokens and its predecessor's key, so that a page is
 * found only behind the very same prefix. At most {@code capacity} pages are kept, the least
 * recently used evicted first. Thread-safe.
 */
final class PrefixCache {

  static final int PAGE = 16;

  private final int capacity;
  private final Map<Long, Boolean> pages;

  /** A cache of {@code capacity} pages; 0 turns it off. */
  PrefixCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be at least 0, but was " + capacity);
    }
    this.capacity = capacity;
    this.pages =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > PrefixCache.this.capacity;
          }
        };
  }

  /**
   * Looks {@code tokens} up and caches its full pages: returns how many leading tokens were cached
   * already. A prompt cached whole still computes its last page, since the first output token needs
   * it (vLLM does the same with its last block).
   */
  synchronized int admit(int[] tokens) {
    if (capacity == 0) {
      return 0;
    }
    long[] keys = keys(tokens);
    int hits = 0;
    while (hits < keys.length && pages.containsKey(keys[hits])) {
      hits++;
    }
    // the last page first: a chain's root is then its most recently used page, and LRU evicts
    // leaves before the prefixes they hang on, as a radix tree does
    for (int i = keys.length - 1; i >= 0; i--) {
      pages.put(keys[i], Boolean.TRUE);
    }
    int cached = hits * PAGE;
    return cached == tokens.length ? cached - PAGE : cached;
  }

  synchronized int size() {
    return pages.size();
  }

  private static long[] keys(int[] tokens) {
    long[] keys = new long[tokens.length / PAGE];
    long key = 0xcbf2_9ce4_8422_2325L;
    for (int page = 0; page < keys.length; page++) {
      for (int i = page * PAGE; i < (page + 1) * PAGE; i++) {
        key = (key ^ tokens[i]) * 0x100_0000_01b3L; // FNV-1a over the chain
      }
      key ^= key >>> 29;
      keys[page] = key;
    }
    return keys;
  }
}
