package io.autotune.examples.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * A simulated SGLang-like inference server, run as its own process: {@code java -cp autotune.jar
 * io.autotune.examples.sim.SimulatedServer --port 30000 --tp-size 2 --mem-fraction-static 0.85
 * --schedule-policy lpm --chunked-prefill-size 8192 --max-running-requests 256 --cuda-graph-max-bs
 * 128 [--time-scale 10] [--disable-radix-cache]}.
 *
 * <p>It streams tokens at the speed {@link ServingModel} gives for its flags, refuses to start
 * (exit code 3) for configurations that run out of memory, hangs at start-up for very large prefill
 * chunks, and exits with code 2 on unknown flags. Prompts are counted by {@link SimTokenizer}, and
 * their uncached tokens prefilled one request at a time behind a {@link PrefixCache}. {@code
 * --time-scale S} runs it S times faster than the model: throughputs are S times higher, latencies
 * S times lower. The server serves requests concurrently; the class itself is only a {@code main}.
 */
public final class SimulatedServer {

  private SimulatedServer() {}

  public static void main(String[] args) throws Exception {
    SimulatorOptions options;
    try {
      options = SimulatorOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("simulated-server: error: " + e.getMessage());
      System.exit(2);
      return;
    }
    ServingModel model = options.model();
    System.out.println("simulated server: " + model);
    checkModelPath(options.modelPath());
    loadWeights(options, model);
    // tokens go out in small writes: without TCP_NODELAY, Nagle's algorithm and delayed ACKs
    // hold them back for tens of milliseconds
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
    server.setExecutor(Executors.newCachedThreadPool());
    new OpenAiEndpoints(
            new SimulatedEngine(model, options.timeScale(), options.radixCache()),
            options.modelName())
        .register(server);
    server.start();
    System.out.printf(
        Locale.ROOT,
        "ready on http://%s:%d: %.0f output tok/s per GPU, ttft %.3f s, prefill %.0f tok/s,"
            + " radix cache %s (time scale %s)%n",
        options.host(),
        options.port(),
        model.perGpuThroughput(),
        model.ttftSeconds(),
        model.prefillTokensPerSecond(),
        options.radixCache() ? "on" : "off",
        options.timeScale());
  }

  private static void checkModelPath(String modelPath) {
    if (modelPath.startsWith("/") && !Files.exists(Path.of(modelPath))) {
      System.err.println("OSError: model path " + modelPath + " does not exist");
      System.exit(1);
    }
  }

  /** Start-up: fails like a CUDA OOM, or hangs like a stuck warm-up, for some flags. */
  private static void loadWeights(SimulatorOptions options, ServingModel model)
      throws InterruptedException, IOException {
    Thread.sleep((long) (200 / options.timeScale()));
    if (model.outOfMemory()) {
      System.err.printf(
          Locale.ROOT,
          "torch.OutOfMemoryError: CUDA out of memory: KV cache %.1fk"
              + " tokens with mem-fraction-static %.2f and cuda-graph-max-bs %d%n",
          model.kvCache(),
          model.memFractionStatic(),
          model.cudaGraphMaxBs());
      System.exit(3);
    }
    if (model.hangsAtStartup()) {
      System.out.println(
          "capturing cuda graphs (chunked-prefill-size " + model.chunkedPrefillSize() + ")...");
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
