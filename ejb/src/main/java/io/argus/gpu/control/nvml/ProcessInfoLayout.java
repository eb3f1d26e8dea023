package io.argus.gpu.control.nvml;

import io.argus.gpu.entity.GpuProcess;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The element layouts NVML's running-process calls write, and which one a driver uses. */
enum ProcessInfoLayout {
  /** {@code nvmlProcessInfo_v1_t}: pid@0, usedGpuMemory@8. */
  V1(16),
  /** {@code nvmlProcessInfo_v2_t}: v1 + gpuInstanceId@16, computeInstanceId@20. */
  V2(24),
  /** The R535 element: v2 + usedGpuCcProtectedMemory@24. */
  R535(32);

  /** Buffers are sized for the widest element so that a misjudged driver cannot overrun them. */
  static final int MAX_STRIDE = 32;

  final int stride;

  ProcessInfoLayout(int stride) {
    this.stride = stride;
  }

  /**
   * Drivers 535.43 to 535.86 made {@code nvmlDeviceGetComputeRunningProcesses_v3} write a 32-byte
   * element without a version bump; earlier and later drivers write 24 bytes through the same
   * symbol. Those drivers are recognised, as nvitop does, by exporting {@code
   * nvmlDeviceGetConfComputeMemSizeInfo} but not yet {@code nvmlDeviceGetRunningProcessDetailList}.
   */
  static ProcessInfoLayout forSymbol(String symbol, boolean hasConfComputeMemSizeInfo,
      boolean hasRunningProcessDetailList) {
    if (symbol.endsWith("_v3")) {
      return hasConfComputeMemSizeInfo && !hasRunningProcessDetailList ? R535 : V2;
    }
    return symbol.endsWith("_v2") ? V2 : V1;
  }

  /** Decodes {@code count} elements from a native-order buffer positioned at the first one. */
  List<GpuProcess> decode(ByteBuffer buffer, int count) {
    List<GpuProcess> processes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = i * stride;
      long pid = Integer.toUnsignedLong(buffer.getInt(at));
      OptionalLong used = NvmlUnits.counter(OptionalLong.of(buffer.getLong(at + 8)));
      OptionalInt gi = this == V1 ? OptionalInt.empty()
          : NvmlUnits.instanceId(buffer.getInt(at + 16));
      OptionalInt ci = this == V1 ? OptionalInt.empty()
          : NvmlUnits.instanceId(buffer.getInt(at + 20));
      processes.add(new GpuProcess(pid, used, gi, ci));
    }
    return processes;
  }
}
