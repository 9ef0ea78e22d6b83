package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /tokenize}, non-streamed completions, cache hits and refusals of the simulated server's
 * endpoints, served in this JVM over a real socket.
 */
class SimulatedServerEndpointsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static HttpServer server;
  private static URI base;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    ServingModel model = new ServingModel(1, 0.85, "lpm", 8192, 64, 64);
    new OpenAiEndpoints(new SimulatedEngine(model, 50, true), "sim").register(server);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(base.resolve(path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void tokenizeCountsTextChatAndTokenIdsAsCompletionsDo() throws Exception {
    JsonNode text = JSON.readTree(post("tokenize", "{\"prompt\":\"hi you all together\"}").body());
    JsonNode chat =
        JSON.readTree(
            post("tokenize", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").body());
    JsonNode ids = JSON.readTree(post("tokenize", "{\"prompt\":[5,6,7]}").body());

    assertThat(text.path("count").asInt()).isEqualTo(5);
    assertThat(text.path("tokens")).hasSize(5);
    assertThat(text.path("max_model_len").asInt()).isEqualTo(32768);
    assertThat(chat.path("count").asInt()).isEqualTo(1 + 3 + 4);
    assertThat(ids.path("tokens").toString()).isEqualTo("[5,6,7]");
  }

  @Test
  void aChatCompletionWithoutStreamingIsOneJsonBodyWithUsage() throws Exception {
    HttpResponse<String> response =
        post(
            "v1/chat/completions",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi you\"}],\"max_tokens\":5}");

    JsonNode body = JSON.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo(" tok".repeat(5));
    assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(2 + 3 + 4);
    assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(5);
    assertThat(body.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isZero();
  }

  @Test
  void aStreamEndsWithTheUsageAndDone() throws Exception {
    String stream =
        post("v1/completions", "{\"prompt\":[1,2,3],\"max_tokens\":3,\"stream\":true}").body();

    assertThat(stream).contains("\"prompt_tokens\":3").endsWith("data: [DONE]\n\n");
  }

  @Test
  void badPromptsGetHttp400WithAnOpenAiError() throws Exception {
    HttpResponse<String> outside = post("v1/completions", "{\"prompt\":[1,128000]}");
    HttpResponse<String> tooLong =
        post("v1/completions", "{\"prompt\":\"" + "word ".repeat(32769) + "\"}");
    HttpResponse<String> notJson = post("tokenize", "{");
    HttpResponse<String> get =
        client.send(
            HttpRequest.newBuilder(base.resolve("v1/completions")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(outside.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(outside.body()).path("error");
    assertThat(error.path("message").asText()).contains("out of vocabulary");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("code").asInt()).isEqualTo(400);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("maximum context length");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(get.statusCode()).isEqualTo(405);
  }

  @Test
  void aRepeatedPromptReportsItsCachedTokens() throws Exception {
    String prompt = "{\"prompt\":\"" + "cache me please ".repeat(20) + "\",\"max_tokens\":2}";

    JsonNode first = JSON.readTree(post("v1/completions", prompt).body());
    JsonNode second = JSON.readTree(post("v1/completions", prompt).body());

    assertThat(first.at("/usage/prompt_tokens").asInt()).isEqualTo(100); // 2 + 1 + 2 a round
    assertThat(first.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isZero();
    assertThat(second.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isEqualTo(96);
    assertThat(second.at("/choices/0/text").asText()).isEqualTo(" tok tok");
  }
}
