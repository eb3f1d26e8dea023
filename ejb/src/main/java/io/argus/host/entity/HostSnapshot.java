package io.argus.host.entity;

import java.time.Instant;
import java.util.List;

/** Everything the host probe read at one instant, with rates relative to the sample before it. */
public record HostSnapshot(
    Instant timestamp,
    Cpu cpu,
    Memory memory,
    Swap swap,
    List<FileSystemUsage> fileSystems,
    List<DiskIo> disks,
    List<NetworkIo> networkInterfaces) {

  public HostSnapshot {
    fileSystems = List.copyOf(fileSystems);
    disks = List.copyOf(disks);
    networkInterfaces = List.copyOf(networkInterfaces);
  }
}
