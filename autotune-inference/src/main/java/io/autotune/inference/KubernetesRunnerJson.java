package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import io.autotune.model.TaskSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds a {@link KubernetesServerRunner} from a task's {@code runner} section. */
final class KubernetesRunnerJson {

  private static final Set<String> KEYS =
      Set.of(
          "image",
          "namespace",
          "node_selector",
          "tolerations",
          "resources",
          "gpu_resource",
          "image_pull_secrets",
          "shm_size",
          "service_account",
          "worker");
  private static final Set<String> TOLERATION_KEYS =
      Set.of("key", "operator", "value", "effect", "tolerationSeconds");

  /** Kubernetes' quantity grammar: a number, then a binary, decimal or exponent suffix. */
  private static final Pattern QUANTITY =
      Pattern.compile(
          "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?");

  private KubernetesRunnerJson() {}

  static KubernetesServerRunner fromTask(TaskSpec spec) {
    Json.Fields fields = LocalServerRunnerJson.fields(spec);
    fields.onlyKnown(LocalServerRunnerJson.union(LocalServerRunnerJson.SERVER_KEYS, KEYS));
    LocalServerRunner server = LocalServerRunnerJson.server(fields, spec, builder -> {});
    KubernetesServerRunner.Builder builder =
        KubernetesServerRunner.builder().server(server).image(DockerRunnerJson.image(fields));
    fields.text("namespace").ifPresent(builder::namespace);
    fields
        .node("node_selector")
        .map(n -> strings(n, "runner.node_selector"))
        .ifPresent(builder::nodeSelector);
    fields
        .node("tolerations")
        .map(KubernetesRunnerJson::tolerations)
        .ifPresent(builder::tolerations);
    fields.node("resources").ifPresent(node -> resources(node, builder));
    fields.text("gpu_resource").ifPresent(builder::gpuResource);
    fields.texts("image_pull_secrets").ifPresent(builder::imagePullSecrets);
    fields
        .text("shm_size")
        .map(size -> quantity(size, "runner.shm_size"))
        .ifPresent(builder::shmSize);
    fields.text("service_account").ifPresent(builder::serviceAccount);
    fields.text("worker").ifPresent(builder::worker);
    return builder.build();
  }

  /** An object of strings (numbers are taken as their text). */
  private static Map<String, String> strings(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidTaskException(path, "must be an object of strings, but was " + node);
    }
    Map<String, String> values = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new InvalidTaskException(
                    path + "." + e.getKey(), "must be a string, but was " + e.getValue());
              }
              values.put(e.getKey(), e.getValue().asText());
            });
    return values;
  }

  /** An object of Kubernetes quantities ("8", "500m", "64Gi"), each checked. */
  private static Map<String, String> quantities(JsonNode node, String path) {
    Map<String, String> values = strings(node, path);
    values.forEach((key, value) -> quantity(value, path + "." + key));
    return values;
  }

  static String quantity(String value, String path) {
    if (!QUANTITY.matcher(value).matches()) {
      throw new InvalidTaskException(
          path, "is not a Kubernetes quantity (such as 8, 500m, 64Gi): " + value);
    }
    return value;
  }

  /** {@code {"requests": {...}, "limits": {...}}}, Kubernetes quantities as strings. */
  private static void resources(JsonNode node, KubernetesServerRunner.Builder builder) {
    Json.Fields resources = Json.fields(node, "runner.resources");
    resources.onlyKnown(Set.of("requests", "limits"));
    resources
        .node("requests")
        .map(n -> quantities(n, "runner.resources.requests"))
        .ifPresent(builder::requests);
    resources
        .node("limits")
        .map(n -> quantities(n, "runner.resources.limits"))
        .ifPresent(builder::limits);
  }

  /** Kubernetes tolerations, with Kubernetes' own field names. */
  private static List<Toleration> tolerations(JsonNode node) {
    if (!node.isArray()) {
      throw new InvalidTaskException(
          "runner.tolerations", "must be a list of tolerations, but was " + node);
    }
    List<Toleration> tolerations = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      Json.Fields t = Json.fields(node.get(i), "runner.tolerations[" + i + "]");
      t.onlyKnown(TOLERATION_KEYS);
      TolerationBuilder toleration = new TolerationBuilder();
      t.text("key").ifPresent(toleration::withKey);
      t.text("operator").ifPresent(toleration::withOperator);
      t.text("value").ifPresent(toleration::withValue);
      t.text("effect").ifPresent(toleration::withEffect);
      t.integer("tolerationSeconds")
          .map(Integer::longValue)
          .ifPresent(toleration::withTolerationSeconds);
      tolerations.add(toleration.build());
    }
    return tolerations;
  }
}
