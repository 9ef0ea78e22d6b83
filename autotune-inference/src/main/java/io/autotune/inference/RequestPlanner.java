package io.autotune.inference;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Plans the requests of one traffic scenario, one after another from a seeded random stream:
 * lengths from the scenario's distributions and a prompt from the {@link PromptWriter}, or the next
 * entry of the dataset (shuffled by the seed, starting over when used up). Warm-up and every level
 * of the scenario draw from the same stream, so no two requests share a prompt beyond the asked-for
 * prefix. Thread-safe.
 */
final class RequestPlanner {

  private final TrafficScenario scenario;
  private final Optional<PromptWriter> writer;
  private final List<ShareGptDataset.Entry> entries;
  private final SplittableRandom random;
  private int[] order = new int[0];
  private int next;

  /**
   * @param writer writes synthetic prompts; may be empty for the {@code dataset} scenario only
   * @param dataset the entries of the {@code dataset} scenario
   */
  RequestPlanner(
      TrafficScenario scenario,
      Optional<PromptWriter> writer,
      Optional<ShareGptDataset> dataset,
      long seed) {
    this.scenario = scenario;
    this.writer = writer;
    this.entries = dataset.map(ShareGptDataset::entries).orElse(List.of());
    this.random = new SplittableRandom(seed);
    if (scenario instanceof TrafficScenario.Synthetic && writer.isEmpty()) {
      throw new IllegalArgumentException(
          "synthetic scenario " + scenario + " needs a prompt writer");
    }
    if (scenario instanceof TrafficScenario.FromDataset && entries.isEmpty()) {
      throw new IllegalArgumentException("the dataset scenario needs a dataset");
    }
  }

  TrafficScenario scenario() {
    return scenario;
  }

  synchronized PlannedRequest next() {
    if (scenario instanceof TrafficScenario.Synthetic synthetic) {
      int input = synthetic.input().sample(random);
      int output = synthetic.output().sample(random);
      return new PlannedRequest(writer.orElseThrow().write(input, random), output, input);
    }
    ShareGptDataset.Entry entry = entries.get(nextIndex());
    return new PlannedRequest(
        new Prompt.Text(entry.prompt()), entry.outputTokens(), PlannedRequest.UNKNOWN);
  }

  /** Walks a seeded permutation of the entries, a fresh one each time round. */
  private int nextIndex() {
    if (next == order.length) {
      order = shuffled(entries.size());
      next = 0;
    }
    return order[next++];
  }

  private int[] shuffled(int size) {
    int[] indices = new int[size];
    for (int i = 0; i < size; i++) {
      indices[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = indices[i];
      indices[i] = indices[j];
      indices[j] = swap;
    }
    return indices;
  }
}
