package io.argus.gpu.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedGpuProbeTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void readsTheConfiguredNumberOfDistinctGpus() {
    try (SimulatedGpuProbe probe = new SimulatedGpuProbe(8, 7, clock)) {
      GpuReadout readout = probe.read();

      assertThat(readout.backend()).isEqualTo("simulated");
      assertThat(readout.available()).isTrue();
      assertThat(readout.gpus()).extracting(GpuSnapshot::index)
          .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
      assertThat(readout.gpus()).extracting(GpuSnapshot::uuid).doesNotHaveDuplicates()
          .allMatch(uuid -> uuid.startsWith("GPU-"));
      assertThat(readout.faults()).isEmpty();
    }
  }

  @Test
  void valuesStayPlausibleOverAnHour() {
    try (SimulatedGpuProbe probe = new SimulatedGpuProbe(4, 7, clock)) {
      for (int minute = 0; minute < 60; minute++) {
        for (GpuSnapshot gpu : probe.read().gpus()) {
          assertThat(gpu.gpuUtilizationPercent().getAsInt()).isBetween(0, 100);
          assertThat(gpu.temperatureCelsius().getAsInt()).isBetween(30, 85);
          assertThat(gpu.powerUsageWatts().getAsDouble())
              .isBetween(60.0, gpu.powerLimitWatts().getAsDouble());
          long total = gpu.memory().totalBytes().getAsLong();
          assertThat(gpu.memory().usedBytes().getAsLong() + gpu.memory().freeBytes().getAsLong())
              .isEqualTo(total);
          assertThat(gpu.clocks().smHz().getAsLong())
              .isLessThanOrEqualTo(gpu.clocks().maxSmHz().getAsLong());
        }
        clock.advance(Duration.ofMinutes(1));
      }
    }
  }

  @Test
  void valuesMoveAndEnergyOnlyGrows() {
    try (SimulatedGpuProbe probe = new SimulatedGpuProbe(2, 7, clock)) {
      GpuSnapshot before = probe.read().gpus().get(0);
      double energy = before.totalEnergyJoules().getAsDouble();
      boolean moved = false;
      for (int i = 0; i < 20; i++) {
        clock.advance(Duration.ofSeconds(15));
        GpuSnapshot now = probe.read().gpus().get(0);
        moved |= !now.gpuUtilizationPercent().equals(before.gpuUtilizationPercent());
        assertThat(now.totalEnergyJoules().getAsDouble()).isGreaterThan(energy);
        energy = now.totalEnergyJoules().getAsDouble();
      }
      assertThat(moved).isTrue();
    }
  }

  @Test
  void sameSeedAndClockGiveTheSameReadout() {
    MutableClock other = new MutableClock(clock.instant());
    try (SimulatedGpuProbe a = new SimulatedGpuProbe(3, 11, clock);
        SimulatedGpuProbe b = new SimulatedGpuProbe(3, 11, other)) {
      clock.advance(Duration.ofSeconds(42));
      other.advance(Duration.ofSeconds(42));

      assertThat(a.read()).isEqualTo(b.read());
    }
  }

  @Test
  void aClosedProbeRefusesToRead() {
    SimulatedGpuProbe probe = new SimulatedGpuProbe(1, 7, clock);
    probe.close();

    assertThatThrownBy(probe::read).isInstanceOf(IllegalStateException.class);
  }
}
