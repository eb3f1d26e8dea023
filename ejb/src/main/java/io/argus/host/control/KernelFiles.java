package io.argus.host.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Linux figures read every cycle, straight from procfs and sysfs (one read per file, scanned in
 * place by a {@link ProcScanner}), and the few OSHI does not expose; every method answers absent on
 * other systems or when a file is unreadable. Not thread-safe, like the scanner it keeps: the host
 * probe calls it under its lock.
 */
final class KernelFiles {

  private final Path proc;
  private final Path sys;
  private final ProcScanner scan = new ProcScanner();

  KernelFiles(Path proc, Path sys) {
    this.proc = proc;
    this.sys = sys;
  }

  static KernelFiles ofThisMachine() {
    return new KernelFiles(Path.of("/proc"), Path.of("/sys"));
  }

  /** Soft interrupts serviced since boot: the first number of the "softirq" line of /proc/stat. */
  OptionalLong softInterrupts() {
    return cpuStat().map(CpuStat::softInterrupts).orElse(OptionalLong.empty());
  }

  /** MemFree of /proc/meminfo in bytes; OSHI only offers "available". */
  OptionalLong memoryFreeBytes() {
    Long free = memInfo().get("MemFree");
    return free == null ? OptionalLong.empty() : OptionalLong.of(free);
  }

  /** The lowest minimum clock of any CPU in kHz, as cpufreq reports it; VMs usually have none. */
  OptionalLong minimumFrequencyKilohertz() {
    Path cpus = sys.resolve("devices/system/cpu");
    if (!Files.isDirectory(cpus)) {
      return OptionalLong.empty();
    }
    long lowest = Long.MAX_VALUE;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cpus, "cpu[0-9]*")) {
      for (Path cpu : dirs) {
        OptionalLong min = single(cpu.resolve("cpufreq/cpuinfo_min_freq"));
        if (min.isPresent() && min.getAsLong() > 0) {
          lowest = Math.min(lowest, min.getAsLong());
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return OptionalLong.empty();
    }
    return lowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowest);
  }

  /** What one read of /proc/stat says: CPU ticks (all, per core in cpuN order), context switches, interrupts, soft interrupts. */
  record CpuStat(long[] total, long[][] cores, OptionalLong contextSwitches, OptionalLong interrupts,
      OptionalLong softInterrupts) {}

  /**
   * One read of /proc/stat instead of one per figure; tick columns in the kernel's order (user,
   * nice, system, idle, iowait, irq, softirq, steal), which is also OSHI's. Empty when unreadable.
   */
  java.util.Optional<CpuStat> cpuStat() {
    if (!scan.load(proc.resolve("stat"))) {
      return java.util.Optional.empty();
    }
    long[] total = null;
    java.util.List<long[]> cores = new java.util.ArrayList<>();
    OptionalLong ctxt = OptionalLong.empty();
    OptionalLong intr = OptionalLong.empty();
    OptionalLong softirq = OptionalLong.empty();
    while (scan.nextLine()) {
      if (!scan.nextField()) {
        continue;
      }
      if (scan.fieldEquals("cpu")) {
        total = ticks();
      } else if (scan.lineStartsWith("cpu")) {
        cores.add(ticks());
      } else if (scan.fieldEquals("ctxt")) {
        ctxt = present(scan.nextLong());
      } else if (scan.fieldEquals("intr")) {
        intr = present(scan.nextLong()); // the total; the per-line counters after it are not read
      } else if (scan.fieldEquals("softirq")) {
        softirq = present(scan.nextLong());
      }
    }
    return total == null ? java.util.Optional.empty()
        : java.util.Optional.of(new CpuStat(total, cores.toArray(new long[0][]), ctxt, intr, softirq));
  }

  /** The eight tick columns after the line's name; a missing or unreadable one counts 0. */
  private long[] ticks() {
    long[] t = new long[8];
    for (int i = 0; i < 8; i++) {
      long v = scan.nextLong();
      t[i] = v == ProcScanner.NOT_A_NUMBER ? 0 : v;
    }
    return t;
  }

  /** /proc/meminfo in one read, in bytes, by field name (MemTotal, MemAvailable, SwapTotal, …). */
  java.util.Map<String, Long> memInfo() {
    java.util.Map<String, Long> values = new java.util.HashMap<>();
    if (!scan.load(proc.resolve("meminfo"))) {
      return values;
    }
    while (scan.nextLine()) {
      String name = scan.upTo(':');
      if (name == null) {
        continue;
      }
      long v = scan.nextLong();
      if (v != ProcScanner.NOT_A_NUMBER) {
        values.put(name, scan.nextField() && scan.fieldEquals("kB") ? v * 1024 : v);
      }
    }
    return values;
  }

  /** Processes running now: the numeric entries of /proc. */
  OptionalLong processes() {
    String[] names = proc.toFile().list();
    if (names == null) {
      return OptionalLong.empty();
    }
    long n = 0;
    for (String name : names) {
      if (!name.isEmpty() && name.charAt(0) >= '0' && name.charAt(0) <= '9') {
        n++;
      }
    }
    return n == 0 ? OptionalLong.empty() : OptionalLong.of(n);
  }

  /** Pages swapped in and out since boot (pswpin, pswpout of /proc/vmstat); absent where not given. */
  OptionalLong[] swapPages() {
    OptionalLong in = OptionalLong.empty();
    OptionalLong out = OptionalLong.empty();
    if (scan.load(proc.resolve("vmstat"))) {
      while (scan.nextLine()) {
        if (scan.lineStartsWith("pswp") && scan.nextField()) {
          if (scan.fieldEquals("pswpin")) {
            in = present(scan.nextLong());
          } else if (scan.fieldEquals("pswpout")) {
            out = present(scan.nextLong());
          }
        }
      }
    }
    return new OptionalLong[] {in, out};
  }

  /** Threads of the whole system: the total after the slash in /proc/loadavg's fourth field. */
  OptionalLong threads() {
    if (!scan.load(proc.resolve("loadavg")) || !scan.nextLine() || !scan.skipFields(4)) {
      return OptionalLong.empty();
    }
    String runnable = scan.field();
    int slash = runnable.indexOf('/');
    if (slash < 0) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(runnable.substring(slash + 1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Current frequency of each CPU in kHz from cpufreq, else from /proc/cpuinfo's "cpu MHz"; empty when neither. */
  long[] currentFrequenciesKhz(int cpus) {
    long[] khz = new long[cpus];
    boolean any = false;
    for (int i = 0; i < cpus; i++) {
      OptionalLong v = single(sys.resolve("devices/system/cpu/cpu" + i + "/cpufreq/scaling_cur_freq"));
      if (v.isEmpty()) {
        any = false;
        break;
      }
      khz[i] = v.getAsLong();
      any = true;
    }
    if (any) {
      return khz;
    }
    int i = 0;
    if (!scan.load(proc.resolve("cpuinfo"))) {
      return new long[0];
    }
    while (scan.nextLine() && i < cpus) {
      if (scan.lineStartsWith("cpu MHz") && scan.upTo(':') != null) {
        try {
          khz[i++] = Math.round(Double.parseDouble(scan.rest()) * 1000);
        } catch (NumberFormatException e) {
          return new long[0];
        }
      }
    }
    return i == cpus ? khz : new long[0];
  }

  /**
   * Counters of every block device from one read of /proc/diskstats, by device name (no
   * {@code /dev/}): reads, sectors read, writes, sectors written, milliseconds doing I/O. Empty
   * when the file is unreadable.
   */
  java.util.Map<String, long[]> diskStats() {
    java.util.Map<String, long[]> stats = new java.util.HashMap<>();
    if (!scan.load(proc.resolve("diskstats"))) {
      return stats;
    }
    long[] f = new long[10];
    while (scan.nextLine()) {
      // major minor name, then reads, reads merged, sectors read, ms reading, writes, merged, sectors written, ms writing, in flight, ms doing I/O
      if (!scan.skipFields(3)) {
        continue;
      }
      String name = scan.field();
      boolean numbers = true;
      for (int i = 0; i < f.length && numbers; i++) {
        f[i] = scan.nextLong();
        numbers = f[i] != ProcScanner.NOT_A_NUMBER;
      }
      if (numbers) {
        stats.put(name, new long[] {f[0], f[2], f[4], f[6], f[9]});
      }
      // a line this parser does not understand: that device has no counters this time
    }
    return stats;
  }

  /**
   * Counters of every interface from one read of /proc/net/dev, by name: bytes, packets, errors,
   * drops received, then bytes, packets, errors, drops sent. Empty when the file is unreadable.
   */
  java.util.Map<String, long[]> netDev() {
    java.util.Map<String, long[]> stats = new java.util.LinkedHashMap<>();
    if (!scan.load(proc.resolve("net/dev"))) {
      return stats;
    }
    long[] f = new long[12];
    while (scan.nextLine()) {
      String name = scan.upTo(':');
      if (name == null) {
        continue; // the two header lines
      }
      boolean numbers = true;
      for (int i = 0; i < f.length && numbers; i++) {
        f[i] = scan.nextLong();
        numbers = f[i] != ProcScanner.NOT_A_NUMBER;
      }
      if (numbers) {
        stats.put(name, new long[] {f[0], f[1], f[2], f[3], f[8], f[9], f[10], f[11]});
      }
    }
    return stats;
  }

  /** An interface's hardware address from sysfs; absent when unreadable or all zeros (loopback, tunnels). */
  java.util.Optional<String> interfaceMac(String name) {
    List<String> lines = lines(sys.resolve("class/net").resolve(name).resolve("address"));
    if (lines.isEmpty() || lines.get(0).isBlank() || lines.get(0).trim().matches("[0:]*")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(lines.get(0).trim());
  }

  /** An interface's link speed in bit/s from sysfs (given there in Mbit/s); absent when down or unknown. */
  OptionalLong interfaceSpeedBitsPerSecond(String name) {
    OptionalLong mbits = single(sys.resolve("class/net").resolve(name).resolve("speed"));
    return mbits.isPresent() && mbits.getAsLong() > 0 ? OptionalLong.of(mbits.getAsLong() * 1_000_000) : OptionalLong.empty();
  }

  private OptionalLong single(Path file) {
    return scan.load(file) && scan.nextLine() ? present(scan.nextLong()) : OptionalLong.empty();
  }

  private static OptionalLong present(long value) {
    return value == ProcScanner.NOT_A_NUMBER ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }
}
