package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The axis ticks of the timeline, over ranges from one minute to three days. */
class TimeScaleTest {
  private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");
  private static final ZoneId UTC = ZoneId.of("UTC");

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "PT1M, PT10S", "PT5M, PT30S", "PT10M, PT1M", "PT30M, PT5M", "PT1H, PT10M",
    "PT2H, PT15M", "PT3H, PT30M", "PT6H, PT1H", "PT12H, PT2H", "PT24H, PT3H",
    "PT48H, PT6H", "PT72H, PT12H"
  })
  void theIntervalGrowsWithTheRange(Duration range, Duration interval) {
    assertThat(TimeScale.interval(NOON, NOON.plus(range))).isEqualTo(interval);
  }

  @Test
  void threeHoursInUtcGetHalfHourTicksOnTheHalfHour() {
    List<TimeScale.Tick> ticks = TimeScale.ticks(Instant.parse("2026-11-30T09:10:00Z"), NOON, UTC);
    assertThat(ticks)
        .extracting(TimeScale.Tick::label)
        .containsExactly("09:30", "10:00", "10:30", "11:00", "11:30", "12:00");
    assertThat(ticks.get(0).dateLabel()).isEqualTo("Mon 30 Nov");
    assertThat(ticks.get(1).dateLabel()).isEmpty();
  }

  @Test
  void labelsAreTheWallClockOfTheDisplayZone() {
    List<TimeScale.Tick> ticks =
        TimeScale.ticks(Instant.parse("2026-11-30T09:00:00Z"), NOON, ZoneId.of("Asia/Shanghai"));
    assertThat(ticks)
        .extracting(TimeScale.Tick::label)
        .containsExactly("17:00", "17:30", "18:00", "18:30", "19:00", "19:30", "20:00");
  }

  @Test
  void hourlyTicksFallOnTheHourInAZoneWithAHalfHourOffset() {
    List<TimeScale.Tick> ticks =
        TimeScale.ticks(NOON, NOON.plus(Duration.ofHours(6)), ZoneId.of("Asia/Kolkata"));
    assertThat(ticks)
        .extracting(TimeScale.Tick::label)
        .containsExactly("18:00", "19:00", "20:00", "21:00", "22:00", "23:00");
  }

  @Test
  void aDayBoundaryGetsADateLabel() {
    List<TimeScale.Tick> ticks =
        TimeScale.ticks(
            Instant.parse("2026-11-30T20:00:00Z"), Instant.parse("2026-12-01T04:00:00Z"), UTC);
    TimeScale.Tick midnight =
        ticks.stream().filter(t -> t.label().equals("00:00")).findFirst().orElseThrow();
    assertThat(midnight.dateLabel()).isEqualTo("Tue 1 Dec");
  }

  @Test
  void aShortIntervalShowsSeconds() {
    List<TimeScale.Tick> ticks = TimeScale.ticks(NOON, NOON.plusSeconds(60), UTC);
    assertThat(ticks)
        .extracting(TimeScale.Tick::label)
        .containsExactly(
            "12:00:00", "12:00:10", "12:00:20", "12:00:30", "12:00:40", "12:00:50", "12:01:00");
  }

  @Test
  void theClocksGoingBackDoNotRepeatOrDisorderTicks() {
    // Europe/Berlin leaves summer time at 01:00 UTC on 2026-10-25: 03:00 CEST becomes 02:00 CET
    Instant start = Instant.parse("2026-10-24T20:00:00Z");
    List<TimeScale.Tick> ticks =
        TimeScale.ticks(start, start.plus(Duration.ofHours(12)), ZoneId.of("Europe/Berlin"));
    assertThat(ticks).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
    assertThat(ticks).extracting(TimeScale.Tick::at).doesNotHaveDuplicates();
  }

  @Test
  void anAxisThatEndsBeforeItStartsIsRejected() {
    assertThatThrownBy(() -> TimeScale.ticks(NOON, NOON.minusSeconds(1), UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("end must not be before start");
  }

  @Property(tries = 400)
  void ticksAreFewRoundAndInsideTheRange(
      @ForAll @LongRange(min = 60, max = 3 * 24 * 3600) long rangeSeconds,
      @ForAll @LongRange(min = 0, max = 400L * 24 * 3600) long startOffset,
      @ForAll("zones") ZoneId zone) {
    Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(startOffset);
    Instant end = start.plusSeconds(rangeSeconds);
    Duration interval = TimeScale.interval(start, end);
    List<TimeScale.Tick> ticks = TimeScale.ticks(start, end, zone);

    assertThat(TimeScale.INTERVALS).contains(interval);
    int index = TimeScale.INTERVALS.indexOf(interval);
    if (index > 0) { // the finest interval that fits: the one before it gives too many ticks
      assertThat(rangeSeconds / TimeScale.INTERVALS.get(index - 1).toSeconds())
          .isGreaterThan(TimeScale.MAX_TICKS);
    }
    assertThat(ticks.size()).isBetween(4, TimeScale.MAX_TICKS + 1);
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern(interval.toSeconds() < 60 ? "HH:mm:ss" : "HH:mm");
    for (TimeScale.Tick tick : ticks) {
      assertThat(tick.at()).isBetween(start, end);
      ZonedDateTime local = tick.at().atZone(zone);
      assertThat(local.toLocalTime().toSecondOfDay() % Math.min(interval.toSeconds(), 86400))
          .as("tick %s on a multiple of %s", local, interval)
          .isZero();
      assertThat(tick.label()).isEqualTo(format.format(local));
    }
    assertThat(ticks).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "UTC",
            "Asia/Shanghai",
            "Asia/Kolkata",
            "America/New_York",
            "Europe/Berlin",
            "Australia/Lord_Howe",
            "Pacific/Chatham")
        .map(ZoneId::of);
  }
}
