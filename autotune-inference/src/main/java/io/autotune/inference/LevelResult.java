package io.autotune.inference;

import java.util.List;
import java.util.Objects;

/**
 * The measurements of one (traffic scenario, concurrency) level. Latencies in seconds, throughputs
 * in tokens (or requests) per second for the whole server. Immutable.
 *
 * @param scenario the traffic scenario, e.g. {@code D(100,100)}
 * @param concurrency the number of requests kept in flight
 * @param requests requests started (warm-up excluded)
 * @param errors requests that failed (HTTP error, early-closed stream, garbage, timeout)
 * @param durationSeconds wall time from the first request's start to the last one's end
 * @param ttft time to first token of the successful requests
 * @param tpot time per output token after the first
 * @param latency end-to-end latency
 * @param outputThroughput output tokens per second
 * @param totalThroughput input and output tokens per second
 * @param requestThroughput successful requests per second
 * @param errorExamples up to three distinct error messages, for a person to read
 */
public record LevelResult(
    String scenario,
    int concurrency,
    int requests,
    int errors,
    double durationSeconds,
    Summary ttft,
    Summary tpot,
    Summary latency,
    double outputThroughput,
    double totalThroughput,
    double requestThroughput,
    List<String> errorExamples) {

  public LevelResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(ttft, "ttft");
    Objects.requireNonNull(tpot, "tpot");
    Objects.requireNonNull(latency, "latency");
    errorExamples = List.copyOf(errorExamples);
    if (errors > requests) {
      throw new IllegalArgumentException(
          "errors (" + errors + ") must not exceed requests (" + requests + ")");
    }
  }

  /** Summarises the samples of one level that ran for {@code durationSeconds}. */
  static LevelResult of(
      String scenario, int concurrency, List<RequestSample> samples, double durationSeconds) {
    List<RequestSample> ok = samples.stream().filter(RequestSample::succeeded).toList();
    long outputTokens = ok.stream().mapToLong(RequestSample::outputTokens).sum();
    long inputTokens = ok.stream().mapToLong(RequestSample::inputTokens).sum();
    double duration = Math.max(durationSeconds, 1e-9);
    List<String> examples =
        samples.stream().flatMap(s -> s.error().stream()).distinct().limit(3).toList();
    return new LevelResult(
        scenario,
        concurrency,
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
        examples);
  }

  public int successes() {
    return requests - errors;
  }

  /** Successful requests / requests; 0 when none was started. */
  public double successRate() {
    return requests == 0 ? 0 : (double) successes() / requests;
  }
}
