package io.autotune.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.space.SearchSpace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a task is: its search space, objectives, strategy and limits, plus the runner and benchmark
 * sections that runners interpret. Read from and written to the task JSON by {@link TaskJson}.
 * Immutable (the JSON sections are copied in and must not be changed by callers).
 *
 * @param name the task's name, e.g. {@code qwen-sglang}
 * @param objectives what to optimise: one objective, or several (a Pareto front). The first carries
 *     the task's SLOs; the legacy penalty and hard SLOs need a single objective, constraints work
 *     with any number
 * @param strategy the strategy's name, e.g. {@code bayesian}
 * @param strategyOptions options for the strategy, e.g. {@code n_initial_random}
 * @param maxExperiments how many experiments to run at most
 * @param parallelism how many experiments of this task may run at once across all workers, if
 *     limited; by default as many as the workers have free GPU sets for
 * @param experimentTimeout the per-experiment timeout, the primary control on time
 * @param taskTimeout a safety net on the whole task's time, if set: counted from the task's first
 *     start (its first experiment) across every owner, so neither a resume nor a takeover restarts
 *     it, and time when no worker held the task counts too. When it passes, running experiments end
 *     TIMED_OUT and the task ends (COMPLETED if any experiment succeeded)
 * @param confirmation confirmation runs of the best configurations after the search, if any; they
 *     come on top of {@code maxExperiments}
 * @param seed the seed of the strategy; fixed when the task is created, if absent
 * @param runner the {@code runner} section ({@code {"type": "command", ...}}), if any
 * @param sections other top-level sections kept as they are (base_runtime, model, benchmark ...)
 */
public record TaskSpec(
    String name,
    SearchSpace space,
    List<Objective> objectives,
    String strategy,
    Map<String, Object> strategyOptions,
    int maxExperiments,
    OptionalInt parallelism,
    Duration experimentTimeout,
    Optional<Duration> taskTimeout,
    Optional<Confirmation> confirmation,
    OptionalLong seed,
    Optional<JsonNode> runner,
    Map<String, JsonNode> sections) {

  /** The default per-experiment timeout: 600 s. */
  public static final Duration DEFAULT_EXPERIMENT_TIMEOUT = Duration.ofSeconds(600);

  public TaskSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(space, "space");
    objectives = List.copyOf(objectives);
    checkObjectives(objectives);
    Objects.requireNonNull(strategy, "strategy");
    strategyOptions = Map.copyOf(strategyOptions);
    if (maxExperiments < 1) {
      throw new IllegalArgumentException(
          "maxExperiments must be greater than 0, but was " + maxExperiments);
    }
    Objects.requireNonNull(parallelism, "parallelism");
    parallelism.ifPresent(TaskSpec::checkParallelism);
    if (experimentTimeout.isNegative() || experimentTimeout.isZero()) {
      throw new IllegalArgumentException(
          "experimentTimeout must be positive, but was " + experimentTimeout);
    }
    Objects.requireNonNull(taskTimeout, "taskTimeout");
    Objects.requireNonNull(confirmation, "confirmation");
    Objects.requireNonNull(seed, "seed");
    runner = runner.map(JsonNode::deepCopy);
    sections = Map.copyOf(sections);
  }

  private static void checkObjectives(List<Objective> objectives) {
    if (objectives.isEmpty()) {
      throw new IllegalArgumentException("a task needs at least one objective");
    }
    if (objectives.stream().map(Objective::metric).distinct().count() < objectives.size()) {
      throw new IllegalArgumentException("objectives must name different metrics: " + objectives);
    }
    for (Objective o : objectives.subList(1, objectives.size())) {
      if (!o.slos().isEmpty() || o.steepness() != Objective.DEFAULT_STEEPNESS) {
        throw new IllegalArgumentException(
            "only the first objective carries SLOs, but " + o.metric() + " has some");
      }
    }
    if (objectives.size() > 1
        && objectives.get(0).slos().stream().anyMatch(slo -> !slo.isConstraint())) {
      throw new IllegalArgumentException(
          "penalty and hard SLOs work on a single objective; use SLOs as constraints with "
              + objectives.size()
              + " objectives");
    }
  }

  /** How many experiments the task runs at most: the search's and the confirmation runs. */
  public int experimentBudget() {
    return Math.addExact(maxExperiments, confirmation.map(Confirmation::experiments).orElse(0));
  }

  /**
   * The configurations that confirmation runs repeated, best mean first (empty without confirmation
   * or before it ran): see {@link Confirmed}.
   */
  public List<Confirmed> confirmed(List<Experiment> log) {
    return confirmation.map(c -> Confirmed.of(this, c, log)).orElse(List.of());
  }

  /** The first (or only) objective, which also carries the SLOs. */
  public Objective objective() {
    return objectives.get(0);
  }

  /** The SLOs used as constraints, in their task JSON order. */
  public List<Slo> constraints() {
    return objective().slos().stream().filter(Slo::isConstraint).toList();
  }

  /**
   * Scores an experiment's metrics by the first objective (with the legacy SLO penalty, if any), or
   * rejects them when a metric of an objective or an SLO is missing or not finite, or a legacy hard
   * SLO failed. A broken constraint never rejects: see {@link #assess}.
   */
  public Evaluation evaluate(Map<String, Double> metrics) {
    for (Objective o : objectives.subList(1, objectives.size())) {
      Double v = metrics.get(o.metric());
      if (v == null || !Double.isFinite(v)) {
        return new Evaluation.Rejected(
            "metric '" + o.metric() + "' is missing or not finite; the runner reported " + metrics);
      }
    }
    return objective().evaluate(metrics);
  }

  /** A succeeded experiment's raw objective values and constraint slack; empty for the others. */
  public Optional<Assessment> assess(Experiment experiment) {
    return Assessment.of(this, experiment);
  }

  /** The best feasible experiment by the first objective; the first on a tie. */
  public Optional<Experiment> best(List<Experiment> log) {
    return Ranking.best(this, log);
  }

  /**
   * The feasible experiments that no other feasible experiment dominates (at least as good in every
   * objective, better in one), in log order. With one objective: the best and its ties.
   */
  public List<Experiment> paretoFront(List<Experiment> log) {
    return Ranking.paretoFront(this, log);
  }

  /**
   * A succeeded experiment's losses (lower is better), one per objective: what strategies are told.
   */
  public List<Double> losses(Experiment succeeded) {
    return Ranking.losses(this, succeeded);
  }

  /** A spec with defaults: random strategy, 50 experiments, 600 s per experiment. */
  public static TaskSpec of(String name, SearchSpace space, Objective objective) {
    return builder(name, space, objective).build();
  }

  /**
   * A builder with the defaults of {@link #of}: random strategy without options, 50 experiments,
   * 600 s per experiment, no task timeout, no seed, no runner, no other sections.
   */
  public static Builder builder(String name, SearchSpace space, Objective objective) {
    return new Builder(name, space, objective);
  }

  /** A builder holding this spec's values, to change a few of them. */
  public Builder toBuilder() {
    return new Builder(name, space, objectives.get(0))
        .objectives(objectives)
        .strategy(strategy, strategyOptions)
        .maxExperiments(maxExperiments)
        .parallelism(parallelism)
        .experimentTimeout(experimentTimeout)
        .taskTimeout(taskTimeout)
        .confirmation(confirmation)
        .seed(seed)
        .runner(runner)
        .sections(sections);
  }

  public TaskSpec withStrategy(String strategy, Map<String, Object> options) {
    return toBuilder().strategy(strategy, options).build();
  }

  public TaskSpec withMaxExperiments(int maxExperiments) {
    return toBuilder().maxExperiments(maxExperiments).build();
  }

  public TaskSpec withExperimentTimeout(Duration experimentTimeout) {
    return toBuilder().experimentTimeout(experimentTimeout).build();
  }

  public TaskSpec withTaskTimeout(Duration taskTimeout) {
    return toBuilder().taskTimeout(Optional.of(taskTimeout)).build();
  }

  public TaskSpec withSeed(long seed) {
    return toBuilder().seed(OptionalLong.of(seed)).build();
  }

  public TaskSpec withRunner(JsonNode runner) {
    return toBuilder().runner(Optional.of(runner)).build();
  }

  private static void checkParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException(
          "parallelism must be greater than 0, but was " + parallelism);
    }
  }

  /** A top-level section kept for runners, e.g. {@code benchmark}. */
  public Optional<JsonNode> section(String key) {
    return Optional.ofNullable(sections.get(key));
  }

  /**
   * Builds a {@link TaskSpec}; each setter checks its argument at once and {@link #build()} checks
   * the whole. Not thread-safe.
   */
  public static final class Builder {
    private String name;
    private SearchSpace space;
    private List<Objective> objectives;
    private String strategy = "random";
    private Map<String, Object> strategyOptions = Map.of();
    private int maxExperiments = 50;
    private OptionalInt parallelism = OptionalInt.empty();
    private Duration experimentTimeout = DEFAULT_EXPERIMENT_TIMEOUT;
    private Optional<Duration> taskTimeout = Optional.empty();
    private Optional<Confirmation> confirmation = Optional.empty();
    private OptionalLong seed = OptionalLong.empty();
    private Optional<JsonNode> runner = Optional.empty();
    private Map<String, JsonNode> sections = Map.of();

    private Builder(String name, SearchSpace space, Objective objective) {
      name(name).space(space).objective(objective);
    }

    /** The task's name; no default. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The search space; no default. */
    public Builder space(SearchSpace space) {
      this.space = Objects.requireNonNull(space, "space");
      return this;
    }

    /** A single objective to optimise; no default. */
    public Builder objective(Objective objective) {
      this.objectives = List.of(Objects.requireNonNull(objective, "objective"));
      return this;
    }

    /** Several objectives to optimise, the first carrying the SLOs; no default. */
    public Builder objectives(List<Objective> objectives) {
      List<Objective> copy = List.copyOf(objectives);
      checkObjectives(copy);
      this.objectives = copy;
      return this;
    }

    /** The strategy's name and options; default {@code random} without options. */
    public Builder strategy(String strategy, Map<String, Object> options) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      this.strategyOptions = Map.copyOf(options);
      return this;
    }

    /** How many experiments to run at most; default 50. */
    public Builder maxExperiments(int maxExperiments) {
      if (maxExperiments < 1) {
        throw new IllegalArgumentException(
            "maxExperiments must be greater than 0, but was " + maxExperiments);
      }
      this.maxExperiments = maxExperiments;
      return this;
    }

    /** How many experiments of the task may run at once across all workers; default no limit. */
    public Builder parallelism(OptionalInt parallelism) {
      parallelism.ifPresent(TaskSpec::checkParallelism);
      this.parallelism = parallelism;
      return this;
    }

    /** The per-experiment timeout; default 600 s. */
    public Builder experimentTimeout(Duration experimentTimeout) {
      if (experimentTimeout.isNegative() || experimentTimeout.isZero()) {
        throw new IllegalArgumentException(
            "experimentTimeout must be positive, but was " + experimentTimeout);
      }
      this.experimentTimeout = experimentTimeout;
      return this;
    }

    /** The safety net on the whole task's time; default none. */
    public Builder taskTimeout(Optional<Duration> taskTimeout) {
      this.taskTimeout = Objects.requireNonNull(taskTimeout, "taskTimeout");
      return this;
    }

    /** Confirmation runs of the best configurations after the search; default none. */
    public Builder confirmation(Optional<Confirmation> confirmation) {
      this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
      return this;
    }

    /** The strategy's seed; default none (fixed when the task is created). */
    public Builder seed(OptionalLong seed) {
      this.seed = Objects.requireNonNull(seed, "seed");
      return this;
    }

    /** The {@code runner} section; default none. */
    public Builder runner(Optional<JsonNode> runner) {
      this.runner = Objects.requireNonNull(runner, "runner");
      return this;
    }

    /** Other top-level sections kept for runners; default none. */
    public Builder sections(Map<String, JsonNode> sections) {
      this.sections = Map.copyOf(sections);
      return this;
    }

    public TaskSpec build() {
      return new TaskSpec(
          name,
          space,
          objectives,
          strategy,
          strategyOptions,
          maxExperiments,
          parallelism,
          experimentTimeout,
          taskTimeout,
          confirmation,
          seed,
          runner,
          sections);
    }
  }
}
