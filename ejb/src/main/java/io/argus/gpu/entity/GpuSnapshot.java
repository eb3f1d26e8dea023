package io.argus.gpu.entity;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Everything read from one GPU in one pass, in base units; a value the GPU, the driver or the
 * caller's permissions do not provide is empty, never a sentinel number.
 *
 * @param gpuUtilizationPercent share of the last sample period (1/6 s to 1 s) a kernel ran, 0-100
 * @param memoryUtilizationPercent share of that period device memory was read or written, 0-100
 * @param powerUsageWatts NVML milliwatts / 1000
 * @param powerLimitWatts the enforced limit (falls back to the management limit), mW / 1000
 * @param totalEnergyJoules energy since the driver was loaded, NVML millijoules / 1000
 * @param fanSpeedPercent share of the maximum fan speed; may exceed 100
 * @param performanceState P-state 0 (fastest) to 15; empty when the driver says unknown
 * @param pcieTxBytesPerSecond NVML KB/s (over a 20 ms window) × 1024
 * @param eccCorrectedErrors volatile count since the driver was loaded
 * @param clockEventReasons bitmask of why clocks are held down (NVML {@code
 *     nvmlClocksEventReason*}: 0x1 idle, 0x4 software power cap, 0x20/0x40 thermal, …)
 * @param processes running compute processes; empty when none run or the driver cannot list them
 * @param migInstances present only while MIG is enabled
 */
public record GpuSnapshot(
    GpuIdentity identity,
    OptionalInt gpuUtilizationPercent,
    OptionalInt memoryUtilizationPercent,
    GpuMemory memory,
    OptionalInt temperatureCelsius,
    OptionalDouble powerUsageWatts,
    OptionalDouble powerLimitWatts,
    OptionalDouble totalEnergyJoules,
    GpuClocks clocks,
    OptionalInt fanSpeedPercent,
    OptionalInt performanceState,
    OptionalInt encoderUtilizationPercent,
    OptionalInt decoderUtilizationPercent,
    OptionalLong pcieTxBytesPerSecond,
    OptionalLong pcieRxBytesPerSecond,
    OptionalLong eccCorrectedErrors,
    OptionalLong eccUncorrectedErrors,
    OptionalLong clockEventReasons,
    List<GpuProcess> processes,
    boolean migEnabled,
    List<MigInstance> migInstances) {

  public GpuSnapshot {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(clocks, "clocks");
    processes = List.copyOf(processes);
    migInstances = List.copyOf(migInstances);
  }

  public int index() {
    return identity.index();
  }

  public String uuid() {
    return identity.uuid();
  }
}
