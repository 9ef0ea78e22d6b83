package io.autotune.examples.sim;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SimulatedServer} started as a child process of this JVM on a free port, for measuring
 * against it outside the tuning loop (SimulatorCalibration, the load-generator benchmark). Closing
 * it stops the process. Not thread-safe.
 */
public final class SimulatedServerProcess implements AutoCloseable {

  private final Process process;
  private final URI base;

  private SimulatedServerProcess(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  /**
   * Starts a server with {@code model}'s flags at {@code timeScale} and waits until it answers.
   *
   * @throws IllegalStateException if it does not answer within 20 s
   */
  public static SimulatedServerProcess start(ServingModel model, double timeScale)
      throws IOException, InterruptedException {
    return start(model, timeScale, List.of());
  }

  /**
   * Starts a server as {@link #start(ServingModel, double)} does, with {@code extraFlags} (e.g.
   * {@code --disable-radix-cache}) after the model's.
   */
  public static SimulatedServerProcess start(
      ServingModel model, double timeScale, List<String> extraFlags)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SimulatedServer.class.getName(),
                "--port",
                "" + port,
                "--time-scale",
                "" + timeScale,
                "--tp-size",
                "" + model.tpSize(),
                "--mem-fraction-static",
                "" + model.memFractionStatic(),
                "--schedule-policy",
                model.schedulePolicy(),
                "--chunked-prefill-size",
                "" + model.chunkedPrefillSize(),
                "--max-running-requests",
                "" + model.maxRunningRequests(),
                "--cuda-graph-max-bs",
                "" + model.cudaGraphMaxBs()));
    command.addAll(extraFlags);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    SimulatedServerProcess server =
        new SimulatedServerProcess(process, URI.create("http://127.0.0.1:" + port + "/"));
    try {
      server.awaitReady();
      return server;
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The server's base URI, e.g. {@code http://127.0.0.1:41234/}. */
  public URI uri() {
    return base;
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(base.resolve("health")).build();
    for (int i = 0; i < 400; i++) {
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the simulated server at " + base + " did not start");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
