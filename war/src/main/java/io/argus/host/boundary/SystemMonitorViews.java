package io.argus.host.boundary;

import io.argus.collect.entity.Snapshot;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.host.entity.CpuCore;
import io.argus.host.entity.DiskIo;
import io.argus.host.entity.FileSystemUsage;
import io.argus.host.entity.HostInfo;
import io.argus.host.entity.NetworkIo;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The system-monitor seed's response shapes, camelCase keys and all, because clients of that API
 * exist; what Argus knows beyond them is in added fields.
 */
public final class SystemMonitorViews {

  private SystemMonitorViews() {}

  /** {@code GET /api/system/info}. */
  @Schema(name = "SystemInfo")
  public record Info(
      String nodeId, String platform, String architecture, String cpuModel, int cpuCores, int cpuThreads,
      long memoryTotal, long swapTotal, long diskTotal, int gpuCount, List<String> gpuInfo, String hostname,
      String ipAddress, String os, String osVersion, List<GpuSummary> gpus) {}

  /** One GPU in the info document. */
  @Schema(name = "SystemInfoGpu")
  public record GpuSummary(int index, String uuid, String name, String pciBusId, Long memoryTotalBytes) {}

  /** One element of {@code GET /api/system/metrics}. */
  @Schema(name = "SystemMetrics")
  public record Metrics(String nodeId, long timestamp, CpuPart cpu, MemoryPart memory, DiskPart disk,
      NetworkPart network, List<Accelerator> accelerators) {}

  /** CPU. */
  public record CpuPart(Double overall, List<CoreUsage> cores,
      @JsonbProperty("loadAverage") List<Double> loadAverage, Integer processes, Integer threads,
      @JsonbProperty("frequencyMhz") Double frequencyMhz, @JsonbProperty("temperatureCelsius") Double temperatureCelsius) {}

  /** One core. */
  public record CoreUsage(int id, Double usage, Double frequency) {}

  /** Memory and swap. */
  public record MemoryPart(Double usage, long used, long total, long available, SwapPart swap) {}

  /** Swap. */
  public record SwapPart(long used, long total, double percentage) {}

  /** Disks: space over the mounted block-device file systems, I/O rates summed over disks. */
  public record DiskPart(Double usage, long used, long total, @JsonbProperty("ioRead") Double ioRead,
      @JsonbProperty("ioWrite") Double ioWrite, Double iops, List<FileSystemUsage> filesystems) {}

  /** Network, summed over the interfaces other than loopback; counters since boot, rates per second. */
  public record NetworkPart(@JsonbProperty("bytesIn") long bytesIn, @JsonbProperty("bytesOut") long bytesOut,
      @JsonbProperty("packetsIn") long packetsIn, @JsonbProperty("packetsOut") long packetsOut,
      @JsonbProperty("bytesInPerSecond") Double bytesInPerSecond, @JsonbProperty("bytesOutPerSecond") Double bytesOutPerSecond,
      List<NetworkIo> interfaces) {}

  /** One GPU with the seed's summary fields and every field the backend read. */
  public record Accelerator(int id, String uuid, String name, Integer utilization,
      @JsonbProperty("memoryUtilization") Integer memoryUtilization, @JsonbProperty("memoryUsed") Long memoryUsed,
      @JsonbProperty("memoryTotal") Long memoryTotal, Integer temperature, Double power, GpuSnapshot details) {}

  private static final Set<String> PSEUDO_FILESYSTEMS = Set.of("tmpfs", "devtmpfs", "overlay", "squashfs", "proc",
      "sysfs", "cgroup", "cgroup2", "devpts", "mqueue", "debugfs", "tracefs", "securityfs", "pstore", "autofs",
      "hugetlbfs", "configfs", "fusectl", "bpf", "nsfs", "ramfs", "efivarfs", "binfmt_misc");

  public static Info info(Snapshot s) {
    HostInfo i = s.info();
    List<GpuSnapshot> gpus = s.gpus().gpus();
    return new Info(s.nodeId(), i.platform(), i.architecture(), i.cpuModel(), i.physicalCores(), i.logicalCores(),
        i.memoryTotalBytes(), i.swapTotalBytes(), i.diskTotalBytes(), gpus.size(),
        gpus.stream().map(g -> g.identity().name().orElse("unknown")).toList(), i.hostname(),
        i.ipAddress().orElse(null), i.operatingSystem(), i.osVersion(),
        gpus.stream().map(g -> new GpuSummary(g.index(), g.uuid(), g.identity().name().orElse(null),
            g.identity().pciBusId().orElse(null), boxed(g.memory().totalBytes()))).toList());
  }

  public static Metrics metrics(Snapshot s) {
    var cpu = s.host().cpu();
    var load = cpu.loadAverage();
    List<Double> loads = List.of(load.one(), load.five(), load.fifteen()).stream()
        .filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble).toList();
    CpuPart cpuPart = new CpuPart(boxed(cpu.usagePercent()),
        cpu.cores().stream().map(SystemMonitorViews::core).toList(), loads.size() == 3 ? loads : null,
        boxed(cpu.processes()), boxed(cpu.threads()), boxed(cpu.frequencyCurrentMhz()), boxed(cpu.temperatureCelsius()));

    var mem = s.host().memory();
    var swap = s.host().swap();
    MemoryPart memory = new MemoryPart(boxed(mem.usedPercent()), mem.usedBytes(), mem.totalBytes(), mem.availableBytes(),
        new SwapPart(swap.usedBytes(), swap.totalBytes(),
            swap.totalBytes() == 0 ? 0.0 : 100.0 * swap.usedBytes() / swap.totalBytes()));

    List<FileSystemUsage> real = s.host().fileSystems().stream()
        .filter(f -> !PSEUDO_FILESYSTEMS.contains(f.type()) && f.totalBytes() > 0).toList();
    long fsTotal = real.stream().mapToLong(FileSystemUsage::totalBytes).sum();
    long fsUsed = real.stream().mapToLong(FileSystemUsage::usedBytes).sum();
    long fsAvail = real.stream().mapToLong(FileSystemUsage::availableBytes).sum();
    Double fsUsage = fsUsed + fsAvail == 0 ? null : 100.0 * fsUsed / (fsUsed + fsAvail);
    List<DiskIo> disks = s.host().disks();
    DiskPart disk = new DiskPart(fsUsage, fsUsed, fsTotal,
        sum(disks.stream().map(DiskIo::readBytesPerSecond).toList()),
        sum(disks.stream().map(DiskIo::writtenBytesPerSecond).toList()),
        sum(disks.stream().flatMap(d -> List.of(d.readsPerSecond(), d.writesPerSecond()).stream()).toList()),
        real);

    List<NetworkIo> nics = s.host().networkInterfaces().stream().filter(n -> !n.name().equals("lo")).toList();
    NetworkPart network = new NetworkPart(
        nics.stream().mapToLong(NetworkIo::receivedBytes).sum(), nics.stream().mapToLong(NetworkIo::sentBytes).sum(),
        nics.stream().mapToLong(NetworkIo::receivedPackets).sum(), nics.stream().mapToLong(NetworkIo::sentPackets).sum(),
        sum(nics.stream().map(NetworkIo::receivedBytesPerSecond).toList()),
        sum(nics.stream().map(NetworkIo::sentBytesPerSecond).toList()),
        s.host().networkInterfaces());

    List<Accelerator> accelerators = s.gpus().gpus().stream()
        .map(g -> new Accelerator(g.index(), g.uuid(), g.identity().name().orElse(null), boxed(g.gpuUtilizationPercent()),
            boxed(g.memoryUtilizationPercent()), boxed(g.memory().usedBytes()), boxed(g.memory().totalBytes()),
            boxed(g.temperatureCelsius()), boxed(g.powerUsageWatts()), g))
        .toList();
    return new Metrics(s.nodeId(), s.time().toEpochMilli(), cpuPart, memory, disk, network, accelerators);
  }

  private static CoreUsage core(CpuCore c) {
    return new CoreUsage(c.id(), boxed(c.usagePercent()), boxed(c.frequencyMhz()));
  }

  /** The sum of the values present; absent when none is. */
  private static Double sum(List<OptionalDouble> values) {
    double total = 0;
    boolean any = false;
    for (OptionalDouble v : values) {
      if (v.isPresent()) {
        total += v.getAsDouble();
        any = true;
      }
    }
    return any ? total : null;
  }

  static Double boxed(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }

  static Integer boxed(OptionalInt v) {
    return v.isPresent() ? v.getAsInt() : null;
  }

  static Long boxed(OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }
}
