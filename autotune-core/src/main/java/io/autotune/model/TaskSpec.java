package io.autotune.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.space.SearchSpace;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a task is: its search space, objective, strategy and limits, plus the runner and benchmark
 * sections that runners interpret. Read from and written to the task JSON by {@link TaskJson}.
 * Immutable (the JSON sections are copied in and must not be changed by callers).
 *
 * @param name the task's name, e.g. {@code qwen-sglang}
 * @param strategy the strategy's name, e.g. {@code bayesian}
 * @param strategyOptions options for the strategy, e.g. {@code n_initial_random}
 * @param maxExperiments how many experiments to run at most
 * @param experimentTimeout the per-experiment timeout, the primary control on time
 * @param taskTimeout a safety net on the whole task's time, if set: counted from the task's first
 *     start (its first experiment) across every owner, so neither a resume nor a takeover restarts
 *     it, and time when no worker held the task counts too. When it passes, running experiments end
 *     TIMED_OUT and the task ends (COMPLETED if any experiment succeeded)
 * @param seed the seed of the strategy; fixed when the task is created, if absent
 * @param runner the {@code runner} section ({@code {"type": "command", ...}}), if any
 * @param sections other top-level sections kept as they are (base_runtime, model, benchmark ...)
 */
public record TaskSpec(
    String name,
    SearchSpace space,
    Objective objective,
    String strategy,
    Map<String, Object> strategyOptions,
    int maxExperiments,
    Duration experimentTimeout,
    Optional<Duration> taskTimeout,
    OptionalLong seed,
    Optional<JsonNode> runner,
    Map<String, JsonNode> sections) {

  /** The default per-experiment timeout: 600 s. */
  public static final Duration DEFAULT_EXPERIMENT_TIMEOUT = Duration.ofSeconds(600);

  public TaskSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(strategy, "strategy");
    strategyOptions = Map.copyOf(strategyOptions);
    if (maxExperiments < 1) {
      throw new IllegalArgumentException(
          "maxExperiments must be greater than 0, but was " + maxExperiments);
    }
    if (experimentTimeout.isNegative() || experimentTimeout.isZero()) {
      throw new IllegalArgumentException(
          "experimentTimeout must be positive, but was " + experimentTimeout);
    }
    Objects.requireNonNull(taskTimeout, "taskTimeout");
    Objects.requireNonNull(seed, "seed");
    runner = runner.map(JsonNode::deepCopy);
    sections = Map.copyOf(sections);
  }

  /** A spec with defaults: random strategy, 50 experiments, 600 s per experiment. */
  public static TaskSpec of(String name, SearchSpace space, Objective objective) {
    return new TaskSpec(
        name,
        space,
        objective,
        "random",
        Map.of(),
        50,
        DEFAULT_EXPERIMENT_TIMEOUT,
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty(),
        Map.of());
  }

  public TaskSpec withStrategy(String strategy, Map<String, Object> options) {
    return new TaskSpec(
        name,
        space,
        objective,
        strategy,
        options,
        maxExperiments,
        experimentTimeout,
        taskTimeout,
        seed,
        runner,
        sections);
  }

  public TaskSpec withMaxExperiments(int maxExperiments) {
    return new TaskSpec(
        name,
        space,
        objective,
        strategy,
        strategyOptions,
        maxExperiments,
        experimentTimeout,
        taskTimeout,
        seed,
        runner,
        sections);
  }

  public TaskSpec withExperimentTimeout(Duration experimentTimeout) {
    return new TaskSpec(
        name,
        space,
        objective,
        strategy,
        strategyOptions,
        maxExperiments,
        experimentTimeout,
        taskTimeout,
        seed,
        runner,
        sections);
  }

  public TaskSpec withTaskTimeout(Duration taskTimeout) {
    return new TaskSpec(
        name,
        space,
        objective,
        strategy,
        strategyOptions,
        maxExperiments,
        experimentTimeout,
        Optional.of(taskTimeout),
        seed,
        runner,
        sections);
  }

  public TaskSpec withSeed(long seed) {
    return new TaskSpec(
        name,
        space,
        objective,
        strategy,
        strategyOptions,
        maxExperiments,
        experimentTimeout,
        taskTimeout,
        OptionalLong.of(seed),
        runner,
        sections);
  }

  public TaskSpec withRunner(JsonNode runner) {
    return new TaskSpec(
        name,
        space,
        objective,
        strategy,
        strategyOptions,
        maxExperiments,
        experimentTimeout,
        taskTimeout,
        seed,
        Optional.of(runner),
        sections);
  }

  /** A top-level section kept for runners, e.g. {@code benchmark}. */
  public Optional<JsonNode> section(String key) {
    return Optional.ofNullable(sections.get(key));
  }
}
