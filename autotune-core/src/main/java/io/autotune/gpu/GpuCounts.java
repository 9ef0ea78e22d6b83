package io.autotune.gpu;

import io.autotune.space.Configuration;
import java.util.List;
import java.util.Map;

/**
 * How many GPUs an inference-server configuration needs, from its parallelism flags: tensor
 * parallel × pipeline parallel × data parallel, each 1 when absent. For use in {@link
 * io.autotune.spi.ExperimentRunner#gpusFor}. Stateless.
 *
 * <p>This is the vLLM rule, and SGLang's without {@code --enable-dp-attention} (with it, SGLang
 * runs its data-parallel ranks inside the tensor-parallel GPUs: use {@link #product} with the
 * tensor-parallel names alone).
 */
public final class GpuCounts {
  public static final List<String> TENSOR_PARALLEL =
      List.of("tp-size", "tp_size", "tensor-parallel-size", "tensor_parallel_size", "tp");
  public static final List<String> PIPELINE_PARALLEL =
      List.of("pp-size", "pp_size", "pipeline-parallel-size", "pipeline_parallel_size", "pp");
  public static final List<String> DATA_PARALLEL =
      List.of("dp-size", "dp_size", "data-parallel-size", "data_parallel_size", "dp");

  private GpuCounts() {}

  /** Tensor × pipeline × data parallel size of {@code configuration}. */
  public static int parallelism(Configuration configuration) {
    return parallelism(configuration.values());
  }

  /**
   * Tensor × pipeline × data parallel size of {@code values}, e.g. a configuration merged with the
   * runner's fixed flags.
   */
  public static int parallelism(Map<String, ?> values) {
    return product(values, List.of(TENSOR_PARALLEL, PIPELINE_PARALLEL, DATA_PARALLEL));
  }

  /**
   * The product of factors, each read from the first of its names present in {@code values} (1 when
   * none is).
   *
   * @throws IllegalArgumentException if a factor is not a whole number of at least 1
   */
  public static int product(Map<String, ?> values, List<List<String>> factors) {
    long product = 1;
    for (List<String> names : factors) {
      product = Math.multiplyExact(product, factor(values, names));
    }
    return Math.toIntExact(product);
  }

  private static long factor(Map<String, ?> values, List<String> names) {
    for (String name : names) {
      Object value = values.get(name);
      if (value != null) {
        return wholePositive(name, value);
      }
    }
    return 1;
  }

  private static long wholePositive(String name, Object value) {
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else {
      try {
        number = Double.parseDouble(value.toString().trim());
      } catch (NumberFormatException e) {
        number = Double.NaN;
      }
    }
    if (!(number >= 1) || number != Math.rint(number) || number > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + " must be a whole number of at least 1, but was " + value);
    }
    return (long) number;
  }
}
