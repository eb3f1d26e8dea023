package io.argus.session.boundary;

import io.argus.session.control.SessionValidator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/sessions/{id}/collect}. */
@Schema(name = "CollectionRequest", example = """
        {
          "window_start": "2026-11-24T10:00:00Z",
          "window_end": "2026-11-24T11:00:00Z",
          "out_dir": "bench-001/run-1",
          "run_id": "run-1",
          "step": "1s"
        }""", description = "Request to collect metrics.", requiredProperties = {"window_start", "window_end", "out_dir"})
public class CollectionRequest {

  @Schema(description = "Start time, RFC 3339", example = "2026-11-24T10:00:00Z")
  @NotNull(message = SessionValidator.REQUIRED)
  public String windowStart;

  @Schema(description = "End time, RFC 3339, after the start", example = "2026-11-24T11:00:00Z")
  @NotNull(message = SessionValidator.REQUIRED)
  public String windowEnd;

  @Schema(description = "Output directory; relative to, or absolute inside, argus.session.artifact-root", example = "bench-001/run-1")
  @NotEmpty(message = SessionValidator.REQUIRED)
  @Size(max = 1024, message = "is longer than 1024 characters")
  public String outDir;

  @Schema(description = "Run identifier written into the artifacts", defaultValue = "run")
  @Pattern(regexp = SessionValidator.SLUG_REGEX, message = SessionValidator.SLUG_RULE)
  public String runId = "run";

  @Schema(description = "Range-query step as a Prometheus duration; the scrape interval when absent", nullable = true, example = "1s")
  @Pattern(regexp = SessionValidator.DURATION_REGEX, message = SessionValidator.DURATION_RULE)
  public String step;

  @JsonbProperty("import")
  @Schema(name = "import", defaultValue = "false", description = "Also store the collected GPU series (dcgm-exporter and"
      + " nvidia_gpu_exporter families) in the telemetry store, keeping their timestamps; collecting the same window again"
      + " replaces them instead of storing them twice")
  public boolean importTelemetry;
}
