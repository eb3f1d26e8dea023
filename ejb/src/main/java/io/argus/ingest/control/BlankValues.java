package io.argus.ingest.control;

import io.argus.ingest.entity.AbsentReason;
import io.argus.telemetry.entity.MetricKind;
import java.util.Optional;

/**
 * Recognises the values that drivers and exporters write when they have no number: NaN, infinities,
 * DCGM's blanks (dcgm_structs.h: {@code DCGM_INT32_BLANK} 0x7ffffff0, {@code DCGM_INT64_BLANK}
 * 0x7ffffffffffffff0 and {@code DCGM_FP64_BLANK} 2^47, each followed by its NOT_FOUND,
 * NOT_SUPPORTED and NOT_PERMISSIONED values, up to the type's maximum) and NVML's all-ones
 * "not available" (4294967295 for 32 bits, 2^64-1 for 64 bits).
 */
public final class BlankValues {

  private static final double INT32_BLANK = 0x7ffffff0;
  private static final double INT32_MAX = Integer.MAX_VALUE;
  private static final double UINT32_NOT_AVAILABLE = 0xffffffffL;
  /** Every int64 blank from 0x7ffffffffffffff0 up reads as 2^63 once a double. */
  private static final double INT64_BLANK_AS_DOUBLE = 0x1p63;
  /** 2^64-1 reads as 2^64 once a double. */
  private static final double UINT64_NOT_AVAILABLE_AS_DOUBLE = 0x1p64;
  private static final double FP64_BLANK = 0x1p47;
  /** DCGM reserves 2^47 to 2^47+15 for fp64 blanks; 2^47 still counts in steps of 1. */
  private static final double FP64_BLANK_END = FP64_BLANK + 16;

  private BlankValues() {}

  /**
   * Why the value is absent, or empty when it is a number to store.
   *
   * @param kind of the dictionary metric; the 32-bit sentinels are not applied to counters, whose
   *     DCGM and NVML fields are 64-bit and pass through 2147483632..4294967295 as real totals
   */
  public static Optional<AbsentReason> classify(double value, MetricKind kind) {
    if (Double.isNaN(value)) {
      return Optional.of(AbsentReason.NAN);
    }
    if (Double.isInfinite(value)) {
      return Optional.of(AbsentReason.INFINITE);
    }
    if (value >= UINT64_NOT_AVAILABLE_AS_DOUBLE) {
      return Optional.of(AbsentReason.NOT_AVAILABLE);
    }
    if (value >= INT64_BLANK_AS_DOUBLE) {
      return Optional.of(AbsentReason.DCGM_BLANK);
    }
    if (value >= FP64_BLANK && value < FP64_BLANK_END && value == Math.rint(value)) {
      return Optional.of(AbsentReason.DCGM_BLANK);
    }
    if (kind != MetricKind.COUNTER) {
      if (value >= INT32_BLANK && value <= INT32_MAX && value == Math.rint(value)) {
        return Optional.of(AbsentReason.DCGM_BLANK);
      }
      if (value == UINT32_NOT_AVAILABLE) {
        return Optional.of(AbsentReason.NOT_AVAILABLE);
      }
    }
    return Optional.empty();
  }
}
