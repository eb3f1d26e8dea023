package io.argus.gpu.entity;

import java.util.OptionalLong;

/**
 * Frame-buffer memory of a GPU or MIG instance, in bytes.
 *
 * @param usedBytes includes {@code reservedBytes} (memory the driver and firmware hold)
 * @param reservedBytes only drivers with {@code nvmlDeviceGetMemoryInfo_v2} (R510+) report it
 */
public record GpuMemory(
    OptionalLong totalBytes,
    OptionalLong usedBytes,
    OptionalLong freeBytes,
    OptionalLong reservedBytes) {

  private static final GpuMemory ABSENT =
      new GpuMemory(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
          OptionalLong.empty());

  public static GpuMemory absent() {
    return ABSENT;
  }
}
