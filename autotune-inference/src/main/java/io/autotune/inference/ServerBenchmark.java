package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autotune.AutotuneException;
import io.autotune.model.Slo;
import io.autotune.spi.ExperimentContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Benchmarks a ready server with the configured tool and aggregates the levels. */
final class ServerBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalServerSettings settings;
  private final LoadGenerator loadGenerator;
  private final DeployedServer server;
  private final URI base;

  ServerBenchmark(
      LocalServerSettings settings, LoadGenerator loadGenerator, DeployedServer server, URI base) {
    this.settings = settings;
    this.loadGenerator = loadGenerator;
    this.server = server;
    this.base = base;
  }

  Map<String, Double> run(ExperimentContext context, int gpus) throws InterruptedException {
    BenchmarkSpec spec = settings.benchmark();
    String model = modelName();
    List<Slo> slos = context.spec().objective().slos();
    BenchmarkRun run =
        new BenchmarkRun(slos, gpus, context.remaining(), context::isCancelled, context::log);
    try {
      if (spec.tool() == BenchmarkSpec.Tool.GENAI_BENCH) {
        return levels(context, GenaiBenchTool.run(context, base, model, spec), gpus, slos);
      }
      if (spec.goodput().isPresent()) {
        List<GoodputResult> results = loadGenerator.searchGoodput(base, model, spec, run);
        requireNotCancelled(context);
        results.forEach(result -> result.runs().forEach(level -> context.log(describe(level))));
        return InferenceMetrics.goodput(results, gpus);
      }
      return levels(context, loadGenerator.run(base, model, spec, run), gpus, slos);
    } catch (AutotuneException e) {
      Optional<DeployedServer.Exit> exit = server.exit();
      if (exit.isPresent()) {
        throw new ServerStartupException(
            "the server " + exit.get().description() + " during the benchmark; " + e.getMessage(),
            exit.get().code(),
            server.logTail(ServerLauncher.LOG_TAIL_LINES));
      }
      throw e;
    }
  }

  private static Map<String, Double> levels(
      ExperimentContext context, List<LevelResult> levels, int gpus, List<Slo> slos)
      throws InterruptedException {
    requireNotCancelled(context);
    levels.forEach(level -> context.log(describe(level)));
    return InferenceMetrics.aggregate(levels, gpus, slos);
  }

  private static void requireNotCancelled(ExperimentContext context) throws InterruptedException {
    if (context.isCancelled() || Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("experiment cancelled during the benchmark");
    }
  }

  /** The configured model name, else the runner's model, else the first id of /v1/models. */
  private String modelName() throws InterruptedException {
    if (settings.benchmark().modelName().isPresent()) {
      return settings.benchmark().modelName().get();
    }
    if (settings.model().isPresent()) {
      return settings.model().get();
    }
    return servedModel();
  }

  private String servedModel() throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("v1/models"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode id = JSON.readTree(response.body()).path("data").path(0).path("id");
      if (response.statusCode() == 200 && id.isTextual()) {
        return id.asText();
      }
      throw new AutotuneException(
          "GET /v1/models did not name a model (HTTP "
              + response.statusCode()
              + "); set benchmark.model_name");
    } catch (IOException e) {
      throw new AutotuneException(
          "GET /v1/models failed: " + e.getMessage() + "; set benchmark.model_name", e);
    }
  }

  private static String describe(LevelResult level) {
    return String.format(
        Locale.ROOT,
        "%s %s: %d requests, %d errors, %.1f tok/s total, ttft %.3f s, tpot %.4f s,"
            + " latency p90 %.3f s, mean tokens in %.1f out %.1f%s%s",
        level.scenario(),
        level.load(),
        level.requests(),
        level.errors(),
        level.totalThroughput(),
        level.ttft().mean(),
        level.tpot().mean(),
        level.latency().p90(),
        level.meanInputTokens(),
        level.meanOutputTokens(),
        level.errorExamples().isEmpty() ? "" : "; errors: " + level.errorExamples(),
        level.stoppedEarly().map(why -> "; stopped early: " + why).orElse(""));
  }
}
