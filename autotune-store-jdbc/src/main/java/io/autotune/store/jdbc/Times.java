package io.autotune.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;

/**
 * Instants to and from {@code TIMESTAMP WITH TIME ZONE} columns, always in UTC. Bound with {@code
 * setObject(OffsetDateTime)}, which both drivers map without the JVM's time zone getting in.
 */
final class Times {
  private Times() {}

  static Argument at(Instant instant) {
    OffsetDateTime value = instant.atOffset(ZoneOffset.UTC);
    return (position, statement, ctx) -> statement.setObject(position, value);
  }

  static Argument at(Optional<Instant> instant) {
    if (instant.isPresent()) {
      return at(instant.get());
    }
    return (position, statement, ctx) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
  }

  static Instant read(ResultSet rs, String column) throws SQLException {
    return optional(rs, column).orElseThrow(() -> new SQLException(column + " is null"));
  }

  static Instant read(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static Optional<Instant> optional(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }
}
