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
 * The few Linux figures OSHI does not expose, read straight from procfs and sysfs; every method
 * answers absent on other systems or when a file is unreadable.
 */
final class KernelFiles {

  /** Precompiled: String.split with a regex of more than one character compiles it on every call. */
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  private final Path proc;
  private final Path sys;

  KernelFiles(Path proc, Path sys) {
    this.proc = proc;
    this.sys = sys;
  }

  static KernelFiles ofThisMachine() {
    return new KernelFiles(Path.of("/proc"), Path.of("/sys"));
  }

  /** Soft interrupts serviced since boot: the first number of the "softirq" line of /proc/stat. */
  OptionalLong softInterrupts() {
    for (String line : lines(proc.resolve("stat"))) {
      if (line.startsWith("softirq ")) {
        return number(WHITESPACE.split(line), 1);
      }
    }
    return OptionalLong.empty();
  }

  /** MemFree of /proc/meminfo in bytes; OSHI only offers "available". */
  OptionalLong memoryFreeBytes() {
    for (String line : lines(proc.resolve("meminfo"))) {
      if (line.startsWith("MemFree:")) {
        String[] parts = WHITESPACE.split(line);
        OptionalLong kibibytes = number(parts, 1);
        return kibibytes.isPresent() ? OptionalLong.of(kibibytes.getAsLong() * 1024) : kibibytes;
      }
    }
    return OptionalLong.empty();
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
    List<String> lines = lines(proc.resolve("stat"));
    long[] total = null;
    java.util.List<long[]> cores = new java.util.ArrayList<>();
    OptionalLong ctxt = OptionalLong.empty();
    OptionalLong intr = OptionalLong.empty();
    OptionalLong softirq = OptionalLong.empty();
    for (String line : lines) {
      String[] f = WHITESPACE.split(line.trim());
      if (f[0].equals("cpu")) {
        total = ticks(f);
      } else if (f[0].startsWith("cpu")) {
        long[] t = ticks(f);
        if (t != null) {
          cores.add(t);
        }
      } else if (f[0].equals("ctxt")) {
        ctxt = number(f, 1);
      } else if (f[0].equals("intr")) {
        intr = number(f, 1);
      } else if (f[0].equals("softirq")) {
        softirq = number(f, 1);
      }
    }
    return total == null ? java.util.Optional.empty()
        : java.util.Optional.of(new CpuStat(total, cores.toArray(new long[0][]), ctxt, intr, softirq));
  }

  private static long[] ticks(String[] f) {
    long[] t = new long[8];
    for (int i = 0; i < 8; i++) {
      OptionalLong v = number(f, i + 1);
      t[i] = v.isPresent() ? v.getAsLong() : 0;
    }
    return t;
  }

  /** /proc/meminfo in one read, in bytes, by field name (MemTotal, MemAvailable, SwapTotal, …). */
  java.util.Map<String, Long> memInfo() {
    java.util.Map<String, Long> values = new java.util.HashMap<>();
    for (String line : lines(proc.resolve("meminfo"))) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String[] f = WHITESPACE.split(line.substring(colon + 1).trim());
      OptionalLong v = number(f, 0);
      if (v.isPresent()) {
        values.put(line.substring(0, colon), f.length > 1 && f[1].equals("kB") ? v.getAsLong() * 1024 : v.getAsLong());
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
    for (String line : lines(proc.resolve("vmstat"))) {
      if (line.startsWith("pswpin ")) {
        in = number(line.split(" "), 1);
      } else if (line.startsWith("pswpout ")) {
        out = number(line.split(" "), 1);
      }
    }
    return new OptionalLong[] {in, out};
  }

  /** Threads of the whole system: the total after the slash in /proc/loadavg's fourth field. */
  OptionalLong threads() {
    List<String> lines = lines(proc.resolve("loadavg"));
    if (lines.isEmpty()) {
      return OptionalLong.empty();
    }
    String[] f = WHITESPACE.split(lines.get(0).trim());
    if (f.length < 4 || f[3].indexOf('/') < 0) {
      return OptionalLong.empty();
    }
    return number(new String[] {f[3].substring(f[3].indexOf('/') + 1)}, 0);
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
    for (String line : lines(proc.resolve("cpuinfo"))) {
      if (line.startsWith("cpu MHz") && i < cpus) {
        try {
          khz[i++] = Math.round(Double.parseDouble(line.substring(line.indexOf(':') + 1).trim()) * 1000);
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
    for (String line : lines(proc.resolve("diskstats"))) {
      String[] f = WHITESPACE.split(line.trim());
      if (f.length < 13) {
        continue;
      }
      try {
        stats.put(f[2], new long[] {
          Long.parseLong(f[3]), Long.parseLong(f[5]), Long.parseLong(f[7]), Long.parseLong(f[9]), Long.parseLong(f[12])});
      } catch (NumberFormatException e) {
        // a line this parser does not understand: that device has no counters this time
      }
    }
    return stats;
  }

  /**
   * Counters of every interface from one read of /proc/net/dev, by name: bytes, packets, errors,
   * drops received, then bytes, packets, errors, drops sent. Empty when the file is unreadable.
   */
  java.util.Map<String, long[]> netDev() {
    java.util.Map<String, long[]> stats = new java.util.HashMap<>();
    for (String line : lines(proc.resolve("net/dev"))) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String[] f = WHITESPACE.split(line.substring(colon + 1).trim());
      if (f.length < 12) {
        continue;
      }
      try {
        stats.put(line.substring(0, colon).trim(), new long[] {
          Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
          Long.parseLong(f[8]), Long.parseLong(f[9]), Long.parseLong(f[10]), Long.parseLong(f[11])});
      } catch (NumberFormatException e) {
        // as above
      }
    }
    return stats;
  }

  private static OptionalLong single(Path file) {
    List<String> lines = lines(file);
    return lines.isEmpty() ? OptionalLong.empty() : number(new String[] {lines.get(0).trim()}, 0);
  }

  private static OptionalLong number(String[] parts, int index) {
    if (parts.length <= index) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(parts[index]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }
}
