package io.argus.prometheus.boundary;

import io.argus.collect.control.CollectorStats;
import io.argus.collect.entity.Snapshot;
import io.argus.collect.entity.XidCount;
import io.argus.gpu.entity.GpuFault;
import io.argus.gpu.entity.GpuProcess;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.gpu.entity.ProcessOwner;
import io.argus.host.entity.Cpu;
import io.argus.host.entity.HostInfo;
import io.argus.host.entity.Memory;
import io.argus.host.entity.Swap;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON views of the latest snapshot ({@code /metrics/json} and its sections), in snake_case. */
public final class SnapshotJson {

  private SnapshotJson() {}

  /** Everything. */
  public record All(Instant timestamp, String nodeId, String hostname, CpuView cpu, MemoryView memory,
      GpuView gpu, CollectorView collector) {}

  /** CPU section. */
  public record CpuView(Instant timestamp, String nodeId, String model, int physicalCores, int logicalCores, Cpu cpu) {}

  /** Memory section. */
  public record MemoryView(Instant timestamp, String nodeId, Memory memory, Swap swap) {}

  /** GPU section: the backend, its versions, every GPU with the owners of its processes, faults. */
  public record GpuView(Instant timestamp, String nodeId, String backend, boolean available, Optional<String> driverVersion,
      Optional<String> nvmlVersion, Optional<String> cudaVersion, int count, List<GpuEntry> gpus, List<GpuFault> faults) {}

  /** One GPU: every field the backend read, plus attribution of its processes and its XID tally. */
  public record GpuEntry(GpuSnapshot gpu, List<ProcessView> processes, XidCount xid) {}

  /** A process on a GPU and who owns it. */
  public record ProcessView(GpuProcess process, Optional<ProcessOwner> owner) {}

  /** The collector's own figures. */
  public record CollectorView(long cycles, long skippedTicks, long failures, double lastCycleSeconds,
      Optional<Double> lastCycleCpuSeconds, Optional<Instant> lastSuccess, double intervalSeconds) {}

  public static All all(Snapshot s, CollectorStats.View stats, double intervalSeconds) {
    return new All(s.time(), s.nodeId(), s.info().hostname(), cpu(s), memory(s), gpu(s), collector(stats, intervalSeconds));
  }

  public static CpuView cpu(Snapshot s) {
    HostInfo i = s.info();
    return new CpuView(s.time(), s.nodeId(), i.cpuModel(), i.physicalCores(), i.logicalCores(), s.host().cpu());
  }

  public static MemoryView memory(Snapshot s) {
    return new MemoryView(s.time(), s.nodeId(), s.host().memory(), s.host().swap());
  }

  public static GpuView gpu(Snapshot s) {
    GpuReadout r = s.gpus();
    List<GpuEntry> gpus = r.gpus().stream()
        .map(g -> new GpuEntry(g,
            g.processes().stream().map(p -> new ProcessView(p, s.owner(p))).toList(),
            s.xids().getOrDefault(g.uuid(), new XidCount(0, 0))))
        .toList();
    return new GpuView(s.time(), s.nodeId(), r.backend(), r.available(), r.versions().driver(), r.versions().library(),
        r.versions().cuda(), gpus.size(), gpus, r.faults());
  }

  public static CollectorView collector(CollectorStats.View v, double intervalSeconds) {
    return new CollectorView(v.cycles(), v.skipped(), v.failures(), v.lastCycle().toNanos() / 1e9,
        v.lastCycleCpu().map(d -> d.toNanos() / 1e9), v.lastSuccess(), intervalSeconds);
  }
}
