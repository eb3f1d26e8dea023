package io.argus.gpu.entity;

import java.util.OptionalLong;

/** Current and maximum clocks of one GPU, in hertz (NVML reports MHz; multiplied by 10^6). */
public record GpuClocks(
    OptionalLong graphicsHz,
    OptionalLong smHz,
    OptionalLong memoryHz,
    OptionalLong maxGraphicsHz,
    OptionalLong maxSmHz,
    OptionalLong maxMemoryHz) {

  private static final GpuClocks ABSENT =
      new GpuClocks(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
          OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

  public static GpuClocks absent() {
    return ABSENT;
  }
}
