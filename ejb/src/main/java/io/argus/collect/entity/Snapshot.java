package io.argus.collect.entity;

import io.argus.gpu.entity.GpuProcess;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.ProcessOwner;
import io.argus.host.entity.HostInfo;
import io.argus.host.entity.HostSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one collection cycle read on this node: the host, every GPU, and who owns the processes on
 * them. The live endpoints and gauges read the latest of these, never the database.
 *
 * @param owners the owner (container, pod, SLURM job) of each GPU process by PID, where known
 * @param xids XID errors per GPU uuid since Argus started
 * @param took wall time the cycle needed
 */
public record Snapshot(
    Instant time,
    String nodeId,
    HostInfo info,
    HostSnapshot host,
    GpuReadout gpus,
    Map<Long, ProcessOwner> owners,
    Map<String, XidCount> xids,
    Duration took) {

  public Snapshot {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(gpus, "gpus");
    owners = Map.copyOf(owners);
    xids = Map.copyOf(xids);
  }

  public Optional<ProcessOwner> owner(GpuProcess process) {
    return Optional.ofNullable(owners.get(process.pid()));
  }
}
