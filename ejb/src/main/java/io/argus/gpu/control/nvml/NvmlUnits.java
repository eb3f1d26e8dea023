package io.argus.gpu.control.nvml;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Conversions from NVML's units and sentinels to the base units of Argus's GPU records. */
final class NvmlUnits {

  /** {@code NVML_VALUE_NOT_AVAILABLE}: {@code (unsigned long long) -1}. */
  static final long VALUE_NOT_AVAILABLE = -1L;

  /** GPU and compute instance ids are all ones when the process or event has no MIG instance. */
  static final int NO_INSTANCE = 0xFFFFFFFF;

  static final int PSTATE_UNKNOWN = 32;

  private NvmlUnits() {}

  static OptionalDouble wattsFromMilliwatts(OptionalLong milliwatts) {
    return milliwatts.isPresent()
        ? OptionalDouble.of(milliwatts.getAsLong() / 1000.0)
        : OptionalDouble.empty();
  }

  /** The energy counter is an unsigned 64-bit count of millijoules. */
  static OptionalDouble joulesFromMillijoules(OptionalLong millijoules) {
    if (millijoules.isEmpty() || millijoules.getAsLong() == VALUE_NOT_AVAILABLE) {
      return OptionalDouble.empty();
    }
    long mj = millijoules.getAsLong();
    double unsigned = mj >= 0 ? mj : (mj >>> 1) * 2.0 + (mj & 1);
    return OptionalDouble.of(unsigned / 1000.0);
  }

  static OptionalLong hertzFromMegahertz(OptionalLong megahertz) {
    return megahertz.isPresent()
        ? OptionalLong.of(megahertz.getAsLong() * 1_000_000L)
        : OptionalLong.empty();
  }

  /**
   * NVML documents PCIe throughput in "KB/s"; like the memory sizes NVIDIA reports in KB/MB, it
   * is taken as binary kilobytes.
   */
  static OptionalLong bytesPerSecondFromKilobytes(OptionalLong kilobytesPerSecond) {
    return kilobytesPerSecond.isPresent()
        ? OptionalLong.of(kilobytesPerSecond.getAsLong() * 1024L)
        : OptionalLong.empty();
  }

  /** Counters and sizes; all ones means the driver has no value. */
  static OptionalLong counter(OptionalLong raw) {
    return raw.isPresent() && raw.getAsLong() == VALUE_NOT_AVAILABLE ? OptionalLong.empty() : raw;
  }

  /** Percentages, degrees Celsius, ids: small unsigned ints. */
  static OptionalInt asInt(OptionalLong raw) {
    return raw.isPresent() ? OptionalInt.of((int) raw.getAsLong()) : OptionalInt.empty();
  }

  static OptionalInt performanceState(OptionalLong raw) {
    return raw.isPresent() && raw.getAsLong() >= 0 && raw.getAsLong() < PSTATE_UNKNOWN
        ? OptionalInt.of((int) raw.getAsLong())
        : OptionalInt.empty();
  }

  static OptionalInt instanceId(int raw) {
    return raw == NO_INSTANCE ? OptionalInt.empty() : OptionalInt.of(raw);
  }

  /** {@code nvmlSystemGetCudaDriverVersion} encodes 12.4 as 12040. */
  static String cudaVersion(int encoded) {
    return (encoded / 1000) + "." + (encoded % 1000) / 10;
  }

  /** NVML's own bus id format, used when only the legacy 16-byte form or the numbers exist. */
  static String pciBusId(int domain, int bus, int device) {
    return String.format("%08X:%02X:%02X.0", domain, bus, device);
  }
}
