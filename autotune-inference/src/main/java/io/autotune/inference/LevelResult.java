package io.autotune.inference;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The measurements of one (traffic scenario, concurrency) level. Latencies in seconds, throughputs
 * in tokens (or requests) per second for the whole server. Immutable.
 *
 * @param scenario the traffic scenario, e.g. {@code D(100,100)}
 * @param load the concurrency or request rate of the level
 * @param requests requests measured (warm-up and requests abandoned by an early stop excluded)
 * @param errors requests that failed (HTTP error, early-closed stream, garbage, timeout)
 * @param durationSeconds wall time from the first request's start to the last one's end
 * @param ttft time to first token of the successful requests
 * @param tpot time per output token after the first
 * @param latency end-to-end latency
 * @param outputThroughput output tokens per second
 * @param totalThroughput input and output tokens per second
 * @param requestThroughput successful requests per second
 * @param meanInputTokens mean prompt tokens of the successful requests, as the server counted them
 * @param meanOutputTokens mean output tokens of the successful requests
 * @param errorExamples up to three distinct error messages, for a person to read
 * @param stoppedEarly why the level was stopped before its budget, if it was: it broke an SLO
 */
public record LevelResult(
    String scenario,
    Load load,
    int requests,
    int errors,
    double durationSeconds,
    Summary ttft,
    Summary tpot,
    Summary latency,
    double outputThroughput,
    double totalThroughput,
    double requestThroughput,
    double meanInputTokens,
    double meanOutputTokens,
    List<String> errorExamples,
    Optional<String> stoppedEarly) {

  public LevelResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(stoppedEarly, "stoppedEarly");
    Objects.requireNonNull(ttft, "ttft");
    Objects.requireNonNull(tpot, "tpot");
    Objects.requireNonNull(latency, "latency");
    errorExamples = List.copyOf(errorExamples);
    if (errors > requests) {
      throw new IllegalArgumentException(
          "errors (" + errors + ") must not exceed requests (" + requests + ")");
    }
  }

  /** Summarises what one level measured. */
  static LevelResult of(String scenario, Load load, LevelOutcome outcome) {
    List<RequestSample> samples = outcome.samples();
    double durationSeconds = outcome.seconds();
    List<RequestSample> ok = samples.stream().filter(RequestSample::succeeded).toList();
    long outputTokens = ok.stream().mapToLong(RequestSample::outputTokens).sum();
    long inputTokens = ok.stream().mapToLong(s -> Math.max(0, s.inputTokens())).sum();
    double duration = Math.max(durationSeconds, 1e-9);
    List<String> examples =
        samples.stream().flatMap(s -> s.error().stream()).distinct().limit(3).toList();
    return new LevelResult(
        scenario,
        load,
        samples.size(),
        samples.size() - ok.size(),
        durationSeconds,
        Summary.of(ok.stream().mapToDouble(RequestSample::ttft).toArray()),
        Summary.of(
            ok.stream().mapToDouble(RequestSample::tpot).filter(t -> !Double.isNaN(t)).toArray()),
        Summary.of(ok.stream().mapToDouble(RequestSample::e2e).toArray()),
        outputTokens / duration,
        (inputTokens + outputTokens) / duration,
        ok.size() / duration,
        ok.stream()
            .mapToInt(RequestSample::inputTokens)
            .filter(n -> n >= 0)
            .average()
            .orElse(Double.NaN),
        ok.stream().mapToInt(RequestSample::outputTokens).average().orElse(Double.NaN),
        examples,
        outcome.stoppedEarly());
  }

  public int successes() {
    return requests - errors;
  }

  /** Successful requests / requests; 0 when none was started. */
  public double successRate() {
    return requests == 0 ? 0 : (double) successes() / requests;
  }
}
