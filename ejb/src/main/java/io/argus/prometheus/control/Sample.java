package io.argus.prometheus.control;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One value of a metric family, identified by its labels (kept sorted by name) and, for the parts
 * of a histogram, the suffix of its line ({@code _bucket}, {@code _sum}, {@code _count}).
 */
public record Sample(SortedMap<String, String> labels, double value, String suffix) {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> SUFFIXES = Set.of("", "_bucket", "_sum", "_count");

  public Sample(SortedMap<String, String> labels, double value) {
    this(labels, value, "");
  }

  public Sample {
    if (!SUFFIXES.contains(suffix)) {
      throw new IllegalArgumentException("Invalid sample suffix '" + suffix + "'");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      String name = label.getKey();
      if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
        throw new IllegalArgumentException("Invalid label name '" + name + "'");
      }
      if (label.getValue() == null) {
        throw new IllegalArgumentException("Label '" + name + "' has no value");
      }
      copy.put(name, label.getValue());
    }
    labels = Collections.unmodifiableSortedMap(copy);
  }

  /** A sample from alternating label names and values: {@code of(1.5, "core", "0")}. */
  public static Sample of(double value, String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Label names and values must come in pairs");
    }
    TreeMap<String, String> labels = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (labels.put(namesAndValues[i], namesAndValues[i + 1]) != null) {
        throw new IllegalArgumentException("Label '" + namesAndValues[i] + "' given twice");
      }
    }
    return new Sample(labels, value);
  }
}
