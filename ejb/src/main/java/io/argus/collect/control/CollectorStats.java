package io.argus.collect.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** How the collector is doing: cycles run, ticks skipped, what the last cycle cost, when it last succeeded. */
public final class CollectorStats {

  private final AtomicLong cycles = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong lastWallNanos = new AtomicLong();
  private final AtomicLong lastCpuNanos = new AtomicLong(-1);
  private final AtomicLong totalCpuNanos = new AtomicLong();
  private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

  /** A read-only view for gauges and health. */
  public record View(
      long cycles, long skipped, long failures, Duration lastCycle, Optional<Duration> lastCycleCpu,
      Duration totalCpu, Optional<Instant> lastSuccess) {}

  void cycleDone(long wallNanos, long cpuNanos, Instant at) {
    cycles.incrementAndGet();
    lastWallNanos.set(wallNanos);
    lastCpuNanos.set(cpuNanos);
    if (cpuNanos > 0) {
      totalCpuNanos.addAndGet(cpuNanos);
    }
    lastSuccess.set(at);
  }

  void cycleFailed() {
    failures.incrementAndGet();
  }

  void tickSkipped() {
    skipped.incrementAndGet();
  }

  public View view() {
    long cpu = lastCpuNanos.get();
    return new View(cycles.get(), skipped.get(), failures.get(), Duration.ofNanos(lastWallNanos.get()),
        cpu < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(cpu)), Duration.ofNanos(totalCpuNanos.get()),
        Optional.ofNullable(lastSuccess.get()));
  }
}
