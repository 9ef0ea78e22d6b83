package io.autotune.inference;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses genai-bench's traffic-scenario notation into {@link TrafficScenario}s. */
final class ScenarioNotation {

  private static final String INT = "\\s*(\\d+)\\s*";
  private static final String NUM = "\\s*(\\d+(?:\\.\\d+)?)\\s*";
  private static final Pattern DETERMINISTIC = Pattern.compile("D\\(" + INT + "," + INT + "\\)");
  private static final Pattern NORMAL =
      Pattern.compile("N\\(" + NUM + "," + NUM + "\\)\\s*/\\s*\\(" + NUM + "," + NUM + "\\)");
  private static final Pattern UNIFORM =
      Pattern.compile("U\\(" + INT + "," + INT + "\\)\\s*/\\s*\\(" + INT + "," + INT + "\\)");

  private ScenarioNotation() {}

  static TrafficScenario parse(String text) {
    String notation = text.strip();
    if (notation.equals(TrafficScenario.DATASET)) {
      return new TrafficScenario.FromDataset();
    }
    try {
      Matcher d = DETERMINISTIC.matcher(notation);
      if (d.matches()) {
        return TrafficScenario.Synthetic.deterministic(integer(d, 1), integer(d, 2));
      }
      Matcher n = NORMAL.matcher(notation);
      if (n.matches()) {
        return new TrafficScenario.Synthetic(
            new LengthDistribution.Normal(number(n, 1), number(n, 2)),
            new LengthDistribution.Normal(number(n, 3), number(n, 4)));
      }
      Matcher u = UNIFORM.matcher(notation);
      if (u.matches()) {
        return new TrafficScenario.Synthetic(
            new LengthDistribution.Uniform(integer(u, 1), integer(u, 2)),
            new LengthDistribution.Uniform(integer(u, 3), integer(u, 4)));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("traffic scenario '" + text + "': " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "traffic scenario '"
            + text
            + "' is not one of D(in,out), N(mean,std)/(mean,std), U(min,max)/(min,max) or \""
            + TrafficScenario.DATASET
            + "\"");
  }

  private static int integer(Matcher matcher, int group) {
    String digits = matcher.group(group);
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(digits + " is too large");
    }
  }

  private static double number(Matcher matcher, int group) {
    return Double.parseDouble(matcher.group(group));
  }
}
