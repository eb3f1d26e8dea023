package io.argus.platform.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * RFC 3339 timestamps: parsing of what clients send (any offset, lower-case separators allowed) and
 * the one format Argus writes (UTC, {@code Z}, no more digits than the value needs).
 */
public final class Rfc3339 {

  private Rfc3339() {}

  /**
   * Parses an RFC 3339 date-time with an offset.
   *
   * @param parameter the name reported when the value is rejected
   * @throws InvalidParameter when the value is not an RFC 3339 date-time with an offset
   */
  public static Instant parse(String parameter, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameter(parameter, parameter + " is empty; expected an RFC 3339 date-time such as 2026-01-31T12:00:00Z");
    }
    String normalized = value.trim().toUpperCase(Locale.ROOT).replace(' ', 'T');
    // RFC 3339 years have four digits; java.time would also take -999999999 or +10000
    if (!normalized.matches("[0-9]{4}-.*")) {
      throw new InvalidParameter(
          parameter,
          parameter + " '" + abbreviate(value) + "' is not an RFC 3339 date-time with an offset, such as 2026-01-31T12:00:00Z");
    }
    try {
      return OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(
          parameter,
          parameter + " '" + abbreviate(value) + "' is not an RFC 3339 date-time with an offset, such as 2026-01-31T12:00:00Z");
    }
  }

  /** Formats an instant in UTC with a {@code Z} suffix, e.g. {@code 2026-11-24T05:26:12.003Z}. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** The UTC offset date-time JPA columns hold (the bundled EclipseLink cannot map {@link Instant}). */
  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** Now, in UTC, truncated to microseconds: what both databases store without rounding. */
  public static OffsetDateTime nowUtc() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
