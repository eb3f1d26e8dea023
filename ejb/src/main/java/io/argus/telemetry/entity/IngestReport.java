package io.argus.telemetry.entity;

import java.util.List;

/**
 * The answer to a batch ingest: rows received, samples stored, blank values skipped, rows refused
 * with the first {@code errors} (1-based row number, the field at fault when known, the reason), and
 * whether this is the stored answer to an earlier request with the same Idempotency-Key.
 */
public record IngestReport(long received, long stored, long absent, long rejected, List<RowFailure> errors,
    boolean replayed) {

  public IngestReport {
    errors = List.copyOf(errors);
  }

  /** One refused row. */
  public record RowFailure(long row, String field, String reason) {}

  public IngestReport asReplay() {
    return new IngestReport(received, stored, absent, rejected, errors, true);
  }
}
