package io.argus.collect.entity;

import io.argus.gpu.entity.DriverVersions;
import io.argus.gpu.entity.GpuClocks;
import io.argus.gpu.entity.GpuFault;
import io.argus.gpu.entity.GpuIdentity;
import io.argus.gpu.entity.GpuMemory;
import io.argus.gpu.entity.GpuProcess;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.host.entity.Cpu;
import io.argus.host.entity.HostInfo;
import io.argus.host.entity.HostSnapshot;
import io.argus.host.entity.LoadAverage;
import io.argus.host.entity.Memory;
import io.argus.host.entity.Swap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A snapshot of one H100 (and one lost GPU) on node gpu-node-1, for tests of what is made of snapshots. */
public final class Snapshots {

  private Snapshots() {}

  public static final String UUID = "GPU-5d0b5e5a-1f9e-4b43-9a4e-0123456789a0";

  public static Snapshot h100() {
    GpuSnapshot gpu = new GpuSnapshot(
        new GpuIdentity(0, UUID, Optional.of("NVIDIA H100 80GB HBM3"), Optional.of("1654922000100"),
            Optional.of("00000000:18:00.0"), OptionalInt.of(0)),
        OptionalInt.of(87), OptionalInt.of(41),
        new GpuMemory(OptionalLong.of(85_520_809_984L), OptionalLong.of(25_520_809_984L), OptionalLong.of(60_000_000_000L),
            OptionalLong.empty()),
        OptionalInt.of(64), OptionalDouble.of(612.345), OptionalDouble.of(700), OptionalDouble.of(123_456.789),
        new GpuClocks(OptionalLong.of(1_755_000_000L), OptionalLong.of(1_755_000_000L), OptionalLong.of(2_619_000_000L),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()),
        OptionalInt.empty(), // fanless board: no fan speed
        OptionalInt.of(0), OptionalInt.of(0), OptionalInt.of(0), OptionalLong.of(1_228_800), OptionalLong.of(34_816_000),
        OptionalLong.of(0), OptionalLong.of(2), OptionalLong.of(4),
        List.of(new GpuProcess(4242, OptionalLong.of(21_474_836_480L), OptionalInt.empty(), OptionalInt.empty())),
        false, List.of());
    GpuReadout readout = new GpuReadout(Instant.parse("2026-11-24T06:00:00Z"), "nvml", true,
        new DriverVersions(Optional.of("550.54.15"), Optional.of("12.550.54.15"), Optional.of("12.4")),
        List.of(gpu), List.of(new GpuFault(1, Optional.of("GPU-lost"), "GPU_IS_LOST", true)), List.of());
    Cpu cpu = new Cpu(OptionalDouble.empty(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), LoadAverage.UNKNOWN, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
        OptionalInt.empty(), OptionalInt.empty());
    HostSnapshot host = new HostSnapshot(Instant.parse("2026-11-24T06:00:00Z"), cpu,
        new Memory(1, 1, 0, OptionalLong.empty(), OptionalDouble.empty()),
        new Swap(0, 0, 0, OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty()), List.of(), List.of(), List.of());
    HostInfo info = new HostInfo("gpu-node-1", "linux", "Linux", "6", "x86_64", "EPYC", 64, 128, 1, 0, 1, Optional.empty());
    return new Snapshot(Instant.parse("2026-11-24T06:00:00Z"), "gpu-node-1", info, host, readout, Map.of(),
        Map.of(UUID, new XidCount(3, 79)), Duration.ofMillis(2));
  }

}
