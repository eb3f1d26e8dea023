package io.argus.host.control;

import io.argus.host.entity.HostInfo;

/** Where raw host figures come from: OSHI on a real machine, a fake in tests. */
interface HostReader {

  /** Counters and gauges as they are now; usage and rates are left for the probe to derive. */
  HostReading read();

  HostInfo info();
}
