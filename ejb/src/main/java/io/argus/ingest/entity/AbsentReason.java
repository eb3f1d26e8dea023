package io.argus.ingest.entity;

/** Why a reported value is absent rather than a number: such values are counted, never stored. */
public enum AbsentReason {
  /** The exporter wrote NaN. */
  NAN,
  /** The exporter wrote +Inf or -Inf, which no JSON client can read back. */
  INFINITE,
  /** One of DCGM's blank values for an int32, int64 or fp64 field (not found, not supported, ...). */
  DCGM_BLANK,
  /** The all-ones 32-bit value NVML and nvidia-smi use for "not available". */
  NOT_AVAILABLE,
  /** The batch row left the value empty. */
  EMPTY
}
