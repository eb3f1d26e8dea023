package io.argus.host.entity;

import java.util.OptionalDouble;

/** One logical processor: busy percent since the previous sample and its current clock. */
public record CpuCore(int id, OptionalDouble usagePercent, OptionalDouble frequencyMhz) {

  public CpuCore withUsage(OptionalDouble usage) {
    return new CpuCore(id, usage, frequencyMhz);
  }
}
