package io.argus.gpu.control.amd;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sysfs tree laid out as amdgpu lays it out (an MI210 with hwmon, and an Intel iGPU to ignore). */
class AmdSysfsGpuProbeTest {

  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-24T06:00:00Z"));

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content + "\n");
  }

  /** /sys/class/drm/cardN -> ../../devices/pci.../BUS, as on a real machine. */
  private static Path card(Path root, int n, String bus, String vendor) throws IOException {
    Path device = root.resolve("devices/pci0000:00").resolve(bus);
    Files.createDirectories(device);
    write(device.resolve("vendor"), vendor);
    Path card = root.resolve("class/drm/card" + n);
    Files.createDirectories(card);
    Files.createSymbolicLink(card.resolve("device"), device);
    return device;
  }

  @Test
  void readsBusyPercentVramAndHwmonFiguresInBaseUnits(@TempDir Path root) throws IOException {
    Path intel = card(root, 0, "0000:00:02.0", "0x8086");
    write(intel.resolve("gpu_busy_percent"), "99");
    Path mi = card(root, 1, "0000:c3:00.0", "0x1002");
    Files.createDirectories(root.resolve("class/drm/card1-DP-1"));
    write(mi.resolve("device"), "0x740f");
    write(mi.resolve("unique_id"), "5a8c2b1d0e3f4a67");
    write(mi.resolve("gpu_busy_percent"), "73");
    write(mi.resolve("mem_busy_percent"), "12");
    write(mi.resolve("mem_info_vram_total"), "68702699520");
    write(mi.resolve("mem_info_vram_used"), "10737418240");
    Path hwmon = mi.resolve("hwmon/hwmon4");
    write(hwmon.resolve("temp1_input"), "51000");
    write(hwmon.resolve("power1_average"), "187000000");
    write(hwmon.resolve("power1_cap"), "300000000");
    write(hwmon.resolve("freq1_input"), "1700000000");
    write(hwmon.resolve("freq2_input"), "1600000000");

    AmdSysfsGpuProbe probe = new AmdSysfsGpuProbe(root.resolve("class/drm"), CLOCK);
    assertThat(probe.available()).isTrue();
    GpuReadout readout = probe.read();
    assertThat(readout.backend()).isEqualTo("amd-sysfs");
    assertThat(readout.gpus()).hasSize(1);
    GpuSnapshot g = readout.gpus().get(0);
    assertThat(g.index()).isZero();
    assertThat(g.uuid()).isEqualTo("AMD-5a8c2b1d0e3f4a67");
    assertThat(g.identity().pciBusId()).contains("0000:C3:00.0");
    assertThat(g.identity().name()).contains("AMD GPU 0x740f");
    assertThat(g.identity().device()).isEmpty(); // /dev/nvidiaN is NVIDIA's; AMD has none
    assertThat(g.gpuUtilizationPercent()).hasValue(73);
    assertThat(g.memoryUtilizationPercent()).hasValue(12);
    assertThat(g.memory().totalBytes()).hasValue(68_702_699_520L);
    assertThat(g.memory().usedBytes()).hasValue(10_737_418_240L);
    assertThat(g.memory().freeBytes()).hasValue(57_965_281_280L);
    assertThat(g.temperatureCelsius()).hasValue(51);
    assertThat(g.powerUsageWatts()).hasValue(187.0);
    assertThat(g.powerLimitWatts()).hasValue(300.0);
    assertThat(g.clocks().smHz()).hasValue(1_700_000_000L);
    assertThat(g.clocks().memoryHz()).hasValue(1_600_000_000L);
    assertThat(g.fanSpeedPercent()).isEmpty(); // no pwm1: absent, not 0
    assertThat(g.totalEnergyJoules()).isEmpty();
  }

  @Test
  void newerKernelsPowerInputAndBoardsWithoutUniqueIdOrHwmon(@TempDir Path root) throws IOException {
    Path a = card(root, 0, "0000:03:00.0", "0x1002");
    write(a.resolve("gpu_busy_percent"), "5");
    write(a.resolve("hwmon/hwmon2/power1_input"), "25500000");
    write(a.resolve("hwmon/hwmon2/pwm1"), "128");
    Path b = card(root, 1, "0000:04:00.0", "0x1002");
    write(b.resolve("gpu_busy_percent"), "garbage");

    GpuReadout readout = new AmdSysfsGpuProbe(root.resolve("class/drm"), CLOCK).read();
    assertThat(readout.gpus()).extracting(GpuSnapshot::uuid).containsExactly("AMD-0000:03:00.0", "AMD-0000:04:00.0");
    assertThat(readout.gpus().get(0).powerUsageWatts()).hasValue(25.5);
    assertThat(readout.gpus().get(0).fanSpeedPercent()).hasValue(50);
    assertThat(readout.gpus().get(1).gpuUtilizationPercent()).isEmpty();
    assertThat(readout.gpus().get(1).temperatureCelsius()).isEmpty();
  }

  @Test
  void noAmdCardMeansNoBackend(@TempDir Path root) throws IOException {
    card(root, 0, "0000:00:02.0", "0x8086");
    AmdSysfsGpuProbe probe = new AmdSysfsGpuProbe(root.resolve("class/drm"), CLOCK);
    assertThat(probe.available()).isFalse();
    assertThat(probe.read().gpus()).isEmpty();
    assertThat(new AmdSysfsGpuProbe(root.resolve("missing"), CLOCK).available()).isFalse();
  }
}
