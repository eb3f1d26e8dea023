package io.argus.ingest.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A sample as another system named it (exposition line or CSV row), before it becomes an Argus sample. */
public record SourceSample(String metric, SortedMap<String, String> labels, double value, Instant timestamp) {

  public SourceSample {
    Objects.requireNonNull(metric, "metric");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
