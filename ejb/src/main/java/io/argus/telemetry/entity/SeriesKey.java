package io.argus.telemetry.entity;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The identity of a time series: subject, attribution and any further labels (sorted, so equal keys compare equal). */
public record SeriesKey(Subject subject, Attribution attribution, SortedMap<String, String> labels) {

  public SeriesKey {
    attribution = attribution == null ? Attribution.NONE : attribution;
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels == null ? Map.of() : labels));
  }

  public static SeriesKey of(Subject subject) {
    return new SeriesKey(subject, Attribution.NONE, null);
  }
}
