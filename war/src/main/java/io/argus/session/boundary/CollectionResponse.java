package io.argus.session.boundary;

import io.argus.session.entity.Artifact;
import io.argus.session.entity.Collection;
import io.argus.session.entity.CollectionOutcome;
import io.argus.session.entity.TelemetryImport;
import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection: the contract's {@code artifacts} map plus what it read and wrote. */
@Schema(name = "CollectionResponse", example = """
        {
          "artifacts": {
            "csv": "/var/lib/argus/artifacts/bench-001/run-1/metrics.csv",
            "json": "/var/lib/argus/artifacts/bench-001/run-1/metrics.json",
            "tables": "/var/lib/argus/artifacts/bench-001/run-1/metrics_summary.csv",
            "manifest": "/var/lib/argus/artifacts/bench-001/run-1/MANIFEST.json"
          },
          "collection_id": 12,
          "session_id": "bench-001",
          "run_id": "run-1",
          "window_start": "2026-11-24T10:00:00Z",
          "window_end": "2026-11-24T11:00:00Z",
          "step_seconds": 1,
          "series_count": 24,
          "row_count": 86400,
          "out_dir": "/var/lib/argus/artifacts/bench-001/run-1",
          "created_at": "2026-11-24T11:00:04.512Z",
          "files": [
            {
              "name": "csv",
              "path": "/var/lib/argus/artifacts/bench-001/run-1/metrics.csv",
              "media_type": "text/csv",
              "size_bytes": 9123456,
              "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "rows": 86400
            },
            {
              "name": "manifest",
              "path": "/var/lib/argus/artifacts/bench-001/run-1/MANIFEST.json",
              "media_type": "application/json",
              "size_bytes": 1204,
              "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
            }
          ]
        }""", description = "Response for metrics collection (and one collection of a session).",
    requiredProperties = {"artifacts"})
public record CollectionResponse(
    @Schema(description = "Artifact name (csv, json, tables = the summary row, manifest) to file path") Map<String, String> artifacts,
    long collectionId,
    String sessionId,
    String runId,
    Instant windowStart,
    Instant windowEnd,
    @Schema(description = "Range-query step in seconds") BigDecimal stepSeconds,
    int seriesCount,
    long rowCount,
    String outDir,
    Instant createdAt,
    List<ArtifactView> files,
    @JsonbProperty("import")
    @Schema(name = "import", description = "What import=true stored in the telemetry store; absent without import") ImportView imported) {

  /** The counts of an import into the telemetry store. */
  @Schema(name = "CollectionImport", description = "GPU series stored in the telemetry store by a collect with import=true")
  public record ImportView(
      @Schema(description = "Collected series that became GPU rows") int seriesImported,
      @Schema(description = "Samples written") long samplesStored,
      @Schema(description = "Collected series left out: a host's, or a name the metric dictionary does not map") int seriesSkipped,
      @Schema(description = "Samples an earlier import of the same series and span had stored, replaced by these") long samplesReplaced) {

    static ImportView of(TelemetryImport t) {
      return new ImportView(t.seriesImported(), t.samplesStored(), t.seriesSkipped(), t.samplesReplaced());
    }
  }

  static CollectionResponse of(CollectionOutcome outcome) {
    return of(outcome.collection(), outcome.imported().map(ImportView::of).orElse(null));
  }

  static CollectionResponse of(Collection c) {
    return of(c, null);
  }

  private static CollectionResponse of(Collection c, ImportView imported) {
    var artifacts = new LinkedHashMap<String, String>();
    for (Artifact a : c.artifacts()) {
      artifacts.put(a.name(), a.path().toString());
    }
    return new CollectionResponse(artifacts, c.id(), c.sessionId(), c.runId(), c.windowStart().toInstant(), c.windowEnd().toInstant(),
        BigDecimal.valueOf(c.step().toMillis(), 3).stripTrailingZeros(), c.seriesCount(), c.rowCount(), c.outDir().toString(),
        c.createdAt().toInstant(), c.artifacts().stream().map(ArtifactView::of).toList(), imported);
  }
}
