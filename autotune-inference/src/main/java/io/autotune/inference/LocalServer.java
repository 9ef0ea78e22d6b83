package io.autotune.inference;

import io.autotune.spi.ExperimentContext;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A server running on this host as a process group, answering on a local port. Thread-safe. */
final class LocalServer implements DeployedServer {

  private final ServerProcess process;
  private final URI base;
  private final int port;
  private final Duration grace;
  private final ExperimentContext context;

  LocalServer(
      ServerProcess process, String host, int port, Duration grace, ExperimentContext context) {
    this.process = process;
    this.base = URI.create("http://" + host + ":" + port + "/");
    this.port = port;
    this.grace = grace;
    this.context = context;
  }

  @Override
  public Optional<URI> base() {
    return Optional.of(base);
  }

  @Override
  public Optional<Exit> exit() {
    return process.exitCode().stream().mapToObj(Exit::code).findFirst();
  }

  @Override
  public String logTail(int lines) {
    return process.logTail(lines);
  }

  /** SIGTERM to the group, SIGKILL after the grace period, then waits until the port is free. */
  @Override
  public void remove() {
    process.terminate(grace);
    if (!Ports.awaitFree(port, grace)) {
      context.log("port " + port + " is still taken after the server was stopped");
    }
  }
}
