package io.argus.session.entity;

import java.time.Duration;
import java.time.Instant;

/** A half-open span of time to collect metrics from; the start is always before the end. */
public record TimeWindow(Instant start, Instant end) {

  public TimeWindow {
    if (start == null || end == null || !start.isBefore(end)) {
      throw new IllegalArgumentException("a time window needs a start before its end");
    }
  }

  public Duration length() {
    return Duration.between(start, end);
  }
}
