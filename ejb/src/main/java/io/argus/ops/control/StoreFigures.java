package io.argus.ops.control;

import java.util.OptionalLong;

/**
 * What the telemetry store reports to {@code /stats}: samples written since start, samples waiting
 * to be written and the hosts it knows. Implemented by the store when it is deployed; absent,
 * {@code /stats} leaves these figures out.
 */
public interface StoreFigures {

  /** Samples stored since the process started. */
  long samplesWritten();

  /** Samples accepted but not yet stored (in memory and spilled). */
  long writeBacklog();

  /** Hosts in the store (read at most once per GPU cache time to live); empty when it cannot be read now. */
  OptionalLong hostsKnown();
}
