package io.argus.telemetry.boundary;

import io.argus.telemetry.entity.IngestReport;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The per-row report of a batch ingest. */
@Schema(name = "IngestReport", example = """
        {
          "received": 3,
          "stored": 1,
          "absent": 1,
          "rejected": 1,
          "errors": [
            {
              "row": 3,
              "field": "timestamp",
              "reason": "not RFC 3339: '24/11/2026 10:00'"
            }
          ],
          "replayed": false
        }""", description = "What a batch ingest stored and which rows it refused, and why")
public record IngestReportView(
    @Schema(description = "Data rows in the body") long received,
    @Schema(description = "Samples stored") long stored,
    @Schema(description = "Rows with a blank value (absent, not stored, not an error)") long absent,
    @Schema(description = "Rows refused") long rejected,
    @Schema(description = "The first 100 refused rows, in row order") List<RowError> errors,
    @Schema(description = "True when this is the stored answer to an earlier request with the same Idempotency-Key")
    boolean replayed) {

  /** One refused row: its 1-based number among the data rows, the field at fault, the reason. */
  @Schema(name = "IngestRowError")
  public record RowError(long row, String field, String reason) {}

  static IngestReportView of(IngestReport r) {
    return new IngestReportView(r.received(), r.stored(), r.absent(), r.rejected(),
        r.errors().stream().map(e -> new RowError(e.row(), e.field(), e.reason())).toList(), r.replayed());
  }
}
