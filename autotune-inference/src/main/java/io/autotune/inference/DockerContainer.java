package io.autotune.inference;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A server in a Docker container, run by a {@code docker run} client in the foreground: the client
 * streams the container's output into {@code server.log} and exits with the container's exit code
 * (125 to 127 when docker itself could not run it). Removed with {@code docker rm -f}. Thread-safe.
 */
final class DockerContainer implements DeployedServer {

  private final DockerCli docker;
  private final String name;
  private final ServerProcess client;
  private final URI base;
  private final Duration grace;

  DockerContainer(
      DockerCli docker, String name, ServerProcess client, int hostPort, Duration grace) {
    this.docker = docker;
    this.name = name;
    this.client = client;
    this.base = URI.create("http://127.0.0.1:" + hostPort + "/");
    this.grace = grace;
  }

  @Override
  public Optional<URI> base() {
    return Optional.of(base);
  }

  @Override
  public Optional<Exit> exit() {
    return client.exitCode().stream().mapToObj(DockerContainer::describe).findFirst();
  }

  /** Docker's own exit codes (docker run's reference) said in words. */
  static Exit describe(int code) {
    String why =
        switch (code) {
          case 125 -> " (docker could not create or start the container: see its message below)";
          case 126 -> " (the command in the image could not be invoked)";
          case 127 -> " (the command was not found in the image)";
          default -> "";
        };
    Exit exit = Exit.code(code);
    return new Exit(exit.code(), exit.description() + why);
  }

  @Override
  public String logTail(int lines) {
    return client.logTail(lines);
  }

  /** {@code docker rm -f} the container, then stops the client if it is still there. */
  @Override
  public void remove() {
    try {
      docker.remove(List.of(name));
    } finally {
      client.terminate(grace);
    }
  }
}
