package io.argus.gpu.control.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.gpu.entity.DriverVersions;
import io.argus.gpu.entity.GpuFault;
import io.argus.gpu.entity.GpuMemory;
import io.argus.gpu.entity.GpuProcess;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.gpu.entity.MigInstance;
import io.argus.gpu.entity.XidEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The real JNA binding against the fake library of a current driver. */
class NvmlGpuProbeIT {

  private static final Path LIBRARY = FakeNvml.library("current");
  private static final String UUID = "GPU-5d0b5e5a-1f9e-4b43-9a4e-0123456789a";
  private static final long MEMORY_TOTAL = 85_520_809_984L;

  /** The per-GPU values of h100x8.scenario. */
  private record Expected(int index, String bus, int util, int memUtil, long used, long free,
      int temp, double watts, long clockMhz, long txKb, long rxKb, long eccCorrected,
      long reasons) {}

  private static final List<Expected> H100X8 = List.of(
      new Expected(0, "18", 87, 41, 25_520_809_984L, 60_000_000_000L, 64, 612.345, 1755, 1200,
          34000, 0, 0x4),
      new Expected(1, "2A", 0, 0, 650_117_120L, 84_870_692_864L, 31, 71.0, 345, 0, 0, 12, 0x1),
      new Expected(2, "3A", 100, 78, 80_000_000_000L, 5_520_809_984L, 71, 699.0, 1980, 500, 800,
          0, 0x0),
      new Expected(3, "5D", 55, 20, 40_000_000_000L, 45_520_809_984L, 58, 420.0, 1600, 100, 200,
          0, 0x0),
      new Expected(4, "9A", 12, 3, 10_000_000_000L, 75_520_809_984L, 40, 150.0, 1200, 10, 20, 0,
          0x0),
      new Expected(5, "AB", 99, 60, 70_000_000_000L, 15_520_809_984L, 83, 700.0, 1410, 300, 400,
          0, 0x64),
      new Expected(6, "BA", 33, 11, 20_000_000_000L, 65_520_809_984L, 49, 300.0, 1500, 50, 60, 0,
          0x0),
      new Expected(7, "DB", 1, 0, 700_000_000L, 84_820_809_984L, 33, 75.5, 345, 0, 1, 0, 0x1));

  @Test
  void readsEveryValueOfAnEightGpuH100Node() {
    FakeNvml fake = FakeNvml.with("current", "h100x8");
    try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.of(LIBRARY.toString()))) {
      GpuReadout readout = probe.read();

      assertThat(probe.available()).isTrue();
      assertThat(readout.backend()).isEqualTo("nvml");
      assertThat(readout.versions()).isEqualTo(new DriverVersions(Optional.of("550.54.15"),
          Optional.of("12.550.54.15"), Optional.of("12.4")));
      assertThat(readout.faults()).isEmpty();
      assertThat(readout.gpus()).hasSize(8);
      for (Expected e : H100X8) {
        GpuSnapshot gpu = readout.gpus().get(e.index());
        String at = "GPU " + e.index();
        assertThat(gpu.identity().index()).as(at).isEqualTo(e.index());
        assertThat(gpu.uuid()).as(at).isEqualTo(UUID + e.index());
        assertThat(gpu.identity().name()).as(at).hasValue("NVIDIA H100 80GB HBM3");
        assertThat(gpu.identity().serial()).as(at).hasValue("165492200010" + e.index());
        assertThat(gpu.identity().pciBusId()).as(at).hasValue("00000000:" + e.bus() + ":00.0");
        assertThat(gpu.identity().minorNumber()).as(at).hasValue(e.index());
        assertThat(gpu.identity().device()).as(at).hasValue("nvidia" + e.index());
        assertThat(gpu.gpuUtilizationPercent()).as(at).hasValue(e.util());
        assertThat(gpu.memoryUtilizationPercent()).as(at).hasValue(e.memUtil());
        assertThat(gpu.memory()).as(at).isEqualTo(new GpuMemory(OptionalLong.of(MEMORY_TOTAL),
            OptionalLong.of(e.used()), OptionalLong.of(e.free()), OptionalLong.of(650_117_120L)));
        assertThat(gpu.temperatureCelsius()).as(at).hasValue(e.temp());
        assertThat(gpu.powerUsageWatts()).as(at).hasValue(e.watts());
        assertThat(gpu.powerLimitWatts()).as(at).hasValue(700.0);
        assertThat(gpu.clocks().graphicsHz()).as(at).hasValue(e.clockMhz() * 1_000_000);
        assertThat(gpu.clocks().smHz()).as(at).hasValue(e.clockMhz() * 1_000_000);
        assertThat(gpu.clocks().memoryHz()).as(at).hasValue(2_619_000_000L);
        assertThat(gpu.clocks().maxGraphicsHz()).as(at).hasValue(1_980_000_000L);
        assertThat(gpu.clocks().maxSmHz()).as(at).hasValue(1_980_000_000L);
        assertThat(gpu.clocks().maxMemoryHz()).as(at).hasValue(2_619_000_000L);
        assertThat(gpu.fanSpeedPercent()).as(at + ": SXM boards have no fan").isEmpty();
        assertThat(gpu.performanceState()).as(at).hasValue(0);
        assertThat(gpu.encoderUtilizationPercent()).as(at).hasValue(0);
        assertThat(gpu.decoderUtilizationPercent()).as(at).hasValue(0);
        assertThat(gpu.pcieTxBytesPerSecond()).as(at).hasValue(e.txKb() * 1024);
        assertThat(gpu.pcieRxBytesPerSecond()).as(at).hasValue(e.rxKb() * 1024);
        assertThat(gpu.eccCorrectedErrors()).as(at).hasValue(e.eccCorrected());
        assertThat(gpu.eccUncorrectedErrors()).as(at).hasValue(0);
        assertThat(gpu.clockEventReasons()).as(at).hasValue(e.reasons());
        assertThat(gpu.migEnabled()).as(at).isFalse();
        assertThat(gpu.migInstances()).as(at).isEmpty();
      }
      assertThat(readout.gpus().get(1).totalEnergyJoules()).hasValue(123_456.789);
      assertThat(readout.gpus().get(7).totalEnergyJoules()).hasValue(7_000_000.0);
      assertThat(readout.gpus().get(0).totalEnergyJoules().getAsDouble())
          .as("an unsigned 64-bit millijoule count above 2^63")
          .isCloseTo(18_446_744_073_709_551.0, within(4.0));
      assertThat(readout.gpus().get(0).processes()).containsExactly(
          new GpuProcess(4242, OptionalLong.of(21_474_836_480L), OptionalInt.empty(),
              OptionalInt.empty()),
          new GpuProcess(4343, OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty()));
      assertThat(readout.gpus().get(2).processes()).containsExactly(
          new GpuProcess(5001, OptionalLong.of(79_000_000_000L), OptionalInt.empty(),
              OptionalInt.empty()));
      assertThat(readout.gpus().get(1).processes()).isEmpty();
      // NVML promises no order across GPUs, only per GPU
      assertThat(readout.xidEvents()).containsExactlyInAnyOrder(
          new XidEvent(4, UUID + 4, 13, OptionalInt.empty(), OptionalInt.empty()),
          new XidEvent(6, UUID + 6, 31, OptionalInt.empty(), OptionalInt.empty()),
          new XidEvent(6, UUID + 6, 43, OptionalInt.empty(), OptionalInt.empty()));
      assertThat(readout.xidEvents().stream().filter(x -> x.gpuIndex() == 6).map(XidEvent::xid))
          .containsExactly(31L, 43L);
      assertThat(fake.fakeNvmlRefCount()).isEqualTo(1);
    }
    assertThat(fake.fakeNvmlRefCount()).as("closing shuts NVML down").isZero();
  }

  @Test
  void unsupportedValuesAreAskedOncePerSessionAndXidsAreDeliveredOnce() {
    FakeNvml.with("current", "h100x8");
    try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.of(LIBRARY.toString()))) {
      GpuReadout first = probe.read();
      GpuReadout second = probe.read();

      // eight fanless GPUs: one NOT_SUPPORTED each, not one per read
      assertThat(probe.errorCounts()).containsEntry("NOT_SUPPORTED", 8L);
      assertThat(first.xidEvents()).hasSize(3);
      assertThat(second.xidEvents()).isEmpty();
      assertThat(second.gpus()).isEqualTo(first.gpus());
    }
  }

  @Test
  void readsMigInstancesOfAMigEnabledGpu() {
    FakeNvml.with("current", "mig");
    try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.of(LIBRARY.toString()))) {
      GpuReadout readout = probe.read();

      assertThat(readout.gpus()).hasSize(2);
      GpuSnapshot mig = readout.gpus().get(0);
      assertThat(mig.migEnabled()).isTrue();
      assertThat(mig.gpuUtilizationPercent()).as("not supported on MIG-enabled GPUs").isEmpty();
      assertThat(mig.memoryUtilizationPercent()).isEmpty();
      assertThat(mig.temperatureCelsius()).hasValue(50);
      assertThat(mig.migInstances()).containsExactly(
          new MigInstance(0, "MIG-11111111-0000-4000-8000-000000000000",
              Optional.of("NVIDIA H100 80GB HBM3 MIG 3g.40gb"), OptionalInt.of(1),
              OptionalInt.of(0), memory(42_144_366_592L, 20_000_000_000L, 22_144_366_592L),
              List.of(new GpuProcess(7001, OptionalLong.of(19_000_000_000L), OptionalInt.of(1),
                  OptionalInt.of(0)))),
          new MigInstance(1, "MIG-22222222-0000-4000-8000-000000000000",
              Optional.of("NVIDIA H100 80GB HBM3 MIG 2g.20gb"), OptionalInt.of(5),
              OptionalInt.of(0), memory(21_072_183_296L, 1_000_000_000L, 20_072_183_296L),
              List.of()),
          new MigInstance(3, "MIG-33333333-0000-4000-8000-000000000000",
              Optional.of("NVIDIA H100 80GB HBM3 MIG 1g.10gb"), OptionalInt.of(13),
              OptionalInt.of(0), memory(10_468_982_784L, 5_000_000_000L, 5_468_982_784L),
              List.of(
                  new GpuProcess(7003, OptionalLong.of(4_000_000_000L), OptionalInt.of(13),
                      OptionalInt.of(0)),
                  new GpuProcess(7004, OptionalLong.of(900_000_000L), OptionalInt.of(13),
                      OptionalInt.of(0)))));
      assertThat(readout.xidEvents()).containsExactly(new XidEvent(0,
          "GPU-aaaaaaaa-0000-4000-8000-000000000000", 94, OptionalInt.empty(),
          OptionalInt.empty()));

      GpuSnapshot plain = readout.gpus().get(1);
      assertThat(plain.migEnabled()).isFalse();
      assertThat(plain.migInstances()).isEmpty();
      assertThat(plain.gpuUtilizationPercent()).hasValue(50);
      assertThat(probe.errorCounts()).doesNotContainKeys("NOT_FOUND", "INVALID_ARGUMENT");
    }
  }

  @Test
  void unsupportedAndForbiddenValuesAreAbsent() {
    FakeNvml.with("current", "not-supported");
    try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.of(LIBRARY.toString()))) {
      GpuReadout readout = probe.read();

      assertThat(readout.versions().cuda()).isEmpty();
      assertThat(readout.gpus()).hasSize(1);
      GpuSnapshot gpu = readout.gpus().get(0);
      assertThat(gpu.uuid()).isEqualTo("GPU-cccccccc-0000-4000-8000-000000000000");
      assertThat(gpu.identity().name()).hasValue("NVIDIA GeForce RTX 4090");
      assertThat(gpu.identity().pciBusId()).hasValue("00000000:01:00.0");
      assertThat(gpu.identity().serial()).isEmpty();
      assertThat(gpu.gpuUtilizationPercent()).hasValue(7);
      assertThat(gpu.memory()).as("v1 after the v2 struct version was refused")
          .isEqualTo(new GpuMemory(OptionalLong.of(25_757_220_864L),
              OptionalLong.of(1_073_741_824L), OptionalLong.of(24_683_479_040L),
              OptionalLong.empty()));
      assertThat(gpu.temperatureCelsius()).hasValue(45);
      assertThat(gpu.powerUsageWatts()).as("NO_PERMISSION").isEmpty();
      assertThat(gpu.powerLimitWatts()).hasValue(450.0);
      assertThat(gpu.fanSpeedPercent()).hasValue(30);
      assertThat(gpu.clocks().smHz()).hasValue(210_000_000L);
      assertThat(gpu.clocks().maxSmHz()).isEmpty();
      assertThat(gpu.totalEnergyJoules()).isEmpty();
      assertThat(gpu.performanceState()).isEmpty();
      assertThat(gpu.encoderUtilizationPercent()).isEmpty();
      assertThat(gpu.decoderUtilizationPercent()).isEmpty();
      assertThat(gpu.pcieTxBytesPerSecond()).isEmpty();
      assertThat(gpu.pcieRxBytesPerSecond()).isEmpty();
      assertThat(gpu.eccCorrectedErrors()).isEmpty();
      assertThat(gpu.eccUncorrectedErrors()).isEmpty();
      assertThat(gpu.clockEventReasons()).isEmpty();
      assertThat(gpu.migEnabled()).isFalse();
      assertThat(readout.faults()).containsExactly(
          new GpuFault(1, Optional.empty(), "NO_PERMISSION", false));
      assertThat(probe.errorCounts()).containsEntry("NO_PERMISSION", 2L)
          .containsEntry("ARGUMENT_VERSION_MISMATCH", 1L)
          .doesNotContainKey("GPU_IS_LOST");

      probe.read();
      assertThat(probe.errorCounts()).as("a readable GPU's NO_PERMISSION is not asked again")
          .containsEntry("NO_PERMISSION", 2L);
    }
  }

  private static GpuMemory memory(long total, long used, long free) {
    return new GpuMemory(OptionalLong.of(total), OptionalLong.of(used), OptionalLong.of(free),
        OptionalLong.of(0));
  }
}
