package io.argus.ingest.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One normalised sample, ready for the store: when, which dictionary metric in its base unit, the
 * value, whose series, who used it, and the labels that no column holds (sorted, stored as JSON).
 */
public record ArgusSample(
    Instant timestamp,
    String metric,
    double value,
    SeriesIdentity series,
    Attribution attribution,
    SortedMap<String, String> labels) {

  public ArgusSample {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(metric, "metric");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("an absent value is not a sample: " + value);
    }
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(attribution, "attribution");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }
}
