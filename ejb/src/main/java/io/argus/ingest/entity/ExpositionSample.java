package io.argus.ingest.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One sample line of a Prometheus text exposition, as written: its name, labels (sorted by name),
 * value, optional timestamp in epoch milliseconds, the family it belongs to and the source line.
 */
public record ExpositionSample(
    String name,
    SortedMap<String, String> labels,
    double value,
    OptionalLong timestampMillis,
    String family,
    MetricType type,
    long line) {

  public ExpositionSample {
    Objects.requireNonNull(name, "name");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    Objects.requireNonNull(timestampMillis, "timestampMillis");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(type, "type");
  }

  /** The neutral form the normaliser reads; a sample without its own timestamp takes the scrape's. */
  public SourceSample toSourceSample(Instant scrapedAt) {
    Instant at = timestampMillis.isPresent() ? Instant.ofEpochMilli(timestampMillis.getAsLong()) : scrapedAt;
    return new SourceSample(name, labels, value, at);
  }
}
