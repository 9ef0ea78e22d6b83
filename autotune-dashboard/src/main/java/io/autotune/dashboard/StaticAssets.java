package io.autotune.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The page and its assets, read once from the jar. Only the files named here are served, so no
 * request path can reach anything else on the class path. Thread-safe.
 */
final class StaticAssets {
  /** A file to serve: its bytes and content type. */
  record Asset(byte[] bytes, String contentType) {}

  private static final Map<String, String> FILES =
      Map.ofEntries(
          Map.entry("/", "index.html"),
          Map.entry("/static/favicon.svg", "favicon.svg"),
          Map.entry("/static/compare.js", "compare.js"),
          Map.entry("/static/dashboard.css", "dashboard.css"),
          Map.entry("/static/dashboard.js", "dashboard.js"),
          Map.entry("/static/experiment.js", "experiment.js"),
          Map.entry("/static/format.js", "format.js"),
          Map.entry("/static/importance.js", "importance.js"),
          Map.entry("/static/parallel.js", "parallel.js"),
          Map.entry("/static/pareto.js", "pareto.js"),
          Map.entry("/static/gantt.js", "gantt.js"),
          Map.entry("/static/scale.js", "scale.js"),
          Map.entry("/static/task.js", "task.js"));

  private final Map<String, Asset> assets;

  private StaticAssets(Map<String, Asset> assets) {
    this.assets = Map.copyOf(assets);
  }

  static StaticAssets load() {
    Map<String, Asset> assets = new java.util.HashMap<>();
    FILES.forEach((path, file) -> assets.put(path, new Asset(read(file), contentType(file))));
    return new StaticAssets(assets);
  }

  Optional<Asset> find(String path) {
    return Optional.ofNullable(assets.get(path));
  }

  private static byte[] read(String file) {
    try (InputStream in = StaticAssets.class.getResourceAsStream("static/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard jar lacks static/" + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentType(String file) {
    String extension = file.substring(file.lastIndexOf('.') + 1);
    return switch (extension) {
      case "html" -> "text/html;charset=utf-8";
      case "css" -> "text/css;charset=utf-8";
      case "js" -> "text/javascript;charset=utf-8";
      case "svg" -> "image/svg+xml";
      default -> throw new IllegalArgumentException("no content type for " + file);
    };
  }
}
