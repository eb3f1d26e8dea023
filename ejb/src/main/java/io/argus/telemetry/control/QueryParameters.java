package io.argus.telemetry.control;

import io.argus.platform.control.InvalidParameter;
import io.argus.platform.control.Rfc3339;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of the query API's parameters, each failure a 400 naming the parameter. */
public final class QueryParameters {

  public static final int DEFAULT_LIMIT = 10_000;
  public static final int MAX_LIMIT = 100_000;
  public static final int DEFAULT_LIST_LIMIT = 100;
  public static final int MAX_LIST_LIMIT = 1_000;
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
  public static final Duration MAX_STEP = Duration.ofDays(366);
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?");
  private static final Pattern TEXT = Pattern.compile("[^\\p{Cntrl}]{1,253}");

  private QueryParameters() {}

  /** A page size between 1 and {@code max}; absent means {@code fallback}. */
  public static int limit(String parameter, String value, int fallback, int max) {
    if (value == null) {
      return fallback;
    }
    String v = value.strip();
    if (!v.matches("-?\\d{1,10}")) {
      throw new InvalidParameter(parameter, parameter + " must be a whole number from 1 to " + max + ", got '"
          + abbreviate(v) + "'");
    }
    long n = Long.parseLong(v);
    if (n < 1 || n > max) {
      throw new InvalidParameter(parameter, parameter + " must be from 1 to " + max + ", got " + n);
    }
    return (int) n;
  }

  /**
   * A downsampling step: {@code 60}, {@code 60s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO 8601
   * ({@code PT1M}); whole seconds, at least one second, at most a year.
   */
  public static Optional<Duration> step(String parameter, String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip();
    Duration d;
    Matcher m = SHORT_DURATION.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      try {
        d = switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      } catch (ArithmeticException tooLong) {
        throw new InvalidParameter(parameter, parameter + " must be at most " + MAX_STEP.toDays() + " days");
      }
    } else {
      try {
        d = Duration.parse(v.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new InvalidParameter(parameter, parameter + " must be a duration such as 60s, 5m, 1h or PT1M, got '"
            + abbreviate(v) + "'");
      }
    }
    if (d.compareTo(MAX_STEP) > 0) {
      throw new InvalidParameter(parameter, parameter + " must be at most " + MAX_STEP.toDays() + " days");
    }
    if (d.isNegative() || d.compareTo(Duration.ofSeconds(1)) < 0 || d.getNano() != 0) {
      throw new InvalidParameter(parameter, parameter + " must be a whole number of seconds, at least 1s, got '"
          + abbreviate(v) + "'");
    }
    if (d.compareTo(MAX_STEP) > 0) {
      throw new InvalidParameter(parameter, parameter + " must be at most " + MAX_STEP.toDays() + " days");
    }
    return Optional.of(d);
  }

  /** An optional RFC 3339 instant. */
  public static Optional<Instant> instant(String parameter, String value) {
    return value == null ? Optional.empty() : Optional.of(Rfc3339.parse(parameter, value));
  }

  /**
   * The window of a query from the new names ({@code start_time}/{@code end_time}) and the deprecated
   * ones ({@code start}/{@code end}); defaults the last 24 hours before {@code now}.
   */
  public static Window window(String startTime, String endTime, String start, String end, Instant now) {
    if (startTime != null && start != null) {
      throw new InvalidParameter("start", "give start_time or the deprecated start, not both");
    }
    if (endTime != null && end != null) {
      throw new InvalidParameter("end", "give end_time or the deprecated end, not both");
    }
    boolean deprecated = start != null || end != null;
    String startName = start != null ? "start" : "start_time";
    String endName = end != null ? "end" : "end_time";
    Optional<Instant> from = instant(startName, start != null ? start : startTime);
    Optional<Instant> to = instant(endName, end != null ? end : endTime);
    Instant e = to.orElse(now);
    Instant s = from.orElse(e.minus(DEFAULT_WINDOW));
    if (!e.isAfter(s)) {
      throw new InvalidParameter(endName, endName + " (" + Rfc3339.format(e) + ") must be after " + startName + " ("
          + Rfc3339.format(s) + ")");
    }
    return new Window(s, e, deprecated);
  }

  /** A time window and whether it was given with the deprecated parameter names. */
  public record Window(Instant start, Instant end, boolean deprecatedNames) {}

  /** An optional exact-match filter: printable text of at most 253 characters. */
  public static Optional<String> text(String parameter, String value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!TEXT.matcher(value).matches()) {
      throw new InvalidParameter(parameter, parameter + " must be 1 to 253 printable characters");
    }
    return Optional.of(value);
  }

  static String abbreviate(String v) {
    return v.length() <= 32 ? v : v.substring(0, 32) + "…";
  }
}
