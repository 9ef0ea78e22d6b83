package io.autotune.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to benchmark a running server: the tool, the API, the traffic, the loads and the bounds of
 * each level. Read from the task JSON's {@code benchmark} section by {@link BenchmarkSpecJson}, or
 * built with {@link #builder()}. Immutable.
 *
 * <p>A benchmark runs either fixed levels (each of {@code concurrency}, or each of {@code
 * requestRates}, from the lightest up) or, with {@code goodput}, a search for the highest load that
 * meets the task's SLOs.
 *
 * @param tool the built-in load generator or genai-bench
 * @param api the OpenAI endpoint that is called
 * @param modelName the model name sent in requests; when empty, the first id of /v1/models
 * @param trafficScenarios scenarios in genai-bench notation, e.g. {@code D(100,100)}
 * @param dataset the prompts of the {@code dataset} scenario
 * @param prompt how prompts are written (built-in tool)
 * @param concurrency closed-loop levels: requests kept in flight
 * @param requestRates open-loop levels: Poisson arrivals, requests per second
 * @param maxConcurrency at most this many requests in flight in an open loop
 * @param goodput the goodput search, in place of fixed levels
 * @param warmupRequests requests sent (and not measured) before each scenario's first level
 * @param maxTimePerLevel a level stops starting requests after this long
 * @param maxRequestsPerLevel a level starts at most this many requests
 * @param requestTimeout one request (the whole stream) fails after this long
 * @param seed seeds every random choice: lengths, prompt tokens, arrivals, dataset order
 * @param additionalParams extra fields merged into every request body
 * @param genaiBench options used only by the genai-bench tool
 */
public record BenchmarkSpec(
    Tool tool,
    Api api,
    Optional<String> modelName,
    List<String> trafficScenarios,
    Optional<ShareGptDataset> dataset,
    PromptOptions prompt,
    List<Integer> concurrency,
    List<Double> requestRates,
    OptionalInt maxConcurrency,
    Optional<GoodputOptions> goodput,
    int warmupRequests,
    Duration maxTimePerLevel,
    int maxRequestsPerLevel,
    Duration requestTimeout,
    long seed,
    Map<String, Object> additionalParams,
    GenaiBenchOptions genaiBench) {

  /** Which program generates the load. */
  public enum Tool {
    BUILTIN,
    GENAI_BENCH
  }

  /** Which OpenAI-compatible endpoint is called. */
  public enum Api {
    /** {@code POST /v1/completions} with a prompt. */
    COMPLETIONS,
    /** {@code POST /v1/chat/completions} with one user message. */
    CHAT
  }

  /**
   * Options of the genai-bench tool.
   *
   * @param command the genai-bench executable
   * @param task genai-bench's task, e.g. {@code text-to-text}
   * @param tokenizer the tokenizer genai-bench counts tokens with
   */
  public record GenaiBenchOptions(String command, String task, String tokenizer) {
    public GenaiBenchOptions {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(tokenizer, "tokenizer");
    }

    public static GenaiBenchOptions defaults() {
      return new GenaiBenchOptions("genai-bench", "text-to-text", "gpt2");
    }
  }

  /** Checks the options against each other once every field is set. */
  public BenchmarkSpec(
      Tool tool,
      Api api,
      Optional<String> modelName,
      List<String> trafficScenarios,
      Optional<ShareGptDataset> dataset,
      PromptOptions prompt,
      List<Integer> concurrency,
      List<Double> requestRates,
      OptionalInt maxConcurrency,
      Optional<GoodputOptions> goodput,
      int warmupRequests,
      Duration maxTimePerLevel,
      int maxRequestsPerLevel,
      Duration requestTimeout,
      long seed,
      Map<String, Object> additionalParams,
      GenaiBenchOptions genaiBench) {
    this.tool = Objects.requireNonNull(tool, "tool");
    this.api = Objects.requireNonNull(api, "api");
    this.modelName = Objects.requireNonNull(modelName, "modelName");
    this.trafficScenarios = List.copyOf(trafficScenarios);
    this.dataset = Objects.requireNonNull(dataset, "dataset");
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    this.concurrency = List.copyOf(concurrency);
    this.requestRates = List.copyOf(requestRates);
    this.maxConcurrency = Objects.requireNonNull(maxConcurrency, "maxConcurrency");
    this.goodput = Objects.requireNonNull(goodput, "goodput");
    this.warmupRequests = warmupRequests;
    this.maxTimePerLevel = Objects.requireNonNull(maxTimePerLevel, "maxTimePerLevel");
    this.maxRequestsPerLevel = maxRequestsPerLevel;
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.seed = seed;
    this.additionalParams = Map.copyOf(additionalParams);
    this.genaiBench = Objects.requireNonNull(genaiBench, "genaiBench");
    BenchmarkSpecRules.check(this);
  }

  /** A builder with {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The defaults: built-in tool, completions API, D(100,100), concurrency 1, unique token-id
   * prompts ({@link PromptOptions#defaults()}), 2 warm-up requests, 30 s and 50 requests per level,
   * 60 s per request, seed 0.
   */
  public static BenchmarkSpec defaults() {
    return builder().build();
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Reads the task JSON's {@code benchmark} section; unknown keys, wrong types and unreadable
   * datasets are {@link io.autotune.InvalidTaskException}s that name the JSON path.
   */
  public static BenchmarkSpec fromJson(com.fasterxml.jackson.databind.JsonNode section) {
    return BenchmarkSpecJson.parse(section, "benchmark");
  }

  /** The scenarios parsed for the built-in load generator. */
  public List<TrafficScenario> scenarios() {
    return trafficScenarios.stream().map(TrafficScenario::parse).toList();
  }

  /** The fixed levels, lightest first (empty with a goodput search). */
  public List<Load> loads() {
    List<Load> loads = new ArrayList<>();
    concurrency.forEach(level -> loads.add(Load.concurrency(level)));
    requestRates.forEach(rate -> loads.add(Load.requestRate(rate)));
    return loads.stream().sorted().toList();
  }

  /** Builds a {@link BenchmarkSpec}; every setter's javadoc gives its default. Not thread-safe. */
  public static final class Builder {
    private Tool tool = Tool.BUILTIN;
    private Api api = Api.COMPLETIONS;
    private Optional<String> modelName = Optional.empty();
    private List<String> trafficScenarios = List.of("D(100,100)");
    private Optional<ShareGptDataset> dataset = Optional.empty();
    private PromptOptions prompt = PromptOptions.defaults();
    private List<Integer> concurrency = List.of();
    private List<Double> requestRates = List.of();
    private OptionalInt maxConcurrency = OptionalInt.empty();
    private Optional<GoodputOptions> goodput = Optional.empty();
    private int warmupRequests = 2;
    private Duration maxTimePerLevel = Duration.ofSeconds(30);
    private int maxRequestsPerLevel = 50;
    private Duration requestTimeout = Duration.ofSeconds(60);
    private long seed;
    private Map<String, Object> additionalParams = Map.of();
    private GenaiBenchOptions genaiBench = GenaiBenchOptions.defaults();

    private Builder() {}

    private Builder(BenchmarkSpec spec) {
      tool = spec.tool;
      api = spec.api;
      modelName = spec.modelName;
      trafficScenarios = spec.trafficScenarios;
      dataset = spec.dataset;
      prompt = spec.prompt;
      concurrency = spec.concurrency;
      requestRates = spec.requestRates;
      maxConcurrency = spec.maxConcurrency;
      goodput = spec.goodput;
      warmupRequests = spec.warmupRequests;
      maxTimePerLevel = spec.maxTimePerLevel;
      maxRequestsPerLevel = spec.maxRequestsPerLevel;
      requestTimeout = spec.requestTimeout;
      seed = spec.seed;
      additionalParams = spec.additionalParams;
      genaiBench = spec.genaiBench;
    }

    /** Default: the built-in load generator. */
    public Builder tool(Tool tool) {
      this.tool = Objects.requireNonNull(tool, "tool");
      return this;
    }

    /** Default: {@link Api#COMPLETIONS}. */
    public Builder api(Api api) {
      this.api = Objects.requireNonNull(api, "api");
      return this;
    }

    /** Default: the runner's model, else the first id of {@code /v1/models}. */
    public Builder modelName(String modelName) {
      this.modelName = Optional.of(modelName);
      return this;
    }

    /** Default: {@code D(100,100)}. */
    public Builder trafficScenarios(List<String> scenarios) {
      this.trafficScenarios = List.copyOf(scenarios);
      return this;
    }

    /** Default: none. The scenario {@code dataset} draws from it. */
    public Builder dataset(ShareGptDataset dataset) {
      this.dataset = Optional.of(dataset);
      return this;
    }

    /** Default: {@link PromptOptions#defaults()}. */
    public Builder prompt(PromptOptions prompt) {
      this.prompt = Objects.requireNonNull(prompt, "prompt");
      return this;
    }

    /** Closed-loop levels. Default: concurrency 1, unless request rates or goodput are set. */
    public Builder concurrency(List<Integer> levels) {
      this.concurrency = List.copyOf(levels);
      return this;
    }

    /** Open-loop levels, in requests per second. Default: none. */
    public Builder requestRates(List<Double> rates) {
      this.requestRates = List.copyOf(rates);
      return this;
    }

    /** Caps the requests in flight of an open loop. Default: no cap. */
    public Builder maxConcurrency(int requests) {
      this.maxConcurrency = OptionalInt.of(requests);
      return this;
    }

    /** Searches the highest load meeting the SLOs instead of fixed levels. Default: none. */
    public Builder goodput(GoodputOptions goodput) {
      this.goodput = Optional.of(goodput);
      return this;
    }

    /** Default: 2. */
    public Builder warmupRequests(int requests) {
      this.warmupRequests = requests;
      return this;
    }

    /** Default: 30 s and 50 requests per level. */
    public Builder levelBounds(Duration maxTime, int maxRequests) {
      this.maxTimePerLevel = Objects.requireNonNull(maxTime, "maxTime");
      this.maxRequestsPerLevel = maxRequests;
      return this;
    }

    /** Default: 60 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Default: 0, so that every experiment of a task sees the same traffic. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Default: none. */
    public Builder additionalParams(Map<String, Object> params) {
      this.additionalParams = Map.copyOf(params);
      return this;
    }

    /** Default: {@link GenaiBenchOptions#defaults()}. */
    public Builder genaiBench(GenaiBenchOptions options) {
      this.genaiBench = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * @throws IllegalArgumentException if the options contradict each other
     */
    public BenchmarkSpec build() {
      boolean fixedLevels = goodput.isEmpty() && requestRates.isEmpty();
      return new BenchmarkSpec(
          tool,
          api,
          modelName,
          trafficScenarios,
          dataset,
          prompt,
          concurrency.isEmpty() && fixedLevels ? List.of(1) : concurrency,
          requestRates,
          maxConcurrency,
          goodput,
          warmupRequests,
          maxTimePerLevel,
          maxRequestsPerLevel,
          requestTimeout,
          seed,
          additionalParams,
          genaiBench);
    }
  }
}
