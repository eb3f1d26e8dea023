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
  @Schema(name = "SystemInfo", example = """
          {
            "node_id": "node-a",
            "platform": "Linux",
            "architecture": "x86_64",
            "cpu_model": "AMD EPYC 9654 96-Core Processor",
            "cpu_cores": 96,
            "cpu_threads": 192,
            "memory_total": 1081965678592,
            "swap_total": 0,
            "disk_total": 3840755982336,
            "gpu_count": 2,
            "gpu_info": [
              "NVIDIA H100 80GB HBM3",
              "NVIDIA H100 80GB HBM3"
            ],
            "hostname": "node-a",
            "ip_address": "10.0.0.21",
            "os": "Debian GNU/Linux 12 (bookworm)",
            "os_version": "6.1.0-27-amd64",
            "gpus": [
              {
                "index": 0,
                "uuid": "GPU-2bed8979-3d9e-3167-9814-052b2e823315",
                "name": "NVIDIA H100 80GB HBM3",
                "pci_bus_id": "00000000:18:00.0",
                "memory_total_bytes": 85520809984
              },
              {
                "index": 1,
                "uuid": "GPU-9fe5bcc4-3bd4-3f0a-8a0d-abcf228f242d",
                "name": "NVIDIA H100 80GB HBM3",
                "pci_bus_id": "00000000:28:00.0",
                "memory_total_bytes": 85520809984
              }
            ]
          }""")
  public record Info(
      String nodeId, String platform, String architecture, String cpuModel, int cpuCores, int cpuThreads,
      long memoryTotal, long swapTotal, long diskTotal, int gpuCount, List<String> gpuInfo, String hostname,
      String ipAddress, String os, String osVersion, List<GpuSummary> gpus) {}

  /** One GPU in the info document. */
  @Schema(name = "SystemInfoGpu")
  public record GpuSummary(int index, String uuid, String name, String pciBusId, Long memoryTotalBytes) {}

  /** One element of {@code GET /api/system/metrics}. */
  @Schema(name = "SystemMetrics", example = """
          {
            "node_id": "node-a",
            "timestamp": 1795521605001,
            "cpu": {
              "overall": 37.5,
              "cores": [
                {
                  "id": 0,
                  "usage": 41.0,
                  "frequency": 2400.0
                },
                {
                  "id": 1,
                  "usage": 34.0,
                  "frequency": 2400.0
                }
              ],
              "loadAverage": [
                36.1,
                35.2,
                33.8
              ],
              "processes": 1210,
              "threads": 4566,
              "frequencyMhz": 2400.0
            },
            "memory": {
              "usage": 15.7,
              "used": 170000000000,
              "total": 1081965678592,
              "available": 901965678592,
              "swap": {
                "used": 0,
                "total": 0,
                "percentage": 0.0
              }
            },
            "disk": {
              "usage": 41.2,
              "used": 1582391443456,
              "total": 3840755982336,
              "ioRead": 10485760.0,
              "ioWrite": 52428800.0,
              "iops": 1830.0,
              "filesystems": [
                {
                  "mount": "/",
                  "type": "ext4",
                  "device": "/dev/nvme0n1p2",
                  "total_bytes": 3840755982336,
                  "free_bytes": 2258364538880,
                  "available_bytes": 2063155585024,
                  "used_bytes": 1582391443456,
                  "used_percent": 41.2
                }
              ]
            },
            "network": {
              "bytesIn": 981234567890,
              "bytesOut": 123456789012,
              "packetsIn": 712345678,
              "packetsOut": 98765432,
              "bytesInPerSecond": 125000000.0,
              "bytesOutPerSecond": 12500000.0,
              "interfaces": [
                {
                  "name": "eth0",
                  "mac_address": "52:54:00:12:34:56",
                  "ipv4_addresses": [],
                  "speed_bits_per_second": 25000000000,
                  "received_bytes": 981234567890,
                  "sent_bytes": 123456789012,
                  "received_packets": 712345678,
                  "sent_packets": 98765432,
                  "receive_errors": 0,
                  "send_errors": 0,
                  "received_bytes_per_second": 125000000.0,
                  "sent_bytes_per_second": 12500000.0
                }
              ]
            },
            "accelerators": [
              {
                "id": 0,
                "uuid": "GPU-2bed8979-3d9e-3167-9814-052b2e823315",
                "name": "NVIDIA H100 80GB HBM3",
                "utilization": 94,
                "memoryUtilization": 56,
                "memoryUsed": 72644837508,
                "memoryTotal": 85520809984,
                "temperature": 77,
                "power": 659.3
              }
            ]
          }""")
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
