package io.autotune.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;

/**
 * The answer of {@code api/system/info}: what runs and the zone the page shows times in.
 *
 * @param utcOffset the zone's offset now, e.g. {@code +08:00}
 */
record SystemInfo(
    String timestamp,
    String name,
    String version,
    String timeZone,
    String utcOffset,
    String gpuMonitor,
    boolean tokenRequired) {

  /** The version of this jar, from the build; "unknown" when run from unpackaged classes. */
  static final String VERSION = readVersion();

  static SystemInfo of(Instant now, ZoneId zone, String gpuMonitor, boolean tokenRequired) {
    return new SystemInfo(
        Json.time(now),
        "autotune",
        VERSION,
        zone.getId(),
        zone.getRules().getOffset(now).getId().replace("Z", "+00:00"),
        gpuMonitor,
        tokenRequired);
  }

  private static String readVersion() {
    try (InputStream in = SystemInfo.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
