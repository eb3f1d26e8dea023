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
        return number(line.split("\\s+"), 1);
      }
    }
    return OptionalLong.empty();
  }

  /** MemFree of /proc/meminfo in bytes; OSHI only offers "available". */
  OptionalLong memoryFreeBytes() {
    for (String line : lines(proc.resolve("meminfo"))) {
      if (line.startsWith("MemFree:")) {
        String[] parts = line.split("\\s+");
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

  /** Outgoing packets the interface dropped; OSHI only counts incoming drops. */
  OptionalLong transmitDrops(String interfaceName) {
    if (interfaceName.contains("/") || interfaceName.startsWith(".")) {
      return OptionalLong.empty();
    }
    return single(sys.resolve("class/net").resolve(interfaceName).resolve("statistics/tx_dropped"));
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
