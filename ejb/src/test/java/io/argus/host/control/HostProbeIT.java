package io.argus.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.host.entity.HostInfo;
import io.argus.host.entity.HostSnapshot;
import io.argus.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real OSHI probe on this machine, checked against what the kernel says in /proc. */
class HostProbeIT {

  private static HostProbe probe;

  @BeforeAll
  static void createProbe() {
    Prerequisites.require(Files.isReadable(Path.of("/proc/cpuinfo")), "Linux procfs (/proc/cpuinfo)");
    probe = HostProbe.ofThisMachine();
  }

  @Test
  void logicalCoreCountMatchesProcCpuinfo() throws IOException {
    long processors = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(line -> line.matches("processor\\s*:.*"))
        .count();

    HostInfo info = probe.info();
    HostSnapshot snapshot = probe.sample();

    assertThat(info.logicalCores()).isEqualTo(processors);
    assertThat(info.physicalCores()).isBetween(1, (int) processors);
    assertThat(snapshot.cpu().cores()).hasSize((int) processors);
  }

  @Test
  void memoryTotalMatchesProcMeminfo() throws IOException {
    long memTotalBytes = Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(line -> line.startsWith("MemTotal:"))
        .map(line -> Long.parseLong(line.split("\\s+")[1]) * 1024)
        .findFirst()
        .orElseThrow();

    HostSnapshot snapshot = probe.sample();

    assertThat(snapshot.memory().totalBytes()).isEqualTo(memTotalBytes);
    assertThat(probe.info().memoryTotalBytes()).isEqualTo(memTotalBytes);
    assertThat(snapshot.memory().availableBytes()).isBetween(1L, memTotalBytes);
    assertThat(snapshot.memory().freeBytes()).isPresent();
  }

  @Test
  void twoSamplesApartGiveCpuUsageWithinBounds() throws InterruptedException {
    probe.sample();
    Thread.sleep(200);
    HostSnapshot second = probe.sample();

    assertPercent(second.cpu().usagePercent());
    assertThat(second.cpu().cores()).allSatisfy(core -> assertPercent(core.usagePercent()));
  }

  @Test
  void seesTheRootFileSystemAndTheLoopbackInterface() throws InterruptedException {
    probe.sample();
    Thread.sleep(50);
    HostSnapshot snapshot = probe.sample();

    assertThat(snapshot.fileSystems()).anySatisfy(fs -> {
      assertThat(fs.mount()).isEqualTo("/");
      assertThat(fs.totalBytes()).isPositive();
      assertPercent(fs.usedPercent());
    });
    assertThat(snapshot.networkInterfaces()).anySatisfy(nic -> {
      assertThat(nic.name()).isEqualTo("lo");
      assertThat(nic.receivedBytesPerSecond()).isPresent();
    });
    // every interface the kernel counts, also those that are down or have no address (Java's list omits those)
    assertThat(snapshot.networkInterfaces()).extracting(nic -> nic.name())
        .containsExactlyInAnyOrderElementsOf(KernelFiles.ofThisMachine().netDev().keySet());
    assertThat(snapshot.disks()).allSatisfy(disk -> assertThat(List.of(
        disk.readBytesPerSecond(), disk.writtenBytesPerSecond()))
        .allSatisfy(rate -> assertThat(rate).isPresent()));
  }

  private static void assertPercent(OptionalDouble percent) {
    assertThat(percent).isPresent();
    assertThat(percent.getAsDouble()).isBetween(0.0, 100.0);
  }
}
