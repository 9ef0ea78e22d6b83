package io.autotune.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The ticks of a time axis: a round interval chosen from the range, and ticks at the wall-clock
 * multiples of that interval in the display zone (so hourly ticks fall on the hour also in zones
 * with half-hour offsets). The page draws the ticks the server computed, so this is the one place
 * the algorithm lives. Immutable and thread-safe.
 */
final class TimeScale {

  /** At most this many ticks on an axis: the labels of ten HH:MM ticks fit on a laptop screen. */
  static final int MAX_TICKS = 10;

  /** The round intervals, finest first: the axis takes the finest that keeps the ticks few. */
  static final List<Duration> INTERVALS =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(15),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(2),
          Duration.ofDays(7));

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAYS =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  /**
   * One tick.
   *
   * @param label the wall-clock time in the zone: HH:MM (HH:MM:SS below a minute's interval)
   * @param dateLabel the date, on the first tick and where the date changes; otherwise empty
   */
  record Tick(Instant at, String label, String dateLabel) {}

  private TimeScale() {}

  /** The interval for an axis from {@code start} to {@code end}: the finest round one that fits. */
  static Duration interval(Instant start, Instant end) {
    long range = Duration.between(start, end).toSeconds();
    for (Duration interval : INTERVALS) {
      if (range / interval.toSeconds() <= MAX_TICKS) {
        return interval;
      }
    }
    long weeks = range / (INTERVALS.get(INTERVALS.size() - 1).toSeconds() * MAX_TICKS) + 1;
    return Duration.ofDays(7 * weeks);
  }

  /** The ticks in [start, end] in {@code zone}, in time order. */
  static List<Tick> ticks(Instant start, Instant end, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end must not be before start, but was " + end);
    }
    Duration interval = interval(start, end);
    List<Tick> ticks = new ArrayList<>();
    LocalDate date = start.atZone(zone).toLocalDate();
    LocalDate lastDate = end.atZone(zone).toLocalDate();
    for (; !date.isAfter(lastDate); date = date.plusDays(1)) {
      for (LocalDateTime wall : wallTimesOn(date, interval)) {
        Instant at = wall.atZone(zone).toInstant();
        if (!at.isBefore(start) && !at.isAfter(end) && isNew(ticks, at)) {
          ticks.add(tick(at, zone, interval, ticks));
        }
      }
    }
    return List.copyOf(ticks);
  }

  /** The round wall-clock times of one local day: midnight plus multiples of the interval. */
  private static List<LocalDateTime> wallTimesOn(LocalDate date, Duration interval) {
    long step = interval.toSeconds();
    long day = Duration.ofDays(1).toSeconds();
    if (step >= day) {
      boolean aligned = date.toEpochDay() % (step / day) == 0;
      return aligned ? List.of(date.atStartOfDay()) : List.of();
    }
    List<LocalDateTime> times = new ArrayList<>();
    for (long second = 0; second < day; second += step) {
      times.add(date.atStartOfDay().plusSeconds(second));
    }
    return times;
  }

  // a wall time in a DST gap resolves to the hour after it, which may repeat a tick
  private static boolean isNew(List<Tick> ticks, Instant at) {
    return ticks.isEmpty() || at.isAfter(ticks.get(ticks.size() - 1).at());
  }

  private static Tick tick(Instant at, ZoneId zone, Duration interval, List<Tick> before) {
    ZonedDateTime local = at.atZone(zone);
    String label = (interval.toSeconds() < 60 ? SECONDS : MINUTES).format(local);
    boolean newDate =
        before.isEmpty()
            || !before
                .get(before.size() - 1)
                .at()
                .atZone(zone)
                .toLocalDate()
                .equals(local.toLocalDate());
    return new Tick(at, label, newDate ? DAYS.format(local) : "");
  }
}
