package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.dashboard.DashboardOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardCommandTest {

  @Test
  void theZoneAndTheTokenComeFromTheEnvironment() {
    DashboardOptions options =
        DashboardCommand.options(
            Map.of("TIMEZONE", "Asia/Shanghai", "AUTOTUNE_DASHBOARD_TOKEN", "t0ken"));
    assertThat(options.zone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(options.bearerToken()).hasValue("t0ken");
    assertThat(DashboardCommand.options(Map.of()).bearerToken()).isEmpty();
  }

  @Test
  void aTimelineLimitBelowOneIsABadInput() {
    assertThat(AutotuneCli.execute("dashboard", "--port", "0", "--timeline-bars", "0"))
        .isEqualTo(2);
  }

  @Test
  void anUnknownStoreIsABadInput() {
    assertThat(AutotuneCli.execute("dashboard", "--store", "nosuch:db", "--port", "0"))
        .isEqualTo(2);
  }
}
