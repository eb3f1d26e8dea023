package io.argus.gpu.control.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.gpu.entity.DriverVersions;
import io.argus.gpu.entity.GpuMemory;
import io.argus.gpu.entity.GpuProcess;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.gpu.entity.XidEvent;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Drivers older than the versioned entry points, the R535 ABI break, and no driver at all. */
class NvmlDriverVariantsIT {

  @Test
  void anOldDriverIsReadThroughTheLegacyEntryPoints() {
    Path library = FakeNvml.library("old");
    FakeNvml.with("old", "old-driver");
    try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.of(library.toString()))) {
      GpuReadout readout = probe.read();

      assertThat(readout.versions()).isEqualTo(new DriverVersions(Optional.of("418.87.01"),
          Optional.of("10.418.87.01"), Optional.of("10.1")));
      assertThat(readout.gpus()).hasSize(2);
      GpuSnapshot gpu = readout.gpus().get(0);
      assertThat(gpu.uuid()).isEqualTo("GPU-10000000-0000-4000-8000-000000000000");
      assertThat(gpu.identity().name()).hasValue("Tesla V100-SXM2-32GB");
      assertThat(gpu.identity().pciBusId()).as("rebuilt from the legacy struct")
          .hasValue("00000000:06:00.0");
      assertThat(gpu.memory()).as("v1 memory: no reserved figure").isEqualTo(new GpuMemory(
          OptionalLong.of(34_089_730_048L), OptionalLong.of(1_000_000_000L),
          OptionalLong.of(33_089_730_048L), OptionalLong.empty()));
      assertThat(gpu.temperatureCelsius()).hasValue(38);
      assertThat(gpu.clockEventReasons()).as("through the throttle-reasons call").hasValue(0x1);
      assertThat(gpu.processes()).as("16-byte v1 elements").containsExactly(
          new GpuProcess(3100, OptionalLong.of(800_000_000L), OptionalInt.empty(),
              OptionalInt.empty()),
          new GpuProcess(3101, OptionalLong.of(150_000_000L), OptionalInt.empty(),
              OptionalInt.empty()));
      assertThat(readout.gpus().get(1).identity().pciBusId()).hasValue("00000000:07:00.0");
      assertThat(readout.xidEvents()).as("through the v1 event wait").containsExactly(
          new XidEvent(0, "GPU-10000000-0000-4000-8000-000000000000", 48, OptionalInt.empty(),
              OptionalInt.empty()));
      assertThat(probe.errorCounts()).doesNotContainKeys("FUNCTION_NOT_FOUND",
          "ARGUMENT_VERSION_MISMATCH");
    }
  }

  @Test
  void r535ProcessElementsAreDecodedWithTheir32ByteStride() {
    Path library = FakeNvml.library("r535");
    FakeNvml.with("r535", "r535");
    try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.of(library.toString()))) {
      GpuReadout readout = probe.read();

      assertThat(readout.versions().driver()).hasValue("535.54.03");
      assertThat(readout.gpus().get(0).processes()).containsExactly(
          new GpuProcess(1111, OptionalLong.of(1_000_000_000L), OptionalInt.empty(),
              OptionalInt.empty()),
          new GpuProcess(2222, OptionalLong.of(2_000_000_000L), OptionalInt.empty(),
              OptionalInt.empty()),
          new GpuProcess(3333, OptionalLong.of(3_000_000_000L), OptionalInt.empty(),
              OptionalInt.empty()));
    }
  }

  @Test
  void withoutTheLibraryThereIsNoNvidiaBackend() {
    Path missing = Path.of(System.getProperty("java.io.tmpdir"), "no-such-dir",
        "libnvidia-ml.so.1");
    try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.of(missing.toString()))) {
      GpuReadout readout = probe.read();

      assertThat(probe.available()).isFalse();
      assertThat(readout.available()).isFalse();
      assertThat(readout.backend()).isEqualTo("nvml");
      assertThat(readout.gpus()).isEmpty();
      assertThat(readout.faults()).isEmpty();
      assertThat(probe.read().gpus()).isEmpty();
      assertThat(probe.errorCounts()).isEmpty();
    }
  }

  @Test
  void aFileThatIsNotALibraryMeansNoNvidiaBackend() {
    Path notElf = FakeNvml.scenario("h100x8");
    try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.of(notElf.toString()))) {
      assertThat(probe.available()).isFalse();
      assertThat(probe.read().gpus()).isEmpty();
    }
  }
}
