package io.argus.telemetry.boundary;

import io.argus.telemetry.entity.KnownGpu;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A GPU as the API shows it. */
@Schema(name = "Gpu", example = """
        {
          "uuid": "GPU-2bed8979-3d9e-3167-9814-052b2e823315",
          "gpu_id": 0,
          "device": "nvidia0",
          "model_name": "NVIDIA H100 80GB HBM3",
          "hostname": "node-a",
          "timestamp": "2026-11-24T10:00:05.001Z",
          "first_seen": "2026-11-20T08:12:44.310Z",
          "pci_bus_id": "00000000:18:00.0",
          "driver_version": "550.54.15",
          "memory_total_bytes": 85520809984
        }""", description = "A GPU (or MIG instance) known to the store")
public record GpuView(
    @Schema(example = "GPU-5f3c9a1e-8b1d-4c7e-9f2a-0d3b6e7a8c91") String uuid,
    @Schema(description = "Index of the GPU on its host", example = "0") int gpuId,
    @Schema(example = "nvidia0") String device,
    @Schema(example = "NVIDIA H100 80GB HBM3") String modelName,
    @Schema(example = "node-a") String hostname,
    @Schema(description = "When the GPU was last seen (RFC 3339, UTC)") Instant timestamp,
    @Schema(description = "When the GPU was first seen (RFC 3339, UTC)") Instant firstSeen,
    @Schema(example = "00000000:18:00.0") String pciBusId,
    @Schema(example = "550.54.15") String driverVersion,
    @Schema(example = "85899345920") Long memoryTotalBytes,
    @Schema(description = "For a MIG instance: its parent GPU's uuid") String migParentUuid,
    @Schema(description = "For a MIG instance: its profile", example = "1g.10gb") String migProfile) {

  static GpuView of(KnownGpu g) {
    return new GpuView(g.uuid(), g.index(), g.device(), g.modelName(), g.hostname(), g.lastSeen(), g.firstSeen(),
        g.pciBusId(), g.driverVersion(), g.memoryTotalBytes(), g.migParentUuid(), g.migProfile());
  }
}
