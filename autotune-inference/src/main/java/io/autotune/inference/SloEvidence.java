package io.autotune.inference;

import io.autotune.model.Slo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Decides, while a level runs, that it has broken a latency SLO, so that a runaway level stops at
 * the evidence rather than at its time limit.
 *
 * <p>The values seen so far are the finished requests' and, for TTFT and end-to-end latency, those
 * of the requests still in flight: their TTFT once their first token came, else the time they have
 * waited (such a request ends over the limit or fails), which also bounds their latency; a value
 * still under the limit counts as under it. The level has broken the p-th percentile's limit L when
 * either
 *
 * <ul>
 *   <li>it is certain: of at most N planned requests, {@code N − floor(p·(N−1))} are over L, so the
 *       percentile (closest ranks, interpolated) is over L whatever the rest do; for the mean, the
 *       values seen add up to more than {@code N·L}; or
 *   <li>it is all but certain: if the percentile were at most L, each request would be over L with
 *       probability at most {@code 1−p}, and seeing k of n over would have a binomial tail
 *       probability below {@value #ALPHA}. A mean is judged by its median (latencies are
 *       right-skewed: a median over L means a mean over L).
 * </ul>
 *
 * Only the {@code ttft}, {@code tpot} and {@code latency} metrics and their {@code _p50/_p90/_p99}
 * can be judged early. Immutable; thread-safe.
 */
final class SloEvidence {

  /** How unlikely the overs seen must be under "the SLO is met" to stop a level. */
  static final double ALPHA = 1e-4;

  /** Judges nothing. */
  static final SloEvidence NONE = new SloEvidence(List.of());

  private final List<Limit> limits;

  private SloEvidence(List<Limit> limits) {
    this.limits = List.copyOf(limits);
  }

  /** The hard SLOs, at their threshold × (1 + fail ratio): beyond that the level is dropped. */
  static SloEvidence hard(List<Slo> slos) {
    List<Limit> limits = new ArrayList<>();
    for (Slo slo : slos) {
      if (slo.hardFail()) {
        Limit.of(slo, slo.threshold() * (1 + slo.failRatio()), "hard SLO").ifPresent(limits::add);
      }
    }
    return new SloEvidence(limits);
  }

  /** Every SLO at its threshold: beyond that a load does not count for goodput. */
  static SloEvidence all(List<Slo> slos) {
    List<Limit> limits = new ArrayList<>();
    for (Slo slo : slos) {
      Limit.of(slo, slo.threshold(), "SLO").ifPresent(limits::add);
    }
    return new SloEvidence(limits);
  }

  boolean judgesNothing() {
    return limits.isEmpty();
  }

  /** Why the level has already failed, given what finished and what is still on its way. */
  Optional<String> verdict(
      List<RequestSample> finished, Collection<InFlight> inFlight, int planned, long nowNanos) {
    for (Limit limit : limits) {
      Optional<String> broken = limit.verdict(finished, inFlight, planned, nowNanos);
      if (broken.isPresent()) {
        return broken;
      }
    }
    return Optional.empty();
  }

  /** One SLO's limit on one latency statistic. */
  private record Limit(Slo slo, String family, double percentile, double limit, String kind) {

    static Optional<Limit> of(Slo slo, double limit, String kind) {
      String[] parts = slo.metric().split("_");
      if (parts.length > 2 || !List.of("ttft", "tpot", "latency").contains(parts[0])) {
        return Optional.empty();
      }
      double percentile = -1; // the mean
      if (parts.length == 2) {
        if (!List.of("p50", "p90", "p99").contains(parts[1])) {
          return Optional.empty();
        }
        percentile = Integer.parseInt(parts[1].substring(1)) / 100.0;
      }
      return Optional.of(new Limit(slo, parts[0], percentile, limit, kind));
    }

    Optional<String> verdict(
        List<RequestSample> finished, Collection<InFlight> inFlight, int planned, long now) {
      List<Double> known = new ArrayList<>();
      ToDoubleFunction<RequestSample> value = value();
      for (RequestSample sample : finished) {
        double v = sample.succeeded() ? value.applyAsDouble(sample) : Double.NaN;
        if (!Double.isNaN(v)) {
          known.add(v);
        }
      }
      for (InFlight request : inFlight) {
        if (family.equals("latency")) {
          known.add(request.elapsed(now)); // at least this long
        } else if (family.equals("ttft")) {
          known.add(request.ttft().orElse(request.elapsed(now)));
        }
      }
      long over = known.stream().filter(v -> v > limit).count();
      int seen = known.size();
      boolean certain =
          percentile < 0
              ? known.stream().mapToDouble(Double::doubleValue).sum() > planned * limit
              : over >= planned - Math.floor(percentile * (planned - 1));
      double overShare = percentile < 0 ? 0.5 : 1 - percentile;
      double tail = binomialTail(seen, over, overShare);
      if (!certain && !(tail < ALPHA)) {
        return Optional.empty();
      }
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%d of %d requests so far (in flight included) have %s over %s s, so %s > %s s %s"
                  + " (%s %s <= %s s)",
              over,
              seen,
              family,
              seconds(limit),
              slo.metric(),
              seconds(limit),
              certain
                  ? "whatever the rest of its " + planned + " requests do"
                  : String.format(Locale.ROOT, "(binomial p = %.1g)", tail),
              kind,
              slo.metric(),
              seconds(slo.threshold())));
    }

    private ToDoubleFunction<RequestSample> value() {
      return switch (family) {
        case "ttft" -> RequestSample::ttft;
        case "tpot" -> RequestSample::tpot;
        default -> RequestSample::e2e;
      };
    }
  }

  /** P(X >= k) for X ~ Binomial(n, q). */
  static double binomialTail(int n, long k, double q) {
    if (k <= 0) {
      return 1;
    }
    if (k > n) {
      return 0;
    }
    double logTerm = 0; // log of C(n, k) q^k (1-q)^(n-k)
    for (long i = 0; i < k; i++) {
      logTerm += Math.log((double) (n - i) / (i + 1));
    }
    logTerm += k * Math.log(q) + (n - k) * Math.log1p(-q);
    double term = Math.exp(logTerm);
    double sum = 0;
    for (long i = k; i <= n && term > 0; i++) {
      sum += term;
      term *= (double) (n - i) / (i + 1) * q / (1 - q);
    }
    return Math.min(1, sum);
  }

  private static String seconds(double value) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", value))
        .stripTrailingZeros()
        .toPlainString();
  }
}
