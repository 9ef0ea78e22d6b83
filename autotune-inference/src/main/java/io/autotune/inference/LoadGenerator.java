package io.autotune.inference;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The built-in load generator: streams OpenAI {@code /v1/completions} or {@code
 * /v1/chat/completions} requests and measures TTFT, TPOT, end-to-end latency, throughput and the
 * token counts from the server-sent events.
 *
 * <p>Every request has a prompt of its own (unique random token ids, or calibrated text; see {@link
 * PromptOptions}), with lengths from its scenario, so that no prefix cache serves a request the
 * benchmark did not mean it to. Per scenario, warm-up requests go first and are not measured; then
 * each level runs from the lightest load up (closed loop at a concurrency, or open loop at a
 * Poisson request rate) until it has started {@code max_requests_per_iteration} requests or run for
 * {@code max_time_per_iteration}, and requests in flight are let finish. A level that breaks a hard
 * SLO ends the scenario: heavier levels only do worse. A level is stopped as soon as it has surely
 * broken a hard SLO ({@link SloEvidence}). Thread-safe: one instance can run several benchmarks at
 * once.
 */
public final class LoadGenerator {

  private final HttpClient client;

  private LoadGenerator(HttpClient client) {
    this.client = client;
  }

  /** A load generator with its own HTTP/1.1 client. */
  public static LoadGenerator create() {
    return new LoadGenerator(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build());
  }

  /**
   * Runs every (scenario, load) level of {@code spec} against the server at {@code base} (e.g.
   * {@code http://127.0.0.1:30000/}) and returns one result per level that ran, in order.
   *
   * @throws io.autotune.AutotuneException if prompts could not be sized for the server
   */
  public List<LevelResult> run(URI base, String model, BenchmarkSpec spec, BenchmarkRun run)
      throws InterruptedException {
    if (spec.goodput().isPresent()) {
      throw new IllegalArgumentException("a spec with a goodput search runs with searchGoodput");
    }
    try (Session session = new Session(base, model, spec, run)) {
      List<LevelResult> results = new ArrayList<>();
      List<TrafficScenario> scenarios = spec.scenarios();
      for (int i = 0; i < scenarios.size() && !session.stopped(); i++) {
        RequestPlanner planner = session.warmedUp(scenarios.get(i), i);
        results.addAll(levels(session, planner, i));
      }
      return results;
    }
  }

  /**
   * Searches, per scenario, the highest load that meets every SLO of {@code run} ({@link
   * GoodputSearch}); {@code spec} must have a goodput search.
   */
  public List<GoodputResult> searchGoodput(
      URI base, String model, BenchmarkSpec spec, BenchmarkRun run) throws InterruptedException {
    GoodputOptions options =
        spec.goodput()
            .orElseThrow(() -> new IllegalArgumentException("the spec has no goodput search"));
    if (run.slos().isEmpty()) {
      throw new IllegalArgumentException("a goodput search needs at least one SLO");
    }
    GoodputSearch search =
        new GoodputSearch(options, new SloCheck(run.slos(), options.minSuccessRate()), run.gpus());
    try (Session session = new Session(base, model, spec, run)) {
      List<GoodputResult> results = new ArrayList<>();
      List<TrafficScenario> scenarios = spec.scenarios();
      for (int i = 0; i < scenarios.size() && !session.stopped(); i++) {
        RequestPlanner planner = session.warmedUp(scenarios.get(i), i);
        int scenario = i;
        int[] runs = {0};
        results.add(
            search.search(
                planner.scenario().toString(),
                load ->
                    session.level(
                        planner,
                        load,
                        SloEvidence.all(run.slos()),
                        seed(spec, scenario, runs[0]++)),
                session::stopped,
                run.log()));
      }
      return results;
    }
  }

  private static List<LevelResult> levels(Session session, RequestPlanner planner, int scenario)
      throws InterruptedException {
    BenchmarkRun run = session.run;
    SloEvidence evidence = SloEvidence.hard(run.slos());
    List<Load> loads = session.spec.loads();
    List<LevelResult> results = new ArrayList<>();
    for (int j = 0; j < loads.size() && !session.stopped(); j++) {
      LevelResult level =
          session.level(planner, loads.get(j), evidence, seed(session.spec, scenario, j));
      results.add(level);
      Optional<String> broken =
          level
              .stoppedEarly()
              .or(
                  () ->
                      InferenceMetrics.breaksHardSlo(
                              InferenceMetrics.ofLevel(level, run.gpus()), run.slos())
                          ? Optional.of("it broke a hard SLO")
                          : Optional.empty());
      if (broken.isPresent() && j + 1 < loads.size()) {
        run.log()
            .accept(
                planner.scenario()
                    + ": skipping "
                    + loads.subList(j + 1, loads.size()).stream()
                        .map(Load::toString)
                        .collect(Collectors.joining(", "))
                    + " because "
                    + level.load()
                    + " failed: "
                    + broken.get());
        break;
      }
    }
    return results;
  }

  private static long seed(BenchmarkSpec spec, int scenario, int level) {
    return spec.seed() * 1_000_003L + scenario * 1_009L + level;
  }

  /** One benchmark against one server: its deadline, prompt writer and level runner. */
  private final class Session implements AutoCloseable {
    final BenchmarkSpec spec;
    final BenchmarkRun run;
    final Deadline deadline;
    final StreamingRequest sender = new StreamingRequest(client, Timer.shared());
    final RequestBodies bodies;
    final LevelRunner runner;
    final Optional<PromptWriter> writer;

    Session(URI base, String model, BenchmarkSpec spec, BenchmarkRun run)
        throws InterruptedException {
      Objects.requireNonNull(model, "model");
      this.spec = spec;
      this.run = run;
      this.deadline = Deadline.after(run.timeLeft());
      this.bodies = new RequestBodies(base, model, spec);
      this.writer = PromptSetup.choose(spec, this::probe, run.log());
      this.runner = new LevelRunner(sender, bodies, spec.requestTimeout());
    }

    boolean stopped() {
      return deadline.passed() || run.cancelled().getAsBoolean();
    }

    /** A planner for scenario {@code index}, after its warm-up requests. */
    RequestPlanner warmedUp(TrafficScenario scenario, int index) throws InterruptedException {
      RequestPlanner planner =
          new RequestPlanner(scenario, writer, spec.dataset(), spec.seed() + index);
      if (spec.warmupRequests() > 0) {
        runner.run(
            planner,
            LevelPlan.warmup(spec.warmupRequests(), spec.maxTimePerLevel()),
            deadline,
            run.cancelled(),
            0);
      }
      return planner;
    }

    LevelResult level(RequestPlanner planner, Load load, SloEvidence evidence, long seed)
        throws InterruptedException {
      LevelPlan plan =
          new LevelPlan(
              load,
              spec.maxRequestsPerLevel(),
              spec.maxTimePerLevel(),
              spec.maxConcurrency(),
              evidence);
      LevelOutcome outcome = runner.run(planner, plan, deadline, run.cancelled(), seed);
      return LevelResult.of(planner.scenario().toString(), load, outcome);
    }

    private RequestSample probe(PlannedRequest request) throws InterruptedException {
      Duration timeout =
          spec.requestTimeout().compareTo(deadline.remaining()) <= 0
              ? spec.requestTimeout()
              : deadline.remaining();
      return sender.send(
          bodies.request(request, timeout), request.promptTokens(), timeout, new InFlight());
    }

    @Override
    public void close() {
      runner.close();
    }
  }
}
