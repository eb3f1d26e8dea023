package io.argus.gpu.control.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.gpu.control.MutableClock;
import io.argus.gpu.entity.GpuFault;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lost GPUs and failing drivers: faults, then re-initialisation once the interval has passed. */
class NvmlRecoveryIT {

  private static final Path LIBRARY = FakeNvml.library("current");
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final String GPU3 = "GPU-5d0b5e5a-1f9e-4b43-9a4e-0123456789a3";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private NvmlGpuProbe probe() {
    return new NvmlGpuProbe(Optional.of(LIBRARY.toString()), INTERVAL, clock);
  }

  @Test
  void aGpuLostBetweenReadsIsReportedAndBackAfterReinitialisation() {
    FakeNvml fake = FakeNvml.with("current", "h100x8");
    try (NvmlGpuProbe probe = probe()) {
      assertThat(probe.read().gpus()).hasSize(8);
      int inits = fake.fakeNvmlInitCount();

      fake.fakeNvmlLoseGpu(3);
      clock.advance(Duration.ofSeconds(5));
      GpuReadout lost = probe.read();

      assertThat(lost.gpus()).extracting(GpuSnapshot::index).containsExactly(0, 1, 2, 4, 5, 6, 7);
      assertThat(lost.faults()).containsExactly(
          new GpuFault(3, Optional.of(GPU3), "GPU_IS_LOST", true));
      assertThat(probe.errorCounts()).containsEntry("GPU_IS_LOST", 1L);

      clock.advance(Duration.ofSeconds(5));
      assertThat(probe.read().faults()).as("not re-initialised before the interval").hasSize(1);
      assertThat(fake.fakeNvmlInitCount()).isEqualTo(inits);

      clock.advance(INTERVAL);
      GpuReadout recovered = probe.read();

      assertThat(fake.fakeNvmlInitCount()).isEqualTo(inits + 1);
      assertThat(fake.fakeNvmlRefCount()).as("the old session was shut down").isEqualTo(1);
      assertThat(recovered.faults()).isEmpty();
      assertThat(recovered.gpus()).hasSize(8);
      assertThat(recovered.gpu(GPU3).orElseThrow().temperatureCelsius()).hasValue(58);
    }
  }

  @Test
  void aGpuLostAtEnumerationIsAFaultWhileTheOthersAreRead() {
    FakeNvml.with("current", "lost");
    try (NvmlGpuProbe probe = probe()) {
      GpuReadout readout = probe.read();

      assertThat(readout.gpus()).extracting(GpuSnapshot::uuid)
          .containsExactly("GPU-eeeeeeee-0000-4000-8000-000000000000");
      assertThat(readout.gpus().get(0).temperatureCelsius()).hasValue(40);
      assertThat(readout.faults()).containsExactly(
          new GpuFault(1, Optional.empty(), "GPU_IS_LOST", true));
    }
  }

  @Test
  void aDriverThatIsNotLoadedYieldsNoGpusUntilItIs() {
    FakeNvml fake = FakeNvml.with("current", "driver-not-loaded");
    try (NvmlGpuProbe probe = probe()) {
      GpuReadout readout = probe.read();

      assertThat(probe.available()).isTrue();
      assertThat(readout.available()).isTrue();
      assertThat(readout.gpus()).isEmpty();
      assertThat(probe.errorCounts()).containsEntry("DRIVER_NOT_LOADED", 1L);

      fake.fakeNvmlSetScenario(FakeNvml.scenario("h100x8").toString());
      clock.advance(Duration.ofSeconds(5));
      assertThat(probe.read().gpus()).as("retried only after the interval").isEmpty();
      assertThat(probe.errorCounts()).containsEntry("DRIVER_NOT_LOADED", 1L);

      clock.advance(INTERVAL);
      assertThat(probe.read().gpus()).hasSize(8);
    }
    assertThat(fake.fakeNvmlRefCount()).isZero();
  }
}
