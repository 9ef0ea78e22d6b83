package io.autotune.inference;

import io.autotune.AutotuneException;
import io.autotune.gpu.CudaEnvironment;
import io.autotune.gpu.GpuCounts;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.spi.ExperimentContext;
import io.autotune.spi.ExperimentRunner;
import io.autotune.spi.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code local-server} runner: per experiment, launches an inference server (SGLang, vLLM or
 * any command) with the configuration as flags, waits until it is ready, benchmarks it and tears it
 * down.
 *
 * <p>The server runs in its own process group ({@code setsid}) on a free port, with the assigned
 * GPUs as {@code CUDA_VISIBLE_DEVICES}, its output in {@code server.log} of the experiment's work
 * directory. It is ready when {@code GET /health} or {@code GET /v1/models} answers 200; if it
 * exits first, the experiment fails with the exit code and the last lines of the log. Teardown
 * always runs: SIGTERM to the group, SIGKILL after a grace period, until the port is free again.
 * Thread-safe: experiments may run in parallel, each with its own server and port.
 */
public final class LocalServerRunner implements ExperimentRunner {

  private final LocalServerSettings settings;
  private final LoadGenerator loadGenerator = LoadGenerator.create();

  LocalServerRunner(LocalServerSettings settings) {
    this.settings = settings;
  }

  LocalServerSettings settings() {
    return settings;
  }

  /** A builder; {@link Builder#runtime(String)} or {@link Builder#command(List)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The runner a task describes: its {@code runner} section ({@code "type": "local-server"}), its
   * {@code base_runtime}, {@code model} and {@code benchmark} sections.
   */
  public static LocalServerRunner fromTask(TaskSpec spec) {
    return LocalServerRunnerJson.fromTask(spec);
  }

  @Override
  public Map<String, Double> run(ExperimentContext context) throws Exception {
    Configuration configuration = context.configuration();
    settings.model().ifPresent(LocalServerRunner::requireModelPathExists);
    int port = settings.port().isPresent() ? requireFree(settings.port().getAsInt()) : Ports.free();
    context.phase(Phase.DEPLOYING);
    Path log = logFile(context);
    List<String> command =
        settings.command().render(placeholders(settings, settings.host(), port), configuration);
    requireExecutable(command.get(0));
    ServerExperiment.checkBeforeLaunch(settings);
    context.log("launching: " + String.join(" ", command));
    ServerProcess server = ServerProcess.start(command, environment(context), log);
    context.register(server.process());
    return ServerExperiment.run(
        context,
        settings,
        loadGenerator,
        new LocalServer(server, settings.host(), port, settings.shutdownGrace(), context));
  }

  /** The product of the parallelism flags (tensor × data × pipeline), if GPUs are used. */
  @Override
  public int gpusFor(Configuration configuration) {
    return settings.usesGpus() ? parallelism(configuration) : 0;
  }

  /** {@link GpuCounts#parallelism} of the configuration, its flags named with or without dashes. */
  static int parallelism(Configuration configuration) {
    Map<String, Object> flags = new java.util.HashMap<>();
    configuration.values().forEach((name, value) -> flags.put(name.replaceFirst("^-+", ""), value));
    return GpuCounts.parallelism(flags);
  }

  /** The values of the command's placeholders, for a server bound to {@code host:port}. */
  static Map<String, String> placeholders(LocalServerSettings settings, String host, int port) {
    return Map.of(
        "model", settings.model().orElse(""),
        "host", host,
        "port", String.valueOf(port),
        "java", CommandTemplate.javaBinary(),
        "classpath", System.getProperty("java.class.path"));
  }

  private Map<String, String> environment(ExperimentContext context) {
    Map<String, String> env = new java.util.HashMap<>(settings.environment());
    env.putAll(CudaEnvironment.of(context.gpus()));
    return env;
  }

  static Path logFile(ExperimentContext context) throws IOException {
    Path directory = Files.createDirectories(context.workDirectory());
    return directory.resolve("server.log");
  }

  private static int requireFree(int port) {
    if (!Ports.isFree(port)) {
      throw new AutotuneException(
          "port "
              + port
              + " is already in use; stop whatever listens"
              + " there, or leave the runner's port unset to get a free one per experiment");
    }
    return port;
  }

  private static void requireExecutable(String executable) {
    if (Executables.locate(executable).isEmpty()) {
      throw new AutotuneException(
          "server command '"
              + executable
              + "' was not found: it is"
              + " neither an executable file nor on PATH ("
              + System.getenv("PATH")
              + ")");
    }
  }

  /** A model given as a local path (/…, ./…, ../…, ~/…) must exist; hub ids are not checked. */
  static void requireModelPathExists(String model) {
    boolean isPath =
        model.startsWith("/")
            || model.startsWith("./")
            || model.startsWith("../")
            || model.startsWith("~/");
    Path path =
        Path.of(
            model.startsWith("~/") ? System.getProperty("user.home") + model.substring(1) : model);
    if (isPath && !Files.exists(path)) {
      throw new AutotuneException("model path " + model + " does not exist");
    }
  }

  /** Builds a {@link LocalServerRunner}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private CommandTemplate command;
    private Optional<BooleanFlags> booleanFlags = Optional.empty();
    private Optional<String> model = Optional.empty();
    private String host = "127.0.0.1";
    private OptionalInt port = OptionalInt.empty();
    private boolean usesGpus = true;
    private BenchmarkSpec benchmark = BenchmarkSpec.defaults();
    private Duration pollInterval = Duration.ofMillis(250);
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private Map<String, String> environment = Map.of();

    private Builder() {}

    /**
     * The command template of {@code sglang} or {@code vllm}, with the runtime's way of writing
     * boolean flags (vLLM: {@code --no-name} for false; SGLang: left out). No default.
     */
    public Builder runtime(String runtime) {
      this.command =
          CommandTemplate.forRuntime(runtime)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "runtime must be sglang or vllm (or give a command),"
                              + " but was "
                              + runtime));
      return this;
    }

    /** Any command, with {model}, {host}, {port}, {java}, {classpath} placeholders. No default. */
    public Builder command(List<String> command) {
      this.command = new CommandTemplate(command);
      return this;
    }

    /**
     * How boolean parameters become flags. Default: {@link BooleanFlags#NEGATED} for {@code
     * runtime("vllm")}, {@link BooleanFlags#PRESENCE} for SGLang and for a command.
     */
    public Builder booleanFlags(BooleanFlags booleanFlags) {
      this.booleanFlags = Optional.of(Objects.requireNonNull(booleanFlags, "booleanFlags"));
      return this;
    }

    /** The model id or path for {model}. Default: none. */
    public Builder model(String model) {
      this.model = Optional.of(Objects.requireNonNull(model, "model"));
      return this;
    }

    /** The host the server binds and is called on. Default: 127.0.0.1. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** A fixed port (experiments then cannot run in parallel). Default: a free port each time. */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be in 1..65535, but was " + port);
      }
      this.port = OptionalInt.of(port);
      return this;
    }

    /** Whether the server needs GPUs (tp × dp × pp of them). Default: true. */
    public Builder usesGpus(boolean usesGpus) {
      this.usesGpus = usesGpus;
      return this;
    }

    /** How to benchmark the server. Default: {@link BenchmarkSpec#defaults()}. */
    public Builder benchmark(BenchmarkSpec benchmark) {
      this.benchmark = Objects.requireNonNull(benchmark, "benchmark");
      return this;
    }

    /** How often readiness is polled. Default: 250 ms. */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = positive("pollInterval", pollInterval);
      return this;
    }

    /** How long SIGTERM is given before SIGKILL. Default: 10 s. */
    public Builder shutdownGrace(Duration shutdownGrace) {
      this.shutdownGrace = positive("shutdownGrace", shutdownGrace);
      return this;
    }

    /** Extra environment variables for the server. Default: none. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    public LocalServerRunner build() {
      if (command == null) {
        throw new IllegalStateException("a runtime or a command is required");
      }
      if (command.uses("model") && model.isEmpty()) {
        throw new IllegalStateException("the command uses {model}, but no model was given");
      }
      return new LocalServerRunner(
          new LocalServerSettings(
              booleanFlags.map(command::withBooleanFlags).orElse(command),
              model,
              host,
              port,
              usesGpus,
              benchmark,
              pollInterval,
              shutdownGrace,
              environment));
    }

    private static Duration positive(String name, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, but was " + value);
      }
      return value;
    }
  }
}
