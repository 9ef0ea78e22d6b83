package io.autotune.inference;

import io.autotune.InvalidTaskException;
import io.autotune.internal.Json;
import io.autotune.model.TaskSpec;
import java.util.Set;

/** Builds a {@link DockerServerRunner} from a task's {@code runner} section. */
final class DockerRunnerJson {

  private static final Set<String> KEYS = Set.of("image", "docker", "docker_args", "worker");

  private DockerRunnerJson() {}

  static DockerServerRunner fromTask(TaskSpec spec) {
    Json.Fields fields = LocalServerRunnerJson.fields(spec);
    fields.onlyKnown(LocalServerRunnerJson.union(LocalServerRunnerJson.SERVER_KEYS, KEYS));
    LocalServerRunner server = LocalServerRunnerJson.server(fields, spec, builder -> {});
    DockerServerRunner.Builder builder = DockerServerRunner.builder().server(server);
    builder.image(image(fields));
    try {
      fields.text("docker").ifPresent(builder::docker);
      fields.texts("docker_args").ifPresent(builder::runArguments);
      fields.text("worker").ifPresent(builder::worker);
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidTaskException("runner", e.getMessage());
    }
  }

  /** runner.image: required (a blank string is refused by the JSON reader). */
  static String image(Json.Fields fields) {
    return fields
        .text("image")
        .orElseThrow(
            () ->
                fields.invalid(
                    "image", "is required: the server's image, e.g. lmsysorg/sglang:latest"));
  }
}
