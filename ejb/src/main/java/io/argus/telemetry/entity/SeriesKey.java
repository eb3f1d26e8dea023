package io.argus.telemetry.entity;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The identity of a time series: subject, attribution, any further labels (sorted, so equal keys
 * compare equal) and the Argus node that reports it (empty for samples from outside Argus).
 */
public record SeriesKey(Subject subject, Attribution attribution, SortedMap<String, String> labels, String node) {

  public SeriesKey {
    attribution = attribution == null ? Attribution.NONE : attribution;
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels == null ? Map.of() : labels));
    node = node == null ? "" : node;
  }

  /** A series no Argus node reports (batch ingest, tests). */
  public SeriesKey(Subject subject, Attribution attribution, SortedMap<String, String> labels) {
    this(subject, attribution, labels, "");
  }

  public static SeriesKey of(Subject subject) {
    return new SeriesKey(subject, Attribution.NONE, null);
  }

  /** The same series as reported by this node. */
  public SeriesKey reportedBy(String nodeId) {
    return new SeriesKey(subject, attribution, labels, nodeId);
  }
}
