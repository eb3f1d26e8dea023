package io.argus.host.entity;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Processor state at one sample; usage figures are busy percent since the previous sample, so the
 * first sample of a probe has none.
 */
public record Cpu(
    OptionalDouble usagePercent,
    List<CpuCore> cores,
    OptionalDouble frequencyCurrentMhz,
    OptionalDouble frequencyMinMhz,
    OptionalDouble frequencyMaxMhz,
    OptionalDouble temperatureCelsius,
    LoadAverage loadAverage,
    OptionalLong contextSwitches,
    OptionalLong interrupts,
    OptionalLong softInterrupts,
    OptionalInt processes,
    OptionalInt threads) {

  public Cpu {
    cores = List.copyOf(cores);
  }

  public Cpu withUsage(OptionalDouble overall, List<CpuCore> perCore) {
    return new Cpu(overall, perCore, frequencyCurrentMhz, frequencyMinMhz, frequencyMaxMhz,
        temperatureCelsius, loadAverage, contextSwitches, interrupts, softInterrupts, processes,
        threads);
  }
}
