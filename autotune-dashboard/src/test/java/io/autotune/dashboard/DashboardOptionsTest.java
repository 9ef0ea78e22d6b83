package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardOptionsTest {

  @Test
  void theZoneComesFromTheTimezoneVariableAndDefaultsToUtc() {
    assertThat(DashboardOptions.fromEnvironment(Map.of("TIMEZONE", "Asia/Shanghai")).zone())
        .isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(DashboardOptions.fromEnvironment(Map.of()).zone().getId()).isEqualTo("UTC");
    assertThat(DashboardOptions.fromEnvironment(Map.of("TIMEZONE", " ")).zone().getId())
        .isEqualTo("UTC");
  }

  @Test
  void anUnknownZoneIsRejectedWithItsName() {
    assertThatThrownBy(() -> DashboardOptions.fromEnvironment(Map.of("TIMEZONE", "Mars/Olympus")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zone must be an IANA time zone such as Asia/Shanghai, but was 'Mars/Olympus'");
  }

  @Test
  void theUtcOffsetIsShownAsTheZoneNamedUtcWhichBrowsersAccept() {
    assertThat(DashboardOptions.builder().zone(ZoneOffset.UTC).build().zone().getId())
        .isEqualTo("UTC");
  }

  @Test
  void settersRejectBadValuesAtOnce() {
    assertThatThrownBy(() -> DashboardOptions.builder().lateHeartbeat(Duration.ofSeconds(-3)))
        .hasMessage("lateHeartbeat must be positive, but was PT-3S");
    assertThatThrownBy(() -> DashboardOptions.builder().timelineBars(0))
        .hasMessage("timelineBars must be at least 1, but was 0");
    assertThatThrownBy(() -> DashboardOptions.builder().bearerToken(" "))
        .hasMessage("bearerToken must not be blank");
  }

  @Test
  void theTokenNeverAppearsInToString() {
    DashboardOptions options = DashboardOptions.builder().bearerToken("s3cret-token").build();
    assertThat(options.toString()).doesNotContain("s3cret-token").contains("(set)");
    assertThat(options.toBuilder().build().bearerToken()).hasValue("s3cret-token");
  }
}
