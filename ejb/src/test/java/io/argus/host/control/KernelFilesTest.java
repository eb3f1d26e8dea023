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
  void readsTicksPerCpuAndTheCountersFromOneReadOfProcStat() throws IOException {
    write("proc/stat", """
        cpu  202720 10 48830 1721390 4290 0 930 220 0 0
        cpu0 101360 5 24415 860695 2145 0 465 110 0 0
        cpu1 101360 5 24415 860695 2145 0 465 110 0 0
        intr 443766 0 9 0 0 12
        ctxt 1230555
        btime 1795500000
        softirq 209730 0 24511 4 15635 70951 0 2 54462 0 44165
        """);

    KernelFiles.CpuStat stat = files().cpuStat().orElseThrow();
    assertThat(stat.total()).containsExactly(202720, 10, 48830, 1721390, 4290, 0, 930, 220);
    assertThat(stat.cores()).hasNumberOfRows(2);
    assertThat(stat.cores()[1]).containsExactly(101360, 5, 24415, 860695, 2145, 0, 465, 110);
    assertThat(stat.contextSwitches()).hasValue(1230555);
    assertThat(stat.interrupts()).hasValue(443766);
    assertThat(stat.softInterrupts()).hasValue(209730);
  }

  @Test
  void oldKernelsWithFewerTickColumnsCountTheMissingOnesAsZero() throws IOException {
    write("proc/stat", "cpu 1 2 3 4\ncpu0 1 2 3 4\n");

    KernelFiles.CpuStat stat = files().cpuStat().orElseThrow();
    assertThat(stat.total()).containsExactly(1, 2, 3, 4, 0, 0, 0, 0);
    assertThat(stat.contextSwitches()).isEmpty();
  }

  @Test
  void readsSwapPagesThreadsAndFrequencies() throws IOException {
    write("proc/vmstat", "pgpgin 10\npswpin 7\npswpout 9\npgfault 3\n");
    write("proc/loadavg", "0.52 0.58 0.59 3/1712 48213\n");
    write("proc/cpuinfo", "processor\t: 0\ncpu MHz\t\t: 2445.406\n\nprocessor\t: 1\ncpu MHz\t\t: 3000\n");

    KernelFiles files = files();
    assertThat(files.swapPages()).containsExactly(java.util.OptionalLong.of(7), java.util.OptionalLong.of(9));
    assertThat(files.threads()).hasValue(1712);
    assertThat(files.currentFrequenciesKhz(2)).containsExactly(2445406, 3000000);
    assertThat(files.currentFrequenciesKhz(3)).as("fewer CPUs listed than asked for").isEmpty();
  }

  @Test
  void cpufreqWinsOverCpuinfo() throws IOException {
    write("sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", "1200000\n");
    write("proc/cpuinfo", "cpu MHz\t\t: 2445.406\n");

    assertThat(files().currentFrequenciesKhz(1)).containsExactly(1200000);
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
  void readsEveryDiskFromOneReadOfDiskstats() throws IOException {
    // a real line of Linux 6.x (20 fields) and an old one (14 fields)
    write("proc/diskstats", ""
        + " 253       0 vda 48640 1907 3222642 17321 1000 2381 1024000 30211 0 1500 47533 0 0 0 0 55 1\n"
        + "   7       0 loop0 12 0 24 1 0 0 0 0 0 4 1\n"
        + " 252       0 zram0 garbage\n");

    var stats = files().diskStats();
    assertThat(stats).containsOnlyKeys("vda", "loop0");
    assertThat(stats.get("vda")).containsExactly(48640, 3222642, 1000, 1024000, 1500);
    assertThat(stats.get("loop0")).containsExactly(12, 24, 0, 0, 4);
  }

  @Test
  void readsEveryInterfaceFromOneReadOfNetDev() throws IOException {
    write("proc/net/dev", ""
        + "Inter-|   Receive                                                |  Transmit\n"
        + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
        + "    lo:  792316    9000    0    0    0     0          0         0   792316    9000    0    0    0     0       0          0\n"
        + "  eth0: 367927911 300000   1    5    0     0          0         0  1234567   20000    2   17    0     0       0          0\n");

    var stats = files().netDev();
    assertThat(stats.keySet()).containsExactly("lo", "eth0"); // the kernel's order
    assertThat(stats.get("eth0")).containsExactly(367927911, 300000, 1, 5, 1234567, 20000, 2, 17);
  }

  @Test
  void interfaceFactsComeFromSysfsAndAreAbsentWhereUnknown() throws IOException {
    write("sys/class/net/ifb0/address", "be:5d:4e:c1:e9:39\n");
    write("sys/class/net/ifb0/speed", "-1\n"); // what a link that is down says (or EINVAL)
    write("sys/class/net/eth1/address", "02:fc:00:00:00:02\n");
    write("sys/class/net/eth1/speed", "25000\n");
    write("sys/class/net/lo/address", "00:00:00:00:00:00\n");

    KernelFiles files = files();
    assertThat(files.interfaceMac("ifb0")).hasValue("be:5d:4e:c1:e9:39");
    assertThat(files.interfaceSpeedBitsPerSecond("ifb0")).isEmpty();
    assertThat(files.interfaceSpeedBitsPerSecond("eth1")).hasValue(25_000_000_000L);
    assertThat(files.interfaceMac("lo")).isEmpty();
    assertThat(files.interfaceMac("gone0")).isEmpty();
    assertThat(files.interfaceSpeedBitsPerSecond("gone0")).isEmpty();
  }

  @Test
  void everythingIsAbsentWhereTheFilesAreMissing() {
    KernelFiles files = files();

    assertThat(files.softInterrupts()).isEmpty();
    assertThat(files.memoryFreeBytes()).isEmpty();
    assertThat(files.minimumFrequencyKilohertz()).isEmpty();
    assertThat(files.diskStats()).isEmpty();
    assertThat(files.netDev()).isEmpty();
    assertThat(files.cpuStat()).isEmpty();
    assertThat(files.memInfo()).isEmpty();
    assertThat(files.threads()).isEmpty();
    assertThat(files.swapPages()).containsExactly(java.util.OptionalLong.empty(), java.util.OptionalLong.empty());
    assertThat(files.currentFrequenciesKhz(2)).isEmpty();
  }

  @Test
  void garbageIsAbsentRatherThanAnError() throws IOException {
    write("proc/stat", "softirq lots\n");
    write("proc/net/dev", "eth0: a b c\n");

    assertThat(files().softInterrupts()).isEmpty();
    assertThat(files().netDev()).isEmpty();
  }
}
