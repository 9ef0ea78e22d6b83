package io.autotune.inference;

import io.autotune.AutotuneException;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.spi.ExperimentContext;
import io.autotune.spi.ExperimentRunner;
import io.autotune.spi.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code docker} runner: the {@link LocalServerRunner local-server} runner's server, launched
 * per experiment in a Docker container through the {@code docker} command-line client, for GPU
 * hosts without Kubernetes.
 *
 * <p>Per experiment: {@code docker rm -f} whatever a dead owner left of the same experiment (found
 * by its labels), then {@code docker run --rm --name autotune-TASK-eN-ID --label
 * autotune.io/task=... --label autotune.io/experiment=N --label autotune.io/worker=... --gpus
 * "device=3,5" -p 127.0.0.1:HOST_PORT:PORT -e K=V ... IMAGE COMMAND FLAGS} in the foreground: its
 * output goes to {@code server.log}, and its exit code is the container's. The server binds {@code
 * 0.0.0.0} in the container ({@code {host}}) on the runner's port, or on the free host port chosen
 * for the experiment. Readiness, benchmark and failure messages are the local runner's. The
 * container is removed with {@code docker rm -f} on every exit path: success, failure, timeout,
 * cancellation (the tuning loop's cleanup does it too, should the runner's thread not get there).
 * Thread-safe.
 */
public final class DockerServerRunner implements ExperimentRunner {

  private final DockerSettings settings;
  private final DockerCli docker;
  private final LoadGenerator loadGenerator = LoadGenerator.create();

  DockerServerRunner(DockerSettings settings) {
    this.settings = settings;
    this.docker = new DockerCli(settings.docker());
  }

  /** A builder; {@link Builder#server} and {@link Builder#image} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The runner a task describes: its {@code runner} section with {@code "type": "docker"}. */
  public static DockerServerRunner fromTask(TaskSpec spec) {
    return DockerRunnerJson.fromTask(spec);
  }

  DockerSettings settings() {
    return settings;
  }

  @Override
  public Map<String, Double> run(ExperimentContext context) throws Exception {
    LocalServerSettings server = settings.server();
    if (Executables.locate(settings.docker()).isEmpty()) {
      throw new AutotuneException(
          "the docker client '"
              + settings.docker()
              + "' was not found on PATH ("
              + System.getenv("PATH")
              + ")");
    }
    ServerExperiment.checkBeforeLaunch(server);
    removeLeftovers(context.taskId(), context.number());
    context.phase(Phase.DEPLOYING);
    int hostPort = Ports.free();
    String name = ServerLabels.name(context.taskId(), context.number(), suffix());
    List<String> command = command(context, name, hostPort);
    context.log("launching: " + String.join(" ", command));
    context.onCleanup(() -> docker.remove(List.of(name)));
    ServerProcess client =
        ServerProcess.start(command, Map.of(), LocalServerRunner.logFile(context));
    context.register(client.process());
    return ServerExperiment.run(
        context,
        server,
        loadGenerator,
        new DockerContainer(docker, name, client, hostPort, server.shutdownGrace()));
  }

  /**
   * Removes ({@code docker rm -f}) the containers of experiment {@code number} of task {@code
   * taskId}, whoever launched them; returns their ids. Called before each experiment is launched.
   */
  public List<String> removeLeftovers(String taskId, int number) {
    List<String> left = docker.containers(ServerLabels.experiment(taskId, number));
    docker.remove(left);
    return left;
  }

  /** Removes the containers of every experiment of task {@code taskId}; returns their ids. */
  public List<String> removeLeftovers(String taskId) {
    List<String> left = docker.containers(ServerLabels.task(taskId));
    docker.remove(left);
    return left;
  }

  /** The {@code docker run} command line of one experiment. */
  List<String> command(ExperimentContext context, String name, int hostPort) {
    LocalServerSettings server = settings.server();
    int port = server.port().orElse(hostPort);
    List<String> command =
        new ArrayList<>(List.of(settings.docker(), "run", "--rm", "--name", name));
    ServerLabels.of(context.taskId(), context.number(), settings.worker()).entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            label -> command.addAll(List.of("--label", label.getKey() + "=" + label.getValue())));
    if (!context.gpus().isEmpty()) {
      // the quotes are docker's: --gpus parses its value as CSV, where a bare comma splits fields
      command.addAll(
          List.of(
              "--gpus",
              context.gpus().stream()
                  .map(String::valueOf)
                  .collect(Collectors.joining(",", "\"device=", "\""))));
    }
    command.addAll(List.of("-p", "127.0.0.1:" + hostPort + ":" + port));
    server.environment().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(env -> command.addAll(List.of("-e", env.getKey() + "=" + env.getValue())));
    command.addAll(settings.runArguments());
    command.add(settings.image());
    command.addAll(
        server
            .command()
            .render(
                LocalServerRunner.placeholders(server, "0.0.0.0", port), context.configuration()));
    return command;
  }

  /** The product of the parallelism flags (tensor × data × pipeline), if GPUs are used. */
  @Override
  public int gpusFor(Configuration configuration) {
    return settings.server().usesGpus() ? LocalServerRunner.parallelism(configuration) : 0;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Builds a {@link DockerServerRunner}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private LocalServerRunner server;
    private String image;
    private String docker = "docker";
    private List<String> runArguments = List.of();
    private String worker = UUID.randomUUID().toString();

    private Builder() {}

    /**
     * The server to run in the container: its command (or runtime), model, port (in the container),
     * boolean flags, environment, benchmark, poll interval and shutdown grace. Its host is not
     * used: the server binds {@code 0.0.0.0} in the container. No default.
     */
    public Builder server(LocalServerRunner server) {
      this.server = Objects.requireNonNull(server, "server");
      return this;
    }

    /** The image, e.g. {@code lmsysorg/sglang:latest}. No default. */
    public Builder image(String image) {
      this.image = nonBlank("image", image);
      return this;
    }

    /** The docker client: a name on PATH or a path. Default: {@code docker}. */
    public Builder docker(String docker) {
      this.docker = nonBlank("docker", docker);
      return this;
    }

    /**
     * More {@code docker run} options, before the image (e.g. {@code --ipc=host}). Default: none.
     */
    public Builder runArguments(List<String> runArguments) {
      this.runArguments = List.copyOf(runArguments);
      return this;
    }

    /** The value of the {@code autotune.io/worker} label. Default: a random id per runner. */
    public Builder worker(String worker) {
      this.worker = nonBlank("worker", worker);
      return this;
    }

    public DockerServerRunner build() {
      if (server == null) {
        throw new IllegalStateException("a server (what to run in the container) is required");
      }
      if (image == null) {
        throw new IllegalStateException("an image is required");
      }
      return new DockerServerRunner(
          new DockerSettings(server.settings(), image, docker, runArguments, worker));
    }

    static String nonBlank(String name, String value) {
      if (Objects.requireNonNull(value, name).isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
