package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-style streaming server with scripted behaviour, for tests: request k (from 0) waits
 * {@code ttftMillis(k)} before its first token (plus {@code loadMillis} for every request in
 * flight, itself included, when the server is loaded), then {@code tokenMillis} between tokens. It
 * counts prompt tokens as one per token id, or one per word (plus 3 for a chat template), and keeps
 * the prompts it was sent. Also runs as a child process ({@link #main}) for the runner tests.
 */
final class ScriptedServer implements AutoCloseable {

  /** What the server does with a completion request. */
  enum Mode {
    NORMAL,
    CLOSE_EARLY,
    GARBAGE,
    HTTP_500,
    /** Answers HTTP 400 to a prompt of token ids, as a server that takes only text. */
    REJECT_TOKEN_IDS
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Mode mode;
  private final long[] ttftMillis;
  private final long tokenMillis;
  private final long loadMillis;
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<JsonNode> prompts = Collections.synchronizedList(new ArrayList<>());

  private ScriptedServer(int port, Mode mode, long[] ttftMillis, long tokenMillis, long loadMillis)
      throws IOException {
    this.mode = mode;
    this.ttftMillis = ttftMillis;
    this.tokenMillis = tokenMillis;
    this.loadMillis = loadMillis;
    System.setProperty("sun.net.httpserver.nodelay", "true"); // small SSE writes, no Nagle
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/health", exchange -> respond(exchange, 200, "ok"));
    server.createContext(
        "/v1/models",
        exchange ->
            respond(exchange, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"scripted\"}]}"));
    server.createContext("/v1/completions", this::complete);
    server.createContext("/v1/chat/completions", this::complete);
    server.start();
  }

  static ScriptedServer start(Mode mode, long[] ttftMillis, long tokenMillis) throws IOException {
    return new ScriptedServer(0, mode, ttftMillis, tokenMillis, 0);
  }

  /** A server whose TTFT is {@code loadMillis} per request in flight: latency grows with load. */
  static ScriptedServer loaded(long loadMillis) throws IOException {
    return new ScriptedServer(0, Mode.NORMAL, new long[] {0}, 1, loadMillis);
  }

  /** The prompts received, in order: arrays of token ids, or text. */
  List<JsonNode> prompts() {
    synchronized (prompts) {
      return List.copyOf(prompts);
    }
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  int served() {
    return served.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void complete(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    int index = served.getAndIncrement();
    prompts.add(request.has("prompt") ? request.get("prompt") : request.path("messages"));
    if (mode == Mode.HTTP_500) {
      respond(exchange, 500, "{\"error\":\"scripted failure\"}");
      return;
    }
    if (mode == Mode.REJECT_TOKEN_IDS && request.path("prompt").isArray()) {
      respond(exchange, 400, "{\"error\":{\"message\":\"prompt must be a string\"}}");
      return;
    }
    AtomicBoolean done = new AtomicBoolean();
    Runnable leave =
        () -> {
          if (done.compareAndSet(false, true)) {
            inFlight.decrementAndGet();
          }
        };
    try {
      stream(exchange, request, index, inFlight.incrementAndGet(), leave);
    } finally {
      leave.run();
    }
  }

  /** Streams the answer; {@code leave} runs before the last event, when the client may go on. */
  private void stream(HttpExchange exchange, JsonNode request, int index, int load, Runnable leave)
      throws IOException {
    boolean chat = exchange.getRequestURI().getPath().contains("chat");
    int tokens = request.path("max_tokens").asInt(16);
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      awaitFirstToken(out, ttftMillis[index % ttftMillis.length] + loadMillis * load);
      for (int i = 0; i < tokens; i++) {
        if (i > 0) {
          sleep(tokenMillis);
        }
        if (mode == Mode.GARBAGE && i == 1) {
          send(out, "data: <html>502 Bad Gateway</html>\n\n");
          return;
        }
        if (mode == Mode.CLOSE_EARLY && i == tokens / 2) {
          return; // the stream ends without [DONE]
        }
        send(out, "data: " + chunk(chat, " tok") + "\n\n");
      }
      send(
          out,
          "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":"
              + promptTokens(request)
              + ",\"completion_tokens\":"
              + tokens
              + "}}\n\n");
      leave.run();
      send(out, "data: [DONE]\n\n");
    }
  }

  /**
   * Waits {@code millis}; a loaded server writes an SSE comment every 20 ms meanwhile, so that a
   * client that gave up is noticed (a failed write) and leaves the load, as vLLM aborts it.
   */
  private void awaitFirstToken(OutputStream out, long millis) throws IOException {
    if (loadMillis == 0) {
      sleep(millis);
      return;
    }
    long end = System.nanoTime() + millis * 1_000_000;
    for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000) {
      sleep(Math.min(left, 20));
      send(out, ": waiting\n\n");
    }
  }

  /** Token ids count one each; text one per word, plus 3 for a chat template. */
  private static int promptTokens(JsonNode request) {
    JsonNode prompt = request.path("prompt");
    if (prompt.isArray()) {
      return prompt.size();
    }
    String text = prompt.asText(request.path("messages").path(0).path("content").asText(""));
    return text.split(" ").length + (request.has("messages") ? 3 : 0);
  }

  private static String chunk(boolean chat, String text) {
    return chat
        ? "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}"
        : "{\"choices\":[{\"index\":0,\"text\":\"" + text + "\"}]}";
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * As a child process: {@code --port P [--mode NORMAL|CLOSE_EARLY|GARBAGE|HTTP_500]
   * [--exit-at-start CODE] [--hang-at-start true] [--spawn-child true]}; other flags are ignored.
   */
  public static void main(String[] args) throws Exception {
    int port = 0;
    Mode mode = Mode.NORMAL;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--mode" -> mode = Mode.valueOf(args[i + 1]);
        case "--exit-at-start" -> {
          System.out.println("loading weights...");
          System.err.println("CUDA out of memory (scripted)");
          System.exit(Integer.parseInt(args[i + 1]));
        }
        case "--hang-at-start" -> {
          if (args[i + 1].equals("yes")) {
            hangWithGrandchild();
          }
        }
        case "--spawn-child" -> new ProcessBuilder("sleep", "600").inheritIO().start();
        default -> {}
      }
    }
    System.out.println("CUDA_VISIBLE_DEVICES=" + System.getenv("CUDA_VISIBLE_DEVICES"));
    new ScriptedServer(port, mode, new long[] {5}, 1, 0);
    System.out.println("ready on port " + port);
  }

  /** Hangs like a server stuck in start-up, with a worker process that ignores SIGTERM. */
  private static void hangWithGrandchild() throws Exception {
    new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 600").inheritIO().start();
    System.out.println("capturing cuda graphs...");
    Thread.sleep(Long.MAX_VALUE);
  }
}
