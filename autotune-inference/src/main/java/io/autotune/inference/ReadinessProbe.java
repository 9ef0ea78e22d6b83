package io.autotune.inference;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a starting server whether it is ready: GET /health or GET /v1/models answers 200. */
final class ReadinessProbe {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient client;
  private final URI base;

  ReadinessProbe(HttpClient client, URI base) {
    this.client = client;
    this.base = base;
  }

  /** Whether either endpoint answers 200 now. */
  boolean isReady() throws InterruptedException {
    return answers200("health") || answers200("v1/models");
  }

  private boolean answers200(String path) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet, or reset: not ready
    }
  }
}
