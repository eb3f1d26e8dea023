package io.argus.host.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DeltasTest {

  // OSHI's layout: user, nice, system, idle, iowait, irq, softirq, steal
  @Test
  void busyPercentCountsEverythingButIdleAndIowait() {
    long[] before = {100, 0, 50, 800, 50, 0, 0, 0};
    long[] after = {130, 0, 60, 850, 60, 0, 0, 0};

    // 40 busy ticks out of 100
    assertThat(Deltas.busyPercent(before, after)).hasValueCloseTo(40.0, within(1e-9));
  }

  @Test
  void busyPercentIsAbsentWhenNoTickPassed() {
    long[] ticks = {100, 0, 50, 800, 50, 0, 0, 0};

    assertThat(Deltas.busyPercent(ticks, ticks.clone())).isEmpty();
  }

  @Test
  void busyPercentIsAbsentWhenTicksWentBackwards() {
    long[] before = {100, 0, 50, 800, 50, 0, 0, 0};
    long[] after = {10, 0, 5, 80, 5, 0, 0, 0};

    assertThat(Deltas.busyPercent(before, after)).isEmpty();
  }

  @Test
  void busyPercentIsAbsentWhenLayoutsDiffer() {
    assertThat(Deltas.busyPercent(new long[8], new long[7])).isEmpty();
    assertThat(Deltas.busyPercent(null, new long[8])).isEmpty();
  }

  @Test
  void fullyBusyAndFullyIdleAreTheBounds() {
    long[] zero = new long[8];
    assertThat(Deltas.busyPercent(zero, new long[] {70, 10, 20, 0, 0, 0, 0, 0})).hasValue(100.0);
    assertThat(Deltas.busyPercent(zero, new long[] {0, 0, 0, 90, 10, 0, 0, 0})).hasValue(0.0);
  }

  @Test
  void perSecondDividesTheCounterDeltaByTheInterval() {
    assertThat(Deltas.perSecond(1_000, 3_000, 0.5)).hasValue(4_000.0);
  }

  @Test
  void perSecondIsAbsentWithoutElapsedTimeOrAfterAReset() {
    assertThat(Deltas.perSecond(1_000, 3_000, 0)).isEmpty();
    assertThat(Deltas.perSecond(1_000, 3_000, -1)).isEmpty();
    assertThat(Deltas.perSecond(1_000, 3_000, Double.NaN)).isEmpty();
    assertThat(Deltas.perSecond(3_000, 1_000, 1)).isEmpty();
  }
}
