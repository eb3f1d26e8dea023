package io.argus.host.control;

import java.util.OptionalDouble;
import oshi.hardware.CentralProcessor.TickType;

/** Usage and rates derived from two readings of monotonically increasing counters. */
final class Deltas {

  private static final int IDLE = TickType.IDLE.getIndex();
  private static final int IOWAIT = TickType.IOWAIT.getIndex();

  private Deltas() {}

  /**
   * Busy percent between two readings of OSHI's tick array; I/O wait counts as idle, as top and
   * psutil count it, because the CPU was free to run something else.
   */
  static OptionalDouble busyPercent(long[] before, long[] after) {
    if (before == null || after == null || before.length != after.length
        || after.length <= Math.max(IDLE, IOWAIT)) {
      return OptionalDouble.empty();
    }
    long total = 0;
    for (int i = 0; i < after.length; i++) {
      long delta = after[i] - before[i];
      if (delta < 0) {
        // a core that went offline and came back restarts its ticks
        return OptionalDouble.empty();
      }
      total += delta;
    }
    if (total == 0) {
      return OptionalDouble.empty();
    }
    long idle = (after[IDLE] - before[IDLE]) + (after[IOWAIT] - before[IOWAIT]);
    double busy = 100.0 * (total - idle) / total;
    return OptionalDouble.of(Math.max(0.0, Math.min(100.0, busy)));
  }

  /** Per-second rate of a counter; absent when no time passed or the counter was reset. */
  static OptionalDouble perSecond(long before, long after, double seconds) {
    if (!(seconds > 0) || after < before) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((after - before) / seconds);
  }
}
