package io.argus.gpu.control.nvml;

/** NVML return codes and how Argus treats each. */
enum NvmlReturn {
  SUCCESS(0),
  UNINITIALIZED(1),
  INVALID_ARGUMENT(2),
  NOT_SUPPORTED(3),
  NO_PERMISSION(4),
  ALREADY_INITIALIZED(5),
  NOT_FOUND(6),
  INSUFFICIENT_SIZE(7),
  INSUFFICIENT_POWER(8),
  DRIVER_NOT_LOADED(9),
  TIMEOUT(10),
  IRQ_ISSUE(11),
  LIBRARY_NOT_FOUND(12),
  FUNCTION_NOT_FOUND(13),
  CORRUPTED_INFOROM(14),
  GPU_IS_LOST(15),
  RESET_REQUIRED(16),
  OPERATING_SYSTEM(17),
  LIB_RM_VERSION_MISMATCH(18),
  IN_USE(19),
  MEMORY(20),
  NO_DATA(21),
  VGPU_ECC_NOT_SUPPORTED(22),
  INSUFFICIENT_RESOURCES(23),
  FREQ_NOT_SUPPORTED(24),
  ARGUMENT_VERSION_MISMATCH(25),
  DEPRECATED(26),
  NOT_READY(27),
  GPU_NOT_FOUND(28),
  INVALID_STATE(29),
  RESET_TYPE_NOT_SUPPORTED(30),
  UNKNOWN(999),
  /** A code newer than this table. */
  UNRECOGNIZED(-1);

  private static final NvmlReturn[] BY_CODE = new NvmlReturn[31];

  static {
    for (NvmlReturn r : values()) {
      if (r.code >= 0 && r.code < BY_CODE.length) {
        BY_CODE[r.code] = r;
      }
    }
  }

  final int code;

  NvmlReturn(int code) {
    this.code = code;
  }

  static NvmlReturn of(int code) {
    if (code >= 0 && code < BY_CODE.length) {
      return BY_CODE[code];
    }
    return code == UNKNOWN.code ? UNKNOWN : UNRECOGNIZED;
  }

  /** The name error counts are kept under; unrecognised codes keep their number. */
  static String nameOf(int code) {
    NvmlReturn r = of(code);
    return r == UNRECOGNIZED ? "CODE_" + code : r.name();
  }

  /**
   * The device or the caller cannot provide this value, and asking again before the driver is
   * re-initialised will not change that.
   */
  boolean absentForSession() {
    return switch (this) {
      case NOT_SUPPORTED, NO_PERMISSION, FUNCTION_NOT_FOUND, DEPRECATED -> true;
      default -> false;
    };
  }

  /**
   * The GPU or the driver is gone: the reading is abandoned and NVML re-initialised later,
   * as the NVIDIA exporters do for the same codes.
   */
  boolean lifecycle() {
    return switch (this) {
      case UNINITIALIZED, DRIVER_NOT_LOADED, GPU_IS_LOST, RESET_REQUIRED,
          LIB_RM_VERSION_MISMATCH, GPU_NOT_FOUND, UNKNOWN -> true;
      default -> false;
    };
  }
}
