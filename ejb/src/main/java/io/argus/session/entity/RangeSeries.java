package io.argus.session.entity;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One series of a range query: its labels (with {@code __name__}) and its points, timestamps in
 * milliseconds and values as Prometheus writes them ({@code "0.5"}, {@code "NaN"}, {@code "+Inf"}).
 */
public record RangeSeries(Map<String, String> labels, long[] timestamps, String[] values) {

  public RangeSeries {
    if (labels == null || timestamps == null || values == null || timestamps.length != values.length) {
      throw new IllegalArgumentException("a series needs labels and as many values as timestamps");
    }
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  public String metric() {
    return labels.getOrDefault("__name__", "");
  }

  public int size() {
    return timestamps.length;
  }
}
