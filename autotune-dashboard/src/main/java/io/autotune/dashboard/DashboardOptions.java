package io.autotune.dashboard;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link DashboardServlet} shows things: the display time zone, an optional bearer token, the
 * clock, and when a worker's heartbeat counts as late. Immutable and thread-safe; build one with
 * {@link #builder()}, {@link #ofDefaults()} or {@link #fromEnvironment()}.
 *
 * @param zone the zone every time on the page is shown in; the API always speaks UTC
 * @param bearerToken when present, every API call must send {@code Authorization: Bearer <token>}
 * @param clock the source of "now": the age of heartbeats, the end of running experiments
 * @param lateHeartbeat a running worker whose last heartbeat is older than this is flagged late
 * @param timelineBars the most experiments the timeline draws: the running ones and the latest
 *     started; the page says how many it left out
 */
public record DashboardOptions(
    ZoneId zone,
    Optional<String> bearerToken,
    Clock clock,
    Duration lateHeartbeat,
    int timelineBars) {

  /** The environment variable naming the display zone (any IANA name, e.g. Asia/Shanghai). */
  public static final String TIMEZONE_VARIABLE = "TIMEZONE";

  /** The default zone, named so that browsers know it (they reject the offset "Z"). */
  public static final ZoneId UTC = ZoneId.of("UTC");

  public DashboardOptions {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(bearerToken, "bearerToken");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(lateHeartbeat, "lateHeartbeat");
    if (timelineBars < 1) {
      throw new IllegalArgumentException(
          "timelineBars must be at least 1, but was " + timelineBars);
    }
  }

  /** UTC, no token, the system clock, heartbeats late after 30 s, at most 500 timeline bars. */
  public static DashboardOptions ofDefaults() {
    return builder().build();
  }

  /** The defaults, with the zone read from the environment variable {@code TIMEZONE}. */
  public static DashboardOptions fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** The defaults, with the zone read from {@code TIMEZONE} in {@code environment}. */
  public static DashboardOptions fromEnvironment(Map<String, String> environment) {
    return builder().zoneFromEnvironment(environment).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Says whether a token is set, never the token. */
  @Override
  public String toString() {
    return "DashboardOptions[zone="
        + zone
        + ", bearerToken="
        + (bearerToken.isPresent() ? "(set)" : "(none)")
        + ", clock="
        + clock
        + ", lateHeartbeat="
        + lateHeartbeat
        + ", timelineBars="
        + timelineBars
        + "]";
  }

  public Builder toBuilder() {
    return new Builder()
        .zone(zone)
        .clock(clock)
        .lateHeartbeat(lateHeartbeat)
        .timelineBars(timelineBars)
        .token(bearerToken);
  }

  /** Builds {@link DashboardOptions}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private ZoneId zone = UTC;
    private Optional<String> bearerToken = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private Duration lateHeartbeat = Duration.ofSeconds(30);
    private int timelineBars = 500;

    private Builder() {}

    /** The display zone. Default: UTC. */
    public Builder zone(ZoneId zone) {
      Objects.requireNonNull(zone, "zone");
      this.zone = zone.normalized().getId().equals("Z") ? UTC : zone;
      return this;
    }

    /**
     * The display zone from an IANA name such as {@code Europe/Berlin}.
     *
     * @throws IllegalArgumentException if the name is not a known zone
     */
    public Builder zone(String zoneName) {
      Objects.requireNonNull(zoneName, "zoneName");
      try {
        return zone(ZoneId.of(zoneName.trim()));
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "zone must be an IANA time zone such as Asia/Shanghai, but was '" + zoneName + "'", e);
      }
    }

    /** The display zone from {@code TIMEZONE} in {@code environment}; UTC when unset or blank. */
    public Builder zoneFromEnvironment(Map<String, String> environment) {
      String name = environment.get(TIMEZONE_VARIABLE);
      return name == null || name.isBlank() ? zone(UTC) : zone(name);
    }

    /** Requires {@code Authorization: Bearer <token>} on every API call. Default: no token. */
    public Builder bearerToken(String token) {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("bearerToken must not be blank");
      }
      this.bearerToken = Optional.of(token);
      return this;
    }

    private Builder token(Optional<String> token) {
      this.bearerToken = token;
      return this;
    }

    /** The clock for "now". Default: {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A running worker silent for longer than this is flagged late. Default: 30 s. */
    public Builder lateHeartbeat(Duration lateHeartbeat) {
      Objects.requireNonNull(lateHeartbeat, "lateHeartbeat");
      if (lateHeartbeat.isNegative() || lateHeartbeat.isZero()) {
        throw new IllegalArgumentException(
            "lateHeartbeat must be positive, but was " + lateHeartbeat);
      }
      this.lateHeartbeat = lateHeartbeat;
      return this;
    }

    /**
     * The most experiments the timeline draws (one row each): the running ones and the latest
     * started. A busy fleet starts thousands a day; past a few hundred rows a Gantt chart is no
     * longer read, only downloaded. Default: 500.
     */
    public Builder timelineBars(int timelineBars) {
      if (timelineBars < 1) {
        throw new IllegalArgumentException(
            "timelineBars must be at least 1, but was " + timelineBars);
      }
      this.timelineBars = timelineBars;
      return this;
    }

    public DashboardOptions build() {
      return new DashboardOptions(zone, bearerToken, clock, lateHeartbeat, timelineBars);
    }
  }
}
