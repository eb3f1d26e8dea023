package io.argus.telemetry.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a producer hands to the store in one go: samples, plus the GPUs and hosts they were taken
 * from (upserted before the samples are written), and when those were seen.
 */
public record TelemetryBatch(
    List<SampleRow> rows, List<GpuInventoryEntry> gpus, List<HostInventoryEntry> hosts, Instant seenAt) {

  public TelemetryBatch {
    rows = List.copyOf(rows);
    gpus = List.copyOf(gpus == null ? List.of() : gpus);
    hosts = List.copyOf(hosts == null ? List.of() : hosts);
    Objects.requireNonNull(seenAt, "seenAt");
  }

  public int size() {
    return rows.size();
  }
}
