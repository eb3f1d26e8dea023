package io.argus.platform.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One flat JSON object written straight into a {@link StringBuilder}: what a log line needs and
 * nothing more, without the object tree and map of a JSON-P builder. Names are written as given
 * (callers pass constants and snake_case field names); values are escaped as {@link JsonText} does.
 * A name is written once: callers do not repeat one.
 */
final class JsonLine {

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  /** The formatted second of the latest timestamp: log lines come many to a second. */
  private record Second(long epochSecond, String text) {}

  private static volatile Second second = new Second(Long.MIN_VALUE, "");

  private final StringBuilder out;
  private boolean first = true;

  JsonLine(int capacity) {
    out = new StringBuilder(capacity).append('{');
  }

  JsonLine field(String name, String value) {
    name(name);
    string(value);
    return this;
  }

  JsonLine field(String name, long value) {
    name(name);
    out.append(value);
    return this;
  }

  JsonLine field(String name, double value) {
    name(name);
    if (Double.isFinite(value)) {
      out.append(value);
    } else {
      out.append("null");
    }
    return this;
  }

  /** An RFC 3339 UTC timestamp with milliseconds, {@code 2026-11-24T14:33:26.042Z}. */
  JsonLine timestamp(String name, Instant at) {
    name(name);
    long epochSecond = at.getEpochSecond();
    Second s = second;
    if (s.epochSecond() != epochSecond) {
      s = new Second(epochSecond, SECONDS.format(at));
      second = s;
    }
    int millis = at.getNano() / 1_000_000;
    out.append('"').append(s.text()).append('.')
        .append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10))
        .append("Z\"");
    return this;
  }

  /** A nested object of string values, in the map's order. */
  JsonLine object(String name, Map<?, ?> values) {
    name(name);
    out.append('{');
    boolean firstEntry = true;
    for (Map.Entry<?, ?> e : values.entrySet()) {
      if (!firstEntry) {
        out.append(',');
      }
      firstEntry = false;
      string(String.valueOf(e.getKey()));
      out.append(':');
      string(String.valueOf(e.getValue()));
    }
    out.append('}');
    return this;
  }

  @Override
  public String toString() {
    return out + "}";
  }

  private void name(String name) {
    if (!first) {
      out.append(',');
    }
    first = false;
    string(name);
    out.append(':');
  }

  private void string(String value) {
    JsonText.appendString(out, value);
  }
}
