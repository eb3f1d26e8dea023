package io.argus.telemetry.boundary;

import io.argus.telemetry.entity.KnownHost;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A host as the API shows it. */
@Schema(name = "Host", example = """
        {
          "node_id": "node-a",
          "hostname": "node-a",
          "os": "Debian GNU/Linux 12 (bookworm)",
          "cpu_model": "AMD EPYC 9654 96-Core Processor",
          "cpu_cores": 96,
          "cpu_threads": 192,
          "memory_total_bytes": 1081965678592,
          "gpu_count": 8,
          "timestamp": "2026-11-24T10:00:05.001Z",
          "first_seen": "2026-11-20T08:12:44.310Z"
        }""", description = "A node known to the store")
public record HostView(
    @Schema(description = "Configured node id, or the hostname", example = "node-a") String nodeId,
    @Schema(example = "node-a") String hostname,
    @Schema(example = "Debian GNU/Linux 12") String os,
    @Schema(example = "AMD EPYC 9654") String cpuModel,
    Integer cpuCores,
    Integer cpuThreads,
    Long memoryTotalBytes,
    @Schema(description = "GPUs known on this host") int gpuCount,
    @Schema(description = "When the host was last seen (RFC 3339, UTC)") Instant timestamp,
    @Schema(description = "When the host was first seen (RFC 3339, UTC)") Instant firstSeen) {

  static HostView of(KnownHost h) {
    return new HostView(h.nodeId(), h.hostname(), h.os(), h.cpuModel(), h.cpuCores(), h.cpuThreads(),
        h.memoryTotalBytes(), h.gpuCount(), h.lastSeen(), h.firstSeen());
  }
}
