package io.argus.gpu.control.nvml;

/** A lifecycle-class NVML error that abandons the current device or read. */
final class NvmlLost extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final transient NvmlReturn code;

  NvmlLost(String function, NvmlReturn code) {
    // no stack trace: this is control flow on a hot path, not a bug report
    super(function + " returned " + code, null, false, false);
    this.code = code;
  }
}
