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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-style streaming server with scripted behaviour, for tests: request k (from 0) waits
 * {@code ttftMillis(k)} before its first token, then {@code tokenMillis} between tokens. Also runs
 * as a child process ({@link #main}) for the runner tests.
 */
final class ScriptedServer implements AutoCloseable {

  /** What the server does with a completion request. */
  enum Mode {
    NORMAL,
    CLOSE_EARLY,
    GARBAGE,
    HTTP_500
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Mode mode;
  private final long[] ttftMillis;
  private final long tokenMillis;
  private final AtomicInteger served = new AtomicInteger();

  private ScriptedServer(int port, Mode mode, long[] ttftMillis, long tokenMillis)
      throws IOException {
    this.mode = mode;
    this.ttftMillis = ttftMillis;
    this.tokenMillis = tokenMillis;
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
    return new ScriptedServer(0, mode, ttftMillis, tokenMillis);
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
    if (mode == Mode.HTTP_500) {
      respond(exchange, 500, "{\"error\":\"scripted failure\"}");
      return;
    }
    boolean chat = exchange.getRequestURI().getPath().contains("chat");
    int tokens = request.path("max_tokens").asInt(16);
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      sleep(ttftMillis[index % ttftMillis.length]);
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
              + promptWords(request)
              + ",\"completion_tokens\":"
              + tokens
              + "}}\n\n");
      send(out, "data: [DONE]\n\n");
    }
  }

  private static int promptWords(JsonNode request) {
    String prompt =
        request.path("prompt").asText(request.path("messages").path(0).path("content").asText(""));
    return prompt.split(" ").length;
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
    new ScriptedServer(port, mode, new long[] {5}, 1);
    System.out.println("ready on port " + port);
  }

  /** Hangs like a server stuck in start-up, with a worker process that ignores SIGTERM. */
  private static void hangWithGrandchild() throws Exception {
    new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 600").inheritIO().start();
    System.out.println("capturing cuda graphs...");
    Thread.sleep(Long.MAX_VALUE);
  }
}
