package io.argus.gpu.control.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.gpu.entity.GpuProcess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessInfoLayoutTest {

  private static final String V3 = "nvmlDeviceGetComputeRunningProcesses_v3";

  @Test
  void onlyR535DriversGetThe32ByteElementThroughV3() {
    assertThat(ProcessInfoLayout.forSymbol(V3, true, false)).isEqualTo(ProcessInfoLayout.R535);
    assertThat(ProcessInfoLayout.forSymbol(V3, true, true)).isEqualTo(ProcessInfoLayout.V2);
    assertThat(ProcessInfoLayout.forSymbol(V3, false, false)).isEqualTo(ProcessInfoLayout.V2);
    assertThat(ProcessInfoLayout.forSymbol("nvmlDeviceGetComputeRunningProcesses_v2", true, false))
        .isEqualTo(ProcessInfoLayout.V2);
    assertThat(ProcessInfoLayout.forSymbol("nvmlDeviceGetComputeRunningProcesses", true, false))
        .isEqualTo(ProcessInfoLayout.V1);
  }

  @Test
  void decodesEachLayout() {
    for (ProcessInfoLayout layout : ProcessInfoLayout.values()) {
      ByteBuffer buffer = elements(layout.stride, new long[][] {
          {4242, 21_474_836_480L, 1, 0},
          {4343, -1L, 0xFFFFFFFFL, 0xFFFFFFFFL}});

      List<GpuProcess> processes = layout.decode(buffer, 2);

      boolean instances = layout != ProcessInfoLayout.V1;
      assertThat(processes).as(layout.name()).containsExactly(
          new GpuProcess(4242, OptionalLong.of(21_474_836_480L),
              instances ? OptionalInt.of(1) : OptionalInt.empty(),
              instances ? OptionalInt.of(0) : OptionalInt.empty()),
          new GpuProcess(4343, OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty()));
    }
  }

  @Test
  void readingR535ElementsWithTheV2StrideGarblesTheSecondProcess() {
    ByteBuffer buffer = elements(32, new long[][] {{1111, 1_000_000_000L, 0xFFFFFFFFL, 0xFFFFFFFFL},
        {2222, 2_000_000_000L, 0xFFFFFFFFL, 0xFFFFFFFFL}});

    assertThat(ProcessInfoLayout.V2.decode(buffer, 2).get(1).pid()).isNotEqualTo(2222);
    assertThat(ProcessInfoLayout.R535.decode(buffer, 2).get(1).pid()).isEqualTo(2222);
  }

  /** Elements of {pid, usedGpuMemory, gpuInstanceId, computeInstanceId}, with {@code stride}. */
  private static ByteBuffer elements(int stride, long[][] rows) {
    ByteBuffer buffer = ByteBuffer.allocate(stride * rows.length + 64).order(ByteOrder.nativeOrder());
    for (int i = 0; i < rows.length; i++) {
      int at = i * stride;
      buffer.putInt(at, (int) rows[i][0]);
      buffer.putLong(at + 8, rows[i][1]);
      if (stride >= 24) {
        buffer.putInt(at + 16, (int) rows[i][2]);
        buffer.putInt(at + 20, (int) rows[i][3]);
      }
      if (stride >= 32) {
        buffer.putLong(at + 24, 777L); // usedGpuCcProtectedMemory
      }
    }
    return buffer;
  }
}
