package io.argus.telemetry.boundary;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The documented shapes of telemetry responses; {@link TelemetryJson} writes them (faster than a
 * generic binder for pages of 100 000 rows).
 */
final class TelemetryRowView {

  private TelemetryRowView() {}

  /** One sample (or one step of a downsampled query). Also the shape batch ingest accepts. */
  @Schema(name = "TelemetryRow", description = "One sample with its GPU and attribution")
  record Row(
      @Schema(description = "RFC 3339, UTC; for a downsampled query the step's start") String timestamp,
      @Schema(example = "gpu_temperature_celsius") String metricName,
      @Schema(example = "0") int gpuId,
      @Schema(example = "nvidia0") String device,
      @Schema(example = "GPU-5f3c9a1e-8b1d-4c7e-9f2a-0d3b6e7a8c91") String uuid,
      @Schema(example = "NVIDIA H100 80GB HBM3") String modelName,
      @Schema(example = "node-a") String hostname,
      String container,
      String pod,
      String namespace,
      @Schema(description = "SLURM job id, empty when none") String slurmJob,
      @Schema(example = "65") double value,
      @Schema(description = "The series' other labels") Map<String, String> labelsRaw) {}

  /** One series and metric with parallel arrays (format=series). */
  @Schema(name = "TelemetrySeries", description = "One GPU series and metric, timestamps and values in parallel arrays")
  record Series(
      String metricName, int gpuId, String device, String uuid, String modelName, String hostname, String container,
      String pod, String namespace, String slurmJob, Map<String, String> labelsRaw,
      @Schema(description = "RFC 3339, UTC, ascending") List<String> timestamps,
      List<Double> values) {}
}
