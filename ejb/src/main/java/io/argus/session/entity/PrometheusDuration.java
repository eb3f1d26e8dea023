package io.argus.session.entity;

import java.time.Duration;

/** A duration written the way Prometheus configuration writes it ({@code 1s}, {@code 1m30s}). */
public record PrometheusDuration(String text, Duration duration) {

  public PrometheusDuration {
    if (text == null || duration == null) {
      throw new IllegalArgumentException("a Prometheus duration needs its text and its value");
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
