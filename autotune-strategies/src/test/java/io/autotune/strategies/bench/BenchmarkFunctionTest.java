package io.autotune.strategies.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autotune.space.Configuration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The Java port against values computed by shared/bench/functions.py itself, e.g. {@code cd
 * shared/bench && python3 -c 'from functions import *; print(repr(branin({"x": 3.14159, "y":
 * 2.275})))'}.
 */
class BenchmarkFunctionTest {

  @Test
  void braninMatchesFunctionsPy() {
    assertValue(BenchmarkFunction.BRANIN, Map.of("x", 3.14159, "y", 2.275), 0.3978873577678268);
    assertValue(BenchmarkFunction.BRANIN, Map.of("x", -5.0, "y", 15.0), 17.508299515778166);
    assertValue(BenchmarkFunction.BRANIN, Map.of("x", 1.5, "y", 7.25), 21.879353046077867);
  }

  @Test
  void hartmann6MatchesFunctionsPy() {
    // python3 -c 'from functions import *; print(repr(hartmann6({f"x{i}": v for i, v in
    //   enumerate([0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573])})))'
    assertValue(
        BenchmarkFunction.HARTMANN6,
        hartmann(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573),
        -3.322368011391339);
    assertValue(
        BenchmarkFunction.HARTMANN6, hartmann(0.5, 0.5, 0.5, 0.5, 0.5, 0.5), -0.5053149917022333);
    assertValue(
        BenchmarkFunction.HARTMANN6,
        hartmann(0.1, 0.9, 0.3, 0.7, 0.0, 1.0),
        -0.0077958537580130475);
  }

  @Test
  void servingSimMatchesFunctionsPy() {
    // python3 -c 'from functions import *; print(repr(serving_sim(dict(tp_size=2,
    //   mem_fraction_static=0.9, schedule_policy="lpm", chunked_prefill_size=8192,
    //   max_running_requests=512, cuda_graph_max_bs=256))))'  and so on for each line
    assertValue(
        BenchmarkFunction.SERVING_SIM, serving(2, 0.9, "lpm", 8192, 512, 256), -1068.307734599182);
    assertValue(
        BenchmarkFunction.SERVING_SIM, serving(1, 0.6, "random", 1024, 16, 8), -140.1686373300565);
    assertValue(
        BenchmarkFunction.SERVING_SIM,
        serving(8, 0.95, "fcfs", 32768, 1024, 200),
        -1013.6846427550904);
    assertValue(
        BenchmarkFunction.SERVING_SIM,
        serving(4, 0.9, "dfs-weight", 20000, 1000, 256),
        -903.7843039407653);
    // time to first token over the SLO: the penalty branch
    assertValue(
        BenchmarkFunction.SERVING_SIM,
        serving(1, 0.95, "lpm", 16384, 1024, 128),
        -96.0774563715147);
  }

  @Test
  void servingSimFailsWhereFunctionsPyReturnsNone() {
    // a high static memory fraction with a large CUDA graph runs out of memory
    assertThat(
            BenchmarkFunction.SERVING_SIM.evaluate(
                Configuration.of(serving(2, 0.94, "lpm", 8192, 512, 300))))
        .isEmpty();
    // no room for the KV cache (outside the benchmark's space, but part of the formula)
    assertThat(
            BenchmarkFunction.SERVING_SIM.evaluate(
                Configuration.of(serving(2, 0.55, "lpm", 8192, 512, 256))))
        .isEmpty();
  }

  @Test
  void spacesAreThoseOfFunctionsPy() {
    assertThat(BenchmarkFunction.BRANIN.space().parameters()).hasSize(2);
    assertThat(BenchmarkFunction.HARTMANN6.space().parameters()).hasSize(6);
    assertThat(BenchmarkFunction.SERVING_SIM.space().toString())
        .contains("ChoiceParameter[name=tp_size, choices=[1, 2, 4, 8]]")
        .contains("RealParameter[name=mem_fraction_static, low=0.6, high=0.95, log=false]")
        .contains("choices=[lpm, random, fcfs, dfs-weight]")
        .contains("IntParameter[name=chunked_prefill_size, low=1024, high=32768, step=1, log=true]")
        .contains("IntParameter[name=max_running_requests, low=16, high=1024, step=1, log=true]")
        .contains("IntParameter[name=cuda_graph_max_bs, low=8, high=512, step=1, log=true]");
  }

  @Test
  void functionsAreFoundByTheirPythonNames() {
    assertThat(BenchmarkFunction.named("serving_sim")).isEqualTo(BenchmarkFunction.SERVING_SIM);
    assertThat(BenchmarkFunction.named("hartmann6").optimum()).isEqualTo(-3.32237);
  }

  private static void assertValue(
      BenchmarkFunction function, Map<String, ?> values, double expected) {
    OptionalDouble actual = function.evaluate(Configuration.of(values));
    assertThat(actual).isPresent();
    assertThat(actual.getAsDouble()).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
  }

  private static Map<String, Object> hartmann(double... x) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      values.put("x" + i, x[i]);
    }
    return values;
  }

  private static Map<String, Object> serving(
      int tp, double mem, String policy, int chunk, int mrr, int cgbs) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("tp_size", tp);
    values.put("mem_fraction_static", mem);
    values.put("schedule_policy", policy);
    values.put("chunked_prefill_size", chunk);
    values.put("max_running_requests", mrr);
    values.put("cuda_graph_max_bs", cgbs);
    return values;
  }
}
