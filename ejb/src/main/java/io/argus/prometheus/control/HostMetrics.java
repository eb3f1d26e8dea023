package io.argus.prometheus.control;

import io.argus.host.entity.Cpu;
import io.argus.host.entity.CpuCore;
import io.argus.host.entity.DiskIo;
import io.argus.host.entity.FileSystemUsage;
import io.argus.host.entity.HostSnapshot;
import io.argus.host.entity.Memory;
import io.argus.host.entity.NetworkIo;
import io.argus.host.entity.Swap;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a host snapshot to metric families under the names existing dashboards use
 * ({@code cpu_percent_total}, {@code memory_virtual_*_bytes}, ...); absent values give no sample.
 *
 * <p>Disk and network families take node_exporter's {@code device} label (without {@code /dev/}),
 * file systems its {@code device}, {@code fstype} and {@code mountpoint}, so queries written for
 * node_exporter carry over with the prefix changed.
 */
public final class HostMetrics {

  private HostMetrics() {}

  public static List<MetricFamily> from(HostSnapshot snapshot) {
    List<MetricFamily> families = new ArrayList<>();
    cpu(snapshot.cpu(), families);
    memory(snapshot.memory(), snapshot.swap(), families);
    fileSystems(snapshot.fileSystems(), families);
    disks(snapshot.disks(), families);
    network(snapshot.networkInterfaces(), families);
    return List.copyOf(families);
  }

  private static void cpu(Cpu cpu, List<MetricFamily> out) {
    out.add(MetricFamily.gauge("cpu_percent_total", "CPU busy percent, all cores")
        .add(cpu.usagePercent()).build());
    MetricFamily.Builder perCpu =
        MetricFamily.gauge("cpu_percent_per_cpu", "CPU busy percent of one core");
    for (CpuCore core : cpu.cores()) {
      perCpu.add(core.usagePercent(), "core", Integer.toString(core.id()));
    }
    out.add(perCpu.build());
    out.add(MetricFamily.gauge("cpu_frequency_current_mhz", "Current CPU frequency")
        .add(cpu.frequencyCurrentMhz()).build());
    out.add(MetricFamily.gauge("cpu_frequency_min_mhz", "Lowest CPU frequency the hardware allows")
        .add(cpu.frequencyMinMhz()).build());
    out.add(MetricFamily.gauge("cpu_frequency_max_mhz", "Highest CPU frequency the hardware allows")
        .add(cpu.frequencyMaxMhz()).build());
    out.add(MetricFamily.gauge("cpu_temperature_celsius", "CPU package temperature")
        .add(cpu.temperatureCelsius()).build());
    out.add(MetricFamily.gauge("cpu_load_average_1m", "Load average over one minute")
        .add(cpu.loadAverage().one()).build());
    out.add(MetricFamily.gauge("cpu_load_average_5m", "Load average over five minutes")
        .add(cpu.loadAverage().five()).build());
    out.add(MetricFamily.gauge("cpu_load_average_15m", "Load average over fifteen minutes")
        .add(cpu.loadAverage().fifteen()).build());
    out.add(MetricFamily.counter("cpu_ctx_switches_total", "Context switches since boot")
        .add(cpu.contextSwitches()).build());
    out.add(MetricFamily.counter("cpu_interrupts_total", "Hardware interrupts since boot")
        .add(cpu.interrupts()).build());
    out.add(MetricFamily.counter("cpu_soft_interrupts_total", "Soft interrupts since boot")
        .add(cpu.softInterrupts()).build());
  }

  private static void memory(Memory memory, Swap swap, List<MetricFamily> out) {
    out.add(MetricFamily.gauge("memory_virtual_total_bytes", "Physical memory installed")
        .add(memory.totalBytes()).build());
    out.add(MetricFamily.gauge("memory_virtual_available_bytes", "Physical memory available")
        .add(memory.availableBytes()).build());
    out.add(MetricFamily.gauge("memory_virtual_used_bytes", "Physical memory in use")
        .add(memory.usedBytes()).build());
    out.add(MetricFamily.gauge("memory_virtual_free_bytes", "Physical memory never used since boot")
        .add(memory.freeBytes()).build());
    out.add(MetricFamily.gauge("memory_virtual_percent", "Physical memory in use, percent")
        .add(memory.usedPercent()).build());
    out.add(MetricFamily.gauge("memory_swap_total_bytes", "Swap space")
        .add(swap.totalBytes()).build());
    out.add(MetricFamily.gauge("memory_swap_used_bytes", "Swap in use")
        .add(swap.usedBytes()).build());
    out.add(MetricFamily.gauge("memory_swap_free_bytes", "Swap not in use")
        .add(swap.freeBytes()).build());
    out.add(MetricFamily.gauge("memory_swap_percent", "Swap in use, percent")
        .add(swap.usedPercent()).build());
    out.add(MetricFamily.counter("memory_swap_pages_in_total", "Pages swapped in since boot")
        .add(swap.pagesIn()).build());
    out.add(MetricFamily.counter("memory_swap_pages_out_total", "Pages swapped out since boot")
        .add(swap.pagesOut()).build());
  }

  private static void fileSystems(List<FileSystemUsage> fileSystems, List<MetricFamily> out) {
    MetricFamily.Builder size = MetricFamily.gauge("filesystem_size_bytes", "File system size");
    MetricFamily.Builder free = MetricFamily.gauge("filesystem_free_bytes",
        "File system space free, root's reserve included");
    MetricFamily.Builder available = MetricFamily.gauge("filesystem_available_bytes",
        "File system space available to unprivileged users");
    MetricFamily.Builder used =
        MetricFamily.gauge("filesystem_used_bytes", "File system space in use");
    MetricFamily.Builder percent = MetricFamily.gauge("filesystem_used_percent",
        "File system space in use, percent of what users can reach");
    for (FileSystemUsage fs : fileSystems) {
      String[] labels = {"device", fs.device(), "fstype", fs.type(), "mountpoint", fs.mount()};
      size.add(fs.totalBytes(), labels);
      free.add(fs.freeBytes(), labels);
      available.add(fs.availableBytes(), labels);
      used.add(fs.usedBytes(), labels);
      percent.add(fs.usedPercent(), labels);
    }
    out.add(size.build());
    out.add(free.build());
    out.add(available.build());
    out.add(used.build());
    out.add(percent.build());
  }

  private static void disks(List<DiskIo> disks, List<MetricFamily> out) {
    MetricFamily.Builder readBytes =
        MetricFamily.counter("disk_read_bytes_total", "Bytes read from a disk");
    MetricFamily.Builder writtenBytes =
        MetricFamily.counter("disk_written_bytes_total", "Bytes written to a disk");
    MetricFamily.Builder reads =
        MetricFamily.counter("disk_reads_completed_total", "Reads completed by a disk");
    MetricFamily.Builder writes =
        MetricFamily.counter("disk_writes_completed_total", "Writes completed by a disk");
    MetricFamily.Builder ioTime =
        MetricFamily.counter("disk_io_time_seconds_total", "Time a disk spent doing I/O");
    MetricFamily.Builder readRate = MetricFamily.gauge("disk_read_bytes_per_second",
        "Bytes read per second since the previous sample");
    MetricFamily.Builder writeRate = MetricFamily.gauge("disk_written_bytes_per_second",
        "Bytes written per second since the previous sample");
    MetricFamily.Builder readOps = MetricFamily.gauge("disk_reads_per_second",
        "Reads completed per second since the previous sample");
    MetricFamily.Builder writeOps = MetricFamily.gauge("disk_writes_per_second",
        "Writes completed per second since the previous sample");
    for (DiskIo disk : disks) {
      String device = disk.name().startsWith("/dev/") ? disk.name().substring(5) : disk.name();
      readBytes.add(disk.readBytes(), "device", device);
      writtenBytes.add(disk.writtenBytes(), "device", device);
      reads.add(disk.reads(), "device", device);
      writes.add(disk.writes(), "device", device);
      ioTime.add(disk.transferTimeMillis() / 1000.0, "device", device);
      readRate.add(disk.readBytesPerSecond(), "device", device);
      writeRate.add(disk.writtenBytesPerSecond(), "device", device);
      readOps.add(disk.readsPerSecond(), "device", device);
      writeOps.add(disk.writesPerSecond(), "device", device);
    }
    for (MetricFamily.Builder builder :
        List.of(readBytes, writtenBytes, reads, writes, ioTime, readRate, writeRate, readOps,
            writeOps)) {
      out.add(builder.build());
    }
  }

  private static void network(List<NetworkIo> interfaces, List<MetricFamily> out) {
    MetricFamily.Builder rxBytes =
        MetricFamily.counter("network_receive_bytes_total", "Bytes received on an interface");
    MetricFamily.Builder txBytes =
        MetricFamily.counter("network_transmit_bytes_total", "Bytes sent on an interface");
    MetricFamily.Builder rxPackets =
        MetricFamily.counter("network_receive_packets_total", "Packets received on an interface");
    MetricFamily.Builder txPackets =
        MetricFamily.counter("network_transmit_packets_total", "Packets sent on an interface");
    MetricFamily.Builder rxErrors =
        MetricFamily.counter("network_receive_errors_total", "Receive errors on an interface");
    MetricFamily.Builder txErrors =
        MetricFamily.counter("network_transmit_errors_total", "Transmit errors on an interface");
    MetricFamily.Builder rxDrops =
        MetricFamily.counter("network_receive_drops_total", "Received packets dropped");
    MetricFamily.Builder txDrops =
        MetricFamily.counter("network_transmit_drops_total", "Outgoing packets dropped");
    MetricFamily.Builder rxRate = MetricFamily.gauge("network_receive_bytes_per_second",
        "Bytes received per second since the previous sample");
    MetricFamily.Builder txRate = MetricFamily.gauge("network_transmit_bytes_per_second",
        "Bytes sent per second since the previous sample");
    MetricFamily.Builder rxPacketRate = MetricFamily.gauge("network_receive_packets_per_second",
        "Packets received per second since the previous sample");
    MetricFamily.Builder txPacketRate = MetricFamily.gauge("network_transmit_packets_per_second",
        "Packets sent per second since the previous sample");
    for (NetworkIo nic : interfaces) {
      String device = nic.name();
      rxBytes.add(nic.receivedBytes(), "device", device);
      txBytes.add(nic.sentBytes(), "device", device);
      rxPackets.add(nic.receivedPackets(), "device", device);
      txPackets.add(nic.sentPackets(), "device", device);
      rxErrors.add(nic.receiveErrors(), "device", device);
      txErrors.add(nic.sendErrors(), "device", device);
      rxDrops.add(nic.receiveDrops(), "device", device);
      txDrops.add(nic.sendDrops(), "device", device);
      rxRate.add(nic.receivedBytesPerSecond(), "device", device);
      txRate.add(nic.sentBytesPerSecond(), "device", device);
      rxPacketRate.add(nic.receivedPacketsPerSecond(), "device", device);
      txPacketRate.add(nic.sentPacketsPerSecond(), "device", device);
    }
    for (MetricFamily.Builder builder :
        List.of(rxBytes, txBytes, rxPackets, txPackets, rxErrors, txErrors, rxDrops, txDrops,
            rxRate, txRate, rxPacketRate, txPacketRate)) {
      out.add(builder.build());
    }
  }
}
