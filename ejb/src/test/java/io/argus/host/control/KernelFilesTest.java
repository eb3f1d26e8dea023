package io.argus.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelFilesTest {

  @TempDir
  Path root;

  private KernelFiles files() {
    return new KernelFiles(root.resolve("proc"), root.resolve("sys"));
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void readsSoftInterruptsFromProcStat() throws IOException {
    write("proc/stat", """
        cpu  202720 0 48830 1721390 4290 0 930 220 0 0
        intr 443766 0 0 0 0
        ctxt 1230555
        softirq 209730 0 24511 4 15635 70951 0 2 54462 0 44165
        """);

    assertThat(files().softInterrupts()).hasValue(209730);
  }

  @Test
  void readsMemFreeInBytes() throws IOException {
    write("proc/meminfo", """
        MemTotal:       24684084 kB
        MemFree:        23972204 kB
        MemAvailable:   24055816 kB
        """);

    assertThat(files().memoryFreeBytes()).hasValue(23972204L * 1024);
  }

  @Test
  void minimumFrequencyIsTheLowestOfAllCpus() throws IOException {
    write("sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_min_freq", "800000\n");
    write("sys/devices/system/cpu/cpu1/cpufreq/cpuinfo_min_freq", "400000\n");
    Files.createDirectories(root.resolve("sys/devices/system/cpu/cpufreq"));

    assertThat(files().minimumFrequencyKilohertz()).hasValue(400000);
  }

  @Test
  void readsTransmitDropsOfAnInterface() throws IOException {
    write("sys/class/net/eth0/statistics/tx_dropped", "17\n");

    assertThat(files().transmitDrops("eth0")).hasValue(17);
    assertThat(files().transmitDrops("../eth0")).isEmpty();
  }

  @Test
  void everythingIsAbsentWhereTheFilesAreMissing() {
    KernelFiles files = files();

    assertThat(files.softInterrupts()).isEmpty();
    assertThat(files.memoryFreeBytes()).isEmpty();
    assertThat(files.minimumFrequencyKilohertz()).isEmpty();
    assertThat(files.transmitDrops("eth0")).isEmpty();
  }

  @Test
  void garbageIsAbsentRatherThanAnError() throws IOException {
    write("proc/stat", "softirq lots\n");
    write("sys/class/net/eth0/statistics/tx_dropped", "\n");

    assertThat(files().softInterrupts()).isEmpty();
    assertThat(files().transmitDrops("eth0")).isEmpty();
  }
}
