package io.argus.host.control;

import io.argus.host.entity.Cpu;
import io.argus.host.entity.DiskIo;
import io.argus.host.entity.FileSystemUsage;
import io.argus.host.entity.Memory;
import io.argus.host.entity.NetworkIo;
import io.argus.host.entity.Swap;
import java.util.List;

/**
 * One raw reading: CPU tick counters in OSHI's layout (one row per entry of {@code cpu.cores()}),
 * and the rest already in snapshot form with usage and rates still absent.
 */
record HostReading(
    long[] systemTicks,
    long[][] coreTicks,
    Cpu cpu,
    Memory memory,
    Swap swap,
    List<FileSystemUsage> fileSystems,
    List<DiskIo> disks,
    List<NetworkIo> networkInterfaces) {}
