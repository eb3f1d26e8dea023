package io.argus.ingest.entity;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of parsing one exposition: how many lines were read and samples delivered, the
 * families declared by HELP/TYPE lines, and the rejected lines (the first ones, up to the parser's
 * limit; {@code errorCount} counts them all).
 */
public record ExpositionReport(
    long lines, long samples, SortedMap<String, MetricFamily> families, List<LineError> errors, long errorCount) {

  public ExpositionReport {
    families = Collections.unmodifiableSortedMap(new TreeMap<>(families));
    errors = List.copyOf(errors);
    if (errorCount < errors.size()) {
      throw new IllegalArgumentException("errorCount " + errorCount + " < " + errors.size() + " errors listed");
    }
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }
}
