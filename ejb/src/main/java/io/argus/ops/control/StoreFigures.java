package io.argus.ops.control;

/**
 * What the telemetry store reports to {@code /stats}: samples written since start and samples
 * waiting to be written. Implemented by the store when it is deployed; absent, {@code /stats}
 * leaves these figures out.
 */
public interface StoreFigures {

  /** Samples stored since the process started. */
  long samplesWritten();

  /** Samples accepted but not yet stored (in memory and spilled). */
  long writeBacklog();
}
