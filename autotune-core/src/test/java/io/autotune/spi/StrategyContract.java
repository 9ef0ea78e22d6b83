package io.autotune.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.InvalidTaskException;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.Configuration;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import io.autotune.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Strategy} must have. An implementation's test extends this class and
 * says how to make the strategy. Spaces and histories are generated from seeds (jqwik), with
 * failures, NaN and infinite losses mixed in.
 */
public abstract class StrategyContract {

  /** The strategy under test; called for each check, so it may return a fresh instance. */
  protected abstract Strategy strategy();

  /** A context as the tuning loop builds it (generator from {@link StrategyContext#randomFor}). */
  protected static StrategyContext context(
      SearchSpace space, List<Trial> history, List<Configuration> pending, long seed) {
    return new StrategyContext(
        space,
        history,
        pending,
        100,
        seed,
        StrategyContext.randomFor(seed, history.size() + pending.size()));
  }

  @Property(tries = 40)
  void everyProposalLiesInTheSpace(
      @ForAll long spaceSeed, @ForAll long seed, @ForAll @IntRange(max = 40) int finished) {
    SearchSpace space = randomSpace(spaceSeed, false);
    Strategy strategy = strategy();
    strategy.validate(space);
    List<Trial> history = randomHistory(space, finished, seed);
    Optional<Configuration> proposal = strategy.propose(context(space, history, List.of(), seed));
    if (hasUntakenPoint(space, history, List.of())) {
      assertThat(proposal).hasValueSatisfying(c -> assertThat(space.contains(c)).isTrue());
    }
  }

  @Property(tries = 30)
  void sameSeedAndHistoryGiveTheSameProposal(
      @ForAll long spaceSeed, @ForAll long seed, @ForAll @IntRange(max = 30) int finished) {
    SearchSpace space = randomSpace(spaceSeed, false);
    List<Trial> history = randomHistory(space, finished, seed);
    List<Configuration> pending = List.of(space.sample(new SplittableRandom(seed)));
    Strategy strategy = strategy();
    Optional<Configuration> first = strategy.propose(context(space, history, pending, seed));
    Optional<Configuration> again = strategy.propose(context(space, history, pending, seed));
    Optional<Configuration> fresh = strategy().propose(context(space, history, pending, seed));
    assertThat(again).isEqualTo(first);
    assertThat(fresh).isEqualTo(first);
  }

  @Property(tries = 40)
  void takenConfigurationsAreNotProposedAgainInAFiniteSpace(
      @ForAll long spaceSeed, @ForAll long seed, @ForAll @IntRange(max = 40) int taken) {
    SearchSpace space = randomSpace(spaceSeed, true);
    List<Configuration> distinct = distinctPoints(space, taken, seed);
    List<Trial> history = new ArrayList<>();
    List<Configuration> pending = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i++) {
      if (i % 3 == 2) {
        pending.add(distinct.get(i));
      } else {
        history.add(Trial.succeeded(history.size() + 1, distinct.get(i), i % 7));
      }
    }
    Optional<Configuration> proposal = strategy().propose(context(space, history, pending, seed));
    if (hasUntakenPoint(space, history, pending)) {
      assertThat(proposal).isPresent();
      assertThat(space.contains(proposal.get())).isTrue();
      assertThat(distinct).doesNotContain(proposal.get());
    }
  }

  @Test
  void theOnlyConfigurationNeitherFinishedNorPendingIsProposed() {
    SearchSpace space = SearchSpace.builder().choice("a", "x", "y", "z").integer("b", 1, 2).build();
    List<Configuration> all = distinctPoints(space, 6, 7);
    List<Trial> history = List.of(Trial.succeeded(1, all.get(0), 1.0), Trial.failed(2, all.get(1)));
    Optional<Configuration> proposal =
        strategy().propose(context(space, history, all.subList(2, 5), 11));
    assertThat(proposal).contains(all.get(5));
  }

  @Test
  void historyWithNanAndInfiniteLossesStillGivesAProposal() {
    SearchSpace space = mixedSpace();
    SplittableRandom random = new SplittableRandom(3);
    List<Trial> history = new ArrayList<>();
    double[] losses = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5};
    for (int n = 1; n <= 30; n++) {
      history.add(Trial.succeeded(n, space.sample(random), losses[n % losses.length]));
    }
    assertThat(strategy().propose(context(space, history, List.of(), 5)))
        .hasValueSatisfying(c -> assertThat(space.contains(c)).isTrue());
  }

  @Test
  void historyOfOnlyFailuresStillGivesAProposal() {
    SearchSpace space = mixedSpace();
    SplittableRandom random = new SplittableRandom(4);
    List<Trial> history = new ArrayList<>();
    for (int n = 1; n <= 30; n++) {
      history.add(Trial.failed(n, space.sample(random)));
    }
    List<Configuration> pending = List.of(space.sample(random), space.sample(random));
    assertThat(strategy().propose(context(space, history, pending, 6)))
        .hasValueSatisfying(c -> assertThat(space.contains(c)).isTrue());
  }

  @Test
  void constantParametersKeepTheirValueOrAreRejectedByName() {
    SearchSpace space =
        SearchSpace.builder()
            .real("fixed-real", 0.5, 0.5)
            .integer("fixed-int", 4, 4)
            .choice("only", "one")
            .choice("policy", "lpm", "fcfs")
            .integer("batch", 1, 64, 1, true)
            .build();
    Strategy strategy = strategy();
    try {
      strategy.validate(space);
    } catch (InvalidTaskException rejected) {
      assertThat(rejected.getMessage()).containsAnyOf("fixed-real", "fixed-int", "only");
      return;
    }
    List<Trial> history = randomHistory(space, 15, 8);
    Configuration proposal = strategy.propose(context(space, history, List.of(), 8)).orElseThrow();
    assertThat(proposal.get("fixed-real")).isEqualTo(0.5);
    assertThat(proposal.get("fixed-int")).isEqualTo(4L);
    assertThat(proposal.get("only")).isEqualTo("one");
  }

  /** Rejections of a space must name the parameter (checked where a strategy rejects one). */
  protected static void assertRejectedNaming(Strategy strategy, SearchSpace space, String name) {
    assertThatThrownBy(() -> strategy.validate(space))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining(name);
  }

  /** A mixed space: log integer, stepped integer, log real, plain real, strings, booleans. */
  protected static SearchSpace mixedSpace() {
    return SearchSpace.builder()
        .integer("max-running-requests", 16, 1024, 1, true)
        .integer("chunk", 512, 8192, 512, false)
        .real("learning-rate", 1e-5, 1e-1, true)
        .real("mem-fraction", 0.6, 0.95)
        .choice("policy", "lpm", "fcfs", "random")
        .choice("cuda-graph", true, false)
        .build();
  }

  /**
   * A space of 1 to 4 parameters of every kind; {@code finite} leaves out continuous ranges (and
   * keeps the space small enough to be exhausted).
   */
  protected static SearchSpace randomSpace(long seed, boolean finite) {
    SplittableRandom random = new SplittableRandom(seed);
    SearchSpace.Builder builder = SearchSpace.builder();
    int dims = 1 + random.nextInt(4);
    for (int d = 0; d < dims; d++) {
      builder.add(randomParameter("p" + d, random, finite));
    }
    return builder.build();
  }

  private static Parameter randomParameter(String name, SplittableRandom random, boolean finite) {
    int kind = random.nextInt(finite ? 2 : 3);
    if (kind == 0) {
      List<Object> pool = List.of("a", "b", "c", 1, 2.5, true, false);
      List<Object> choices = new ArrayList<>(pool.subList(0, 1 + random.nextInt(pool.size())));
      return new ChoiceParameter(name, choices);
    }
    if (kind == 1) {
      boolean log = random.nextInt(3) == 0;
      long low = log ? 1 + random.nextInt(100) : random.nextInt(-50, 50);
      long width = finite ? random.nextInt(6) : random.nextInt(2000);
      long step = log ? 1 : 1 + random.nextInt(4);
      return new IntParameter(name, low, low + width, step, log);
    }
    boolean log = random.nextBoolean();
    double low = log ? Math.exp(random.nextDouble(-10, 5)) : random.nextDouble(-100, 100);
    double width = random.nextInt(10) == 0 ? 0 : random.nextDouble(1e-3, 1e3);
    return new RealParameter(name, low, low + width, log);
  }

  /** Finished experiments at random points: about a fifth failed, a tenth with a NaN loss. */
  protected static List<Trial> randomHistory(SearchSpace space, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<Trial> history = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      Configuration c = space.sample(random);
      int outcome = random.nextInt(10);
      history.add(
          outcome < 2
              ? Trial.failed(n, c)
              : Trial.succeeded(n, c, outcome == 2 ? Double.NaN : random.nextDouble(-5, 5)));
    }
    return history;
  }

  private static List<Configuration> distinctPoints(SearchSpace space, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<Configuration> points = new LinkedHashSet<>();
    long size = space.size().orElseThrow();
    int wanted = (int) Math.min(count, size);
    while (points.size() < wanted) {
      points.add(space.sample(random));
    }
    return new ArrayList<>(points);
  }

  private static boolean hasUntakenPoint(
      SearchSpace space, List<Trial> history, List<Configuration> pending) {
    Set<Configuration> taken = new LinkedHashSet<>(pending);
    history.forEach(t -> taken.add(t.configuration()));
    return space.size().isEmpty() || taken.size() < space.size().getAsLong();
  }
}
