package io.autotune.inference;

import java.util.List;
import java.util.Locale;

/**
 * How a boolean parameter becomes a server flag. A server whose flag defaults to on can only be
 * tuned if {@code false} is said out loud: vLLM enables prefix caching unless it gets {@code
 * --no-enable-prefix-caching}, so leaving the flag out for {@code false} would tune nothing.
 */
public enum BooleanFlags {
  /**
   * true → {@code --name}; false → nothing. SGLang's store_true flags; the default for commands.
   */
  PRESENCE,
  /**
   * true → {@code --name}; false → {@code --no-name}. Python's {@code BooleanOptionalAction}, which
   * vLLM uses for its boolean engine arguments; the default for {@code runtime: vllm}.
   */
  NEGATED,
  /** {@code --name=true} or {@code --name=false}: parsers that want the value (Go, absl). */
  VALUE;

  /** The default for a known runtime: NEGATED for vLLM, PRESENCE for SGLang and others. */
  static BooleanFlags forRuntime(String runtime) {
    return runtime.equalsIgnoreCase("vllm") ? NEGATED : PRESENCE;
  }

  /**
   * The JSON name ({@code presence}, {@code negated} or {@code value}) as a constant.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static BooleanFlags of(String name) {
    for (BooleanFlags style : values()) {
      if (style.jsonName().equals(name)) {
        return style;
      }
    }
    throw new IllegalArgumentException(
        "must be \"presence\", \"negated\" or \"value\", but was \"" + name + "\"");
  }

  /** The name in task JSON: {@code presence}, {@code negated} or {@code value}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The arguments for {@code flag} (with its dashes) set to {@code value}. */
  List<String> render(String flag, boolean value) {
    return switch (this) {
      case PRESENCE -> value ? List.of(flag) : List.of();
      case NEGATED -> value ? List.of(flag) : List.of("--no-" + flag.replaceFirst("^-+", ""));
      case VALUE -> List.of(flag + "=" + value);
    };
  }
}
