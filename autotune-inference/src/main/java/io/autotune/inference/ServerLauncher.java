package io.autotune.inference;

import io.autotune.spi.ExperimentContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Waits for a launched server to be ready, or for the reason it never will be. */
final class ServerLauncher {

  static final int LOG_TAIL_LINES = 30;

  private final Duration pollInterval;
  private final DeployedServer server;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  ServerLauncher(Duration pollInterval, DeployedServer server) {
    this.pollInterval = pollInterval;
    this.server = server;
  }

  /**
   * Polls until the server answers and returns its base URL; throws {@link ServerStartupException}
   * when it ends first or the experiment's deadline passes, and {@link InterruptedException} when
   * cancelled.
   */
  URI awaitReady(ExperimentContext context) throws InterruptedException {
    Instant started = context.clock().instant();
    while (true) {
      Optional<DeployedServer.Exit> exit = server.exit();
      if (exit.isPresent()) {
        throw new ServerStartupException(
            "the server " + exit.get().description() + " before it was ready",
            exit.get().code(),
            server.logTail(LOG_TAIL_LINES));
      }
      if (context.isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("experiment cancelled while the server was starting");
      }
      if (context.remaining().isZero()) {
        String state = server.state();
        throw new ServerStartupException(
            "the server did not become ready within "
                + Duration.between(started, context.clock().instant()).toSeconds()
                + " s (the experiment's deadline); it neither answered GET /health nor"
                + " GET /v1/models with 200"
                + (state.isEmpty() ? "" : "; " + state),
            java.util.OptionalInt.empty(),
            server.logTail(LOG_TAIL_LINES));
      }
      Optional<URI> base = server.base();
      if (base.isPresent() && new ReadinessProbe(client, base.get()).isReady()) {
        context.log(
            "server ready at "
                + base.get()
                + " after "
                + Duration.between(started, context.clock().instant()).toMillis()
                + " ms");
        return base.get();
      }
      Thread.sleep(pollInterval.toMillis());
    }
  }
}
