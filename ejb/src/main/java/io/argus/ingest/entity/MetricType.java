package io.argus.ingest.entity;

import java.util.Locale;
import java.util.Optional;

/** The metric types of the Prometheus text exposition format 0.0.4. */
public enum MetricType {
  COUNTER,
  GAUGE,
  HISTOGRAM,
  SUMMARY,
  UNTYPED;

  /** The word a {@code # TYPE} line uses for this type. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type a {@code # TYPE} line names; the format allows only these lower-case words. */
  public static Optional<MetricType> fromLabel(String word) {
    for (MetricType type : values()) {
      if (type.label().equals(word)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
