package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends one streaming OpenAI request and measures it from the server-sent events. Only a stream
 * that ends with {@code data: [DONE]} after at least one token succeeds: an early close, an
 * unparseable chunk or an error object is a failure. Thread-safe (stateless per call).
 */
final class StreamingRequest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final ScheduledExecutorService timer;

  StreamingRequest(HttpClient client, ScheduledExecutorService timer) {
    this.client = client;
    this.timer = timer;
  }

  /**
   * Sends {@code request} and reads its stream; {@code inFlight} learns when the first token came.
   * {@code promptTokens} is what the sample reports if the server sends no usage.
   */
  RequestSample send(HttpRequest request, int promptTokens, Duration timeout, InFlight inFlight)
      throws InterruptedException {
    long start = System.nanoTime();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      return RequestSample.failure("no response within " + timeout.toSeconds() + " s");
    } catch (ConnectException e) {
      return RequestSample.failure("could not connect: " + e);
    } catch (IOException stale) {
      // a kept-alive connection the server had just closed: the request never reached it, and
      // the JDK client retries only idempotent methods by itself; one retry on a fresh connection
      start = System.nanoTime();
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        return RequestSample.failure("request failed: " + e);
      }
    }
    try (InputStream body = response.body()) {
      inFlight.streaming(body);
      if (response.statusCode() != 200) {
        String text = new String(body.readNBytes(300), StandardCharsets.UTF_8).strip();
        return RequestSample.httpError(response.statusCode(), text);
      }
      AtomicBoolean timedOut = new AtomicBoolean();
      long left = Math.max(1, timeout.toNanos() - (System.nanoTime() - start));
      ScheduledFuture<?> guard =
          timer.schedule(() -> closeOnTimeout(body, timedOut), left, TimeUnit.NANOSECONDS);
      try {
        return read(body, start, promptTokens, inFlight);
      } catch (IOException e) {
        return RequestSample.failure(
            timedOut.get()
                ? "stream did not finish within " + timeout.toSeconds() + " s"
                : "stream broke off: " + e.getMessage());
      } finally {
        guard.cancel(false);
      }
    } catch (IOException e) {
      return RequestSample.failure("reading the response failed: " + e);
    }
  }

  private static RequestSample read(
      InputStream body, long start, int promptTokens, InFlight inFlight) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    StreamTally tally = new StreamTally();
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.startsWith("data:")) {
        continue; // blank separators, comments, event/id fields
      }
      String payload = line.substring(5).strip();
      if (payload.equals("[DONE]")) {
        return tally.finish(start, promptTokens);
      }
      long now = System.nanoTime();
      String problem = tally.add(parse(payload), now);
      if (tally.chunks() > 0) {
        inFlight.firstToken(now);
      }
      if (problem != null) {
        return RequestSample.failure(problem + ": " + abbreviate(payload));
      }
    }
    return RequestSample.failure(
        "stream closed before data: [DONE] after " + tally.chunks() + " token chunks");
  }

  private static JsonNode parse(String payload) {
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      return null;
    }
  }

  private static void closeOnTimeout(InputStream body, AtomicBoolean timedOut) {
    timedOut.set(true);
    try {
      body.close();
    } catch (IOException e) {
      // closing is how the reader is stopped; nothing else to do
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
