package io.argus.ingest.entity;

import java.util.List;

/**
 * The outcome of parsing one CSV batch: the normalised samples of the good rows, the data rows
 * read, and the rejected rows (the first ones, up to the parser's limit; {@code errorCount} counts
 * them all). Absent values are counted in {@code normalised}, not reported as errors.
 * {@code sampleRows} holds, for each sample, the 1-based data row it came from.
 */
public record CsvBatch(long rows, NormalisedBatch normalised, List<RowError> errors, long errorCount, List<Long> sampleRows) {

  public CsvBatch(long rows, NormalisedBatch normalised, List<RowError> errors, long errorCount) {
    this(rows, normalised, errors, errorCount, List.of());
  }

  public CsvBatch {
    errors = List.copyOf(errors);
    sampleRows = List.copyOf(sampleRows);
    if (errorCount < errors.size()) {
      throw new IllegalArgumentException("errorCount " + errorCount + " < " + errors.size() + " errors listed");
    }
  }

  public List<ArgusSample> samples() {
    return normalised.samples();
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }
}
