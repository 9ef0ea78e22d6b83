package io.autotune.strategies.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autotune.space.Configuration;
import io.autotune.spi.Strategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The Java port of the development suite against values computed by functions_dev.py itself:
 * functions_dev_values.tsv, written by {@code cd autotune-strategies/src/test/python &&
 * /usr/bin/python3 make_fixture.py >
 * ../resources/io/autotune/strategies/bench/functions_dev_values.tsv}.
 */
class BenchmarkFunctionDevSuiteTest {
  private static final String FIXTURE = "functions_dev_values.tsv";

  @Test
  void everyFunctionMatchesFunctionsDevPy() throws IOException {
    List<String[]> rows = rows("value");
    for (String[] row : rows) {
      BenchmarkFunction function = BenchmarkFunction.named(row[1]);
      OptionalDouble actual = function.evaluate(function.space().validate(configuration(row[2])));
      assertClose(row[1] + " at " + row[2], actual.orElseThrow(), Double.parseDouble(row[3]));
    }
    assertThat(rows.stream().map(row -> row[1]).distinct()).hasSize(15);
  }

  @Test
  void noisyObservationsMatchFunctionsDevPy() throws IOException {
    List<String[]> rows = rows("observed");
    for (String[] row : rows) {
      BenchmarkFunction function = BenchmarkFunction.named(row[1]);
      OptionalDouble value = function.evaluate(configuration(row[2]));
      OptionalDouble told =
          function.observe(value, Long.parseLong(row[4]), Integer.parseInt(row[5]));
      assertClose(row[1] + " observed", told.orElseThrow(), Double.parseDouble(row[3]));
      assertThat(told.orElseThrow()).isNotEqualTo(value.orElseThrow());
    }
    assertThat(rows).hasSize(6);
  }

  @Test
  void noiseNormalsMatchFunctionsDevPy() throws IOException {
    for (String[] row : rows("noise")) {
      long seed = Long.parseLong(row[1]);
      double z = MultiplicativeNoise.normal(seed, Long.parseLong(row[2]));
      assertClose("noise " + row[1] + " " + row[2], z, Double.parseDouble(row[3]));
    }
  }

  @Test
  void noiselessFunctionsObserveTheirValueAndFailuresStayFailures() {
    OptionalDouble value = OptionalDouble.of(1.5);
    assertThat(BenchmarkFunction.ACKLEY5.observe(value, 3, 4)).isEqualTo(value);
    assertThat(BenchmarkFunction.HARTMANN6_NOISY.noise()).isEqualTo(0.05);
    assertThat(BenchmarkFunction.HARTMANN6_NOISY.observe(OptionalDouble.empty(), 3, 4)).isEmpty();
  }

  @Test
  void theOptimumOfTheMixedFunctionIsAtShiftBAndFive() {
    Map<String, Object> best = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      best.put("x" + i, 5.0);
    }
    best.put("x3", 5L);
    best.put("x4", 5L);
    best.put("shift", "b");
    double value = BenchmarkFunction.ACKLEY_MIXED.evaluate(Configuration.of(best)).orElseThrow();
    assertThat(value).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void aNoisyRunsCurveIsTheNoiselessValueOfWhatWasProposed() {
    Strategy random = Strategy.named("random", Map.of());
    BenchmarkRun noisy =
        BenchmarkHarness.runSeed(BenchmarkFunction.HARTMANN6_NOISY, "random", random, 5, 20);
    BenchmarkRun clean =
        BenchmarkHarness.runSeed(BenchmarkFunction.HARTMANN6, "random", random, 5, 20);
    // random search ignores the losses, so both runs propose the same points
    assertThat(noisy.curve()).isEqualTo(clean.curve());
  }

  private static void assertClose(String what, double actual, double expected) {
    double tolerance = 1e-12 * Math.max(1.0, Math.abs(expected));
    assertThat(actual).as(what).isCloseTo(expected, within(tolerance));
  }

  /** {@code x0=1.5,x3=4,shift=b}: whole numbers as longs, other numbers as doubles. */
  private static Configuration configuration(String text) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String pair : text.split(",", -1)) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), scalar(pair.substring(eq + 1)));
    }
    return Configuration.of(values);
  }

  private static Object scalar(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notWhole) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException notNumber) {
        return text;
      }
    }
  }

  private static List<String[]> rows(String kind) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = BenchmarkFunctionDevSuiteTest.class.getResourceAsStream(FIXTURE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] row = line.split("\t");
        if (row[0].equals(kind)) {
          rows.add(row);
        }
      }
    }
    assertThat(rows).isNotEmpty();
    return rows;
  }
}
