package io.autotune.inference;

import io.autotune.spi.ExperimentContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/** Waits for a launched server to be ready, or for the reason it never will be. */
final class ServerLauncher {

  static final int LOG_TAIL_LINES = 30;

  private final LocalServerSettings settings;
  private final ServerProcess server;
  private final ReadinessProbe probe;

  ServerLauncher(LocalServerSettings settings, ServerProcess server, URI base) {
    this.settings = settings;
    this.server = server;
    this.probe =
        new ReadinessProbe(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build(),
            base);
  }

  /**
   * Polls until the server answers; throws {@link ServerStartupException} when it exits first or
   * the experiment's deadline passes, and {@link InterruptedException} when cancelled.
   */
  void awaitReady(ExperimentContext context) throws InterruptedException {
    Instant started = context.clock().instant();
    while (true) {
      OptionalInt exit = server.exitCode();
      if (exit.isPresent()) {
        throw new ServerStartupException(
            "the server exited with code " + exit.getAsInt() + " before it was ready",
            exit,
            LogTail.of(server.log(), LOG_TAIL_LINES));
      }
      if (context.isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("experiment cancelled while the server was starting");
      }
      if (context.remaining().isZero()) {
        throw new ServerStartupException(
            "the server did not become ready within "
                + Duration.between(started, context.clock().instant()).toSeconds()
                + " s (the experiment's deadline); it neither answered GET /health nor"
                + " GET /v1/models with 200",
            OptionalInt.empty(),
            LogTail.of(server.log(), LOG_TAIL_LINES));
      }
      if (probe.isReady()) {
        context.log(
            "server ready after "
                + Duration.between(started, context.clock().instant()).toMillis()
                + " ms");
        return;
      }
      Thread.sleep(settings.pollInterval().toMillis());
    }
  }
}
