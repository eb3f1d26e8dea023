package io.argus.host.control;

import io.argus.host.entity.Cpu;
import io.argus.host.entity.CpuCore;
import io.argus.host.entity.DiskIo;
import io.argus.host.entity.FileSystemUsage;
import io.argus.host.entity.HostInfo;
import io.argus.host.entity.Ipv4Address;
import io.argus.host.entity.LoadAverage;
import io.argus.host.entity.Memory;
import io.argus.host.entity.NetworkIo;
import io.argus.host.entity.Swap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.Sensors;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * Reads the host through OSHI.
 *
 * <p>What changes every cycle is read the cheap way: disk and interface counters from one read of
 * /proc/diskstats and /proc/net/dev (OSHI's per-device updates go through udev and sysfs and cost
 * milliseconds), file system usage at most every {@link #FILE_SYSTEM_LIFETIME_NANOS}. OSHI lists the
 * devices and their static attributes (model, size, MAC, addresses, speed) once a minute.
 *
 * <p>Not thread-safe: only {@link HostProbe} calls it, under its lock.
 */
final class OshiHostReader implements HostReader {

  /** Devices come and go rarely; enumerating them through udev costs more than updating them. */
  private static final long INVENTORY_LIFETIME_NANOS = Duration.ofMinutes(1).toNanos();

  /** File system sizes move slowly; statvfs of every mount each cycle is not worth its cost. */
  private static final long FILE_SYSTEM_LIFETIME_NANOS = Duration.ofSeconds(10).toNanos();

  /** Memory- and file-backed block devices are not storage a user would count as disk. */
  private static final Pattern VIRTUAL_DISK = Pattern.compile("(?:/dev/)?(?:loop|ram|zram)\\d+");

  private final HardwareAbstractionLayer hardware;
  private final OperatingSystem os;
  private final CentralProcessor processor;
  private final GlobalMemory memory;
  private final Sensors sensors;
  private final List<Integer> coreIds;
  private final KernelFiles kernel;
  private final LongSupplier nanoTime;

  private List<HWDiskStore> diskStores;
  private long diskStoresListedAt;
  private List<NetworkIF> networkIfs;
  private long networkIfsListedAt;
  /** What each interface is apart from its counters, by name, as of the last listing. */
  private Map<String, InterfaceFacts> interfaceFacts = Map.of();
  /** The interfaces /proc/net/dev named at the last listing: another set means the list is stale. */
  private java.util.Set<String> listedNames = java.util.Set.of();
  private List<FileSystemUsage> fileSystems;
  private long fileSystemsReadAt;
  private OptionalLong minimumKhz;
  private OptionalDouble maxMhz;
  private long noSensorSince = Long.MIN_VALUE;
  private OptionalInt processCount;
  private long processesCountedAt;

  OshiHostReader(KernelFiles kernel, LongSupplier nanoTime) {
    SystemInfo system = new SystemInfo();
    this.hardware = system.getHardware();
    this.os = system.getOperatingSystem();
    this.processor = hardware.getProcessor();
    this.memory = hardware.getMemory();
    this.sensors = hardware.getSensors();
    this.coreIds = processor.getLogicalProcessors().stream()
        .map(CentralProcessor.LogicalProcessor::getProcessorNumber)
        .toList();
    this.kernel = kernel;
    this.nanoTime = nanoTime;
    listDiskStores();
    listNetworkIfs(kernel.netDev().keySet());
  }

  @Override
  public HostReading read() {
    // Linux: one read of /proc/stat and /proc/meminfo for what OSHI reads file by file
    Optional<KernelFiles.CpuStat> stat = kernel.cpuStat();
    Map<String, Long> meminfo = kernel.memInfo();
    long[] systemTicks = stat.map(KernelFiles.CpuStat::total).orElseGet(processor::getSystemCpuLoadTicks);
    long[][] coreTicks = stat.map(KernelFiles.CpuStat::cores).orElseGet(processor::getProcessorCpuLoadTicks);
    return new HostReading(systemTicks, coreTicks, cpu(coreTicks.length, stat), memory(meminfo), swap(meminfo),
        fileSystems(), disks(), networkInterfaces());
  }

  @Override
  public HostInfo info() {
    String hostname = Unknowns.text(os.getNetworkParams().getHostName()).orElse("localhost");
    long diskTotal = 0;
    for (DiskIo disk : disks()) {
      if (!VIRTUAL_DISK.matcher(disk.name()).matches()) {
        diskTotal += disk.sizeBytes();
      }
    }
    return new HostInfo(
        hostname,
        PlatformNames.platform(System.getProperty("os.name", "unknown")),
        os.getFamily(),
        os.getVersionInfo().toString(),
        PlatformNames.architecture(System.getProperty("os.arch", "unknown")),
        Unknowns.text(processor.getProcessorIdentifier().getName()).orElse("unknown"),
        processor.getPhysicalProcessorCount(),
        processor.getLogicalProcessorCount(),
        memory.getTotal(),
        memory.getVirtualMemory().getSwapTotal(),
        diskTotal,
        PrimaryAddress.choose(networkInterfaces(),
            Unknowns.text(os.getNetworkParams().getIpv4DefaultGateway())));
  }

  private Cpu cpu(int coreCount, Optional<KernelFiles.CpuStat> stat) {
    long[] currentHertz = currentHertz(coreCount);
    List<CpuCore> cores = new ArrayList<>(coreCount);
    double sumMhz = 0;
    int known = 0;
    for (int i = 0; i < coreCount; i++) {
      OptionalDouble mhz = i < currentHertz.length
          ? Unknowns.hertzToMegahertz(currentHertz[i]) : OptionalDouble.empty();
      if (mhz.isPresent()) {
        sumMhz += mhz.getAsDouble();
        known++;
      }
      int id = i < coreIds.size() ? coreIds.get(i) : i;
      cores.add(new CpuCore(id, OptionalDouble.empty(), mhz));
    }
    double[] load = processor.getSystemLoadAverage(3);
    if (minimumKhz == null) {
      minimumKhz = kernel.minimumFrequencyKilohertz(); // hardware: read once
    }
    OptionalLong minKhz = minimumKhz;
    OptionalDouble minMhz = minKhz.isPresent()
        ? OptionalDouble.of(minKhz.getAsLong() / 1000.0) : OptionalDouble.empty();
    return new Cpu(
        OptionalDouble.empty(),
        cores,
        known == 0 ? OptionalDouble.empty() : OptionalDouble.of(sumMhz / known),
        minMhz,
        maxMhz(),
        temperature(),
        new LoadAverage(Unknowns.load(load, 0), Unknowns.load(load, 1), Unknowns.load(load, 2)),
        stat.map(KernelFiles.CpuStat::contextSwitches).orElseGet(() -> Unknowns.count(processor.getContextSwitches())),
        stat.map(KernelFiles.CpuStat::interrupts).orElseGet(() -> Unknowns.count(processor.getInterrupts())),
        stat.map(KernelFiles.CpuStat::softInterrupts).orElseGet(kernel::softInterrupts),
        processes(),
        threads());
  }

  /** Per-core current clock in Hz: cpufreq or /proc/cpuinfo on Linux, OSHI elsewhere. */
  private long[] currentHertz(int cores) {
    long[] khz = kernel.currentFrequenciesKhz(cores);
    if (khz.length == 0) {
      return processor.getCurrentFreq();
    }
    long[] hz = new long[khz.length];
    for (int i = 0; i < khz.length; i++) {
      hz[i] = khz[i] * 1000;
    }
    return hz;
  }

  /** The highest clock is hardware: asked once. */
  private OptionalDouble maxMhz() {
    if (maxMhz == null) {
      maxMhz = Unknowns.hertzToMegahertz(processor.getMaxFreq());
    }
    return maxMhz;
  }

  /** Counting processes lists /proc: done at most every {@link #FILE_SYSTEM_LIFETIME_NANOS}. */
  private OptionalInt processes() {
    long now = nanoTime.getAsLong();
    if (processCount != null && now - processesCountedAt < FILE_SYSTEM_LIFETIME_NANOS) {
      return processCount;
    }
    processesCountedAt = now;
    processCount = countProcesses();
    return processCount;
  }

  private OptionalInt countProcesses() {
    OptionalLong n = kernel.processes();
    return n.isPresent() ? positiveInt((int) Math.min(Integer.MAX_VALUE, n.getAsLong())) : positiveInt(os.getProcessCount());
  }

  /** CPU temperature; a machine without a sensor is asked again only once a minute. */
  private OptionalDouble temperature() {
    long now = nanoTime.getAsLong();
    if (noSensorSince != Long.MIN_VALUE && now - noSensorSince < INVENTORY_LIFETIME_NANOS) {
      return OptionalDouble.empty();
    }
    OptionalDouble t = Unknowns.temperature(sensors.getCpuTemperature());
    noSensorSince = t.isPresent() ? Long.MIN_VALUE : now;
    return t;
  }

  private OptionalInt threads() {
    OptionalLong n = kernel.threads();
    return n.isPresent() ? positiveInt((int) Math.min(Integer.MAX_VALUE, n.getAsLong())) : positiveInt(os.getThreadCount());
  }

  private Memory memory(Map<String, Long> meminfo) {
    long total = meminfo.containsKey("MemTotal") ? meminfo.get("MemTotal") : memory.getTotal();
    long available = meminfo.containsKey("MemAvailable") ? meminfo.get("MemAvailable") : memory.getAvailable();
    long used = Math.max(0, total - available);
    OptionalLong free = meminfo.containsKey("MemFree") ? OptionalLong.of(meminfo.get("MemFree")) : kernel.memoryFreeBytes();
    return new Memory(total, available, used, free, Unknowns.percent(used, total));
  }

  private Swap swap(Map<String, Long> meminfo) {
    VirtualMemory virtual = memory.getVirtualMemory();
    boolean proc = meminfo.containsKey("SwapTotal") && meminfo.containsKey("SwapFree");
    long total = Math.max(0, proc ? meminfo.get("SwapTotal") : virtual.getSwapTotal());
    long used = Math.max(0, proc ? total - meminfo.get("SwapFree") : virtual.getSwapUsed());
    OptionalLong[] pages = proc ? kernel.swapPages() : new OptionalLong[] {
      Unknowns.count(virtual.getSwapPagesIn()), Unknowns.count(virtual.getSwapPagesOut())};
    return new Swap(total, used, Math.max(0, total - used), Unknowns.percent(used, total), pages[0], pages[1]);
  }

  /** Listed afresh every {@link #FILE_SYSTEM_LIFETIME_NANOS}: mounts change more often than hardware. */
  private List<FileSystemUsage> fileSystems() {
    long now = nanoTime.getAsLong();
    if (fileSystems != null && now - fileSystemsReadAt < FILE_SYSTEM_LIFETIME_NANOS) {
      return fileSystems;
    }
    List<FileSystemUsage> result = new ArrayList<>();
    for (OSFileStore store : os.getFileSystem().getFileStores()) {
      long total = Math.max(0, store.getTotalSpace());
      long free = Math.max(0, store.getFreeSpace());
      long available = Math.max(0, store.getUsableSpace());
      long used = Math.max(0, total - free);
      result.add(new FileSystemUsage(store.getMount(), store.getType(),
          Unknowns.text(store.getVolume()).orElse(store.getName()), total, free, available, used,
          Unknowns.percent(used, used + available)));
    }
    fileSystems = List.copyOf(result);
    fileSystemsReadAt = now;
    return fileSystems;
  }

  private List<DiskIo> disks() {
    java.util.Map<String, long[]> counters = kernel.diskStats();
    boolean stale = nanoTime.getAsLong() - diskStoresListedAt > INVENTORY_LIFETIME_NANOS;
    if (!stale && !counters.isEmpty()) {
      for (HWDiskStore store : diskStores) {
        stale |= !counters.containsKey(deviceName(store.getName()));
      }
    }
    if (stale) {
      listDiskStores();
    }
    List<DiskIo> result = new ArrayList<>(diskStores.size());
    for (HWDiskStore store : diskStores) {
      long[] c = counters.get(deviceName(store.getName()));
      if (c == null) {
        // no /proc/diskstats (not Linux): OSHI's own, slower update
        store.updateAttributes();
        c = new long[] {store.getReads(), store.getReadBytes() / 512, store.getWrites(), store.getWriteBytes() / 512,
          store.getTransferTime()};
      }
      result.add(new DiskIo(store.getName(), Unknowns.text(store.getModel()),
          Math.max(0, store.getSize()), c[0], c[2], c[1] * 512, c[3] * 512, c[4],
          OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
    }
    return result;
  }

  private static String deviceName(String name) {
    return name.startsWith("/dev/") ? name.substring(5) : name;
  }

  /**
   * Every interface the kernel counts (node_exporter's view: /proc/net/dev, including interfaces
   * that are down or have no address, which Java's and so OSHI's list leaves out), with the MAC,
   * addresses and speed learnt at the last listing. Listed again once a minute or as soon as the
   * kernel's set of names changes, never every cycle.
   */
  private List<NetworkIo> networkInterfaces() {
    Map<String, long[]> counters = kernel.netDev();
    if (counters.isEmpty()) {
      return oshiNetworkInterfaces();
    }
    if (nanoTime.getAsLong() - networkIfsListedAt > INVENTORY_LIFETIME_NANOS || !counters.keySet().equals(listedNames)) {
      listNetworkIfs(counters.keySet());
    }
    List<NetworkIo> result = new ArrayList<>(counters.size());
    for (Map.Entry<String, long[]> e : counters.entrySet()) {
      result.add(networkIo(e.getKey(), interfaceFacts.getOrDefault(e.getKey(), InterfaceFacts.UNKNOWN), e.getValue()));
    }
    return result;
  }

  /** Not Linux: OSHI's list and its own, slower update. */
  private List<NetworkIo> oshiNetworkInterfaces() {
    if (nanoTime.getAsLong() - networkIfsListedAt > INVENTORY_LIFETIME_NANOS) {
      listNetworkIfs(java.util.Set.of());
    }
    List<NetworkIo> result = new ArrayList<>(networkIfs.size());
    for (NetworkIF nic : networkIfs) {
      nic.updateAttributes();
      long[] c = {nic.getBytesRecv(), nic.getPacketsRecv(), nic.getInErrors(), nic.getInDrops(),
        nic.getBytesSent(), nic.getPacketsSent(), nic.getOutErrors(), -1};
      result.add(networkIo(nic.getName(), interfaceFacts.getOrDefault(nic.getName(), InterfaceFacts.UNKNOWN), c));
    }
    return result;
  }

  /** Counters in /proc/net/dev order: bytes, packets, errors, drops received, then the same sent. */
  private static NetworkIo networkIo(String name, InterfaceFacts facts, long[] c) {
    return new NetworkIo(name, facts.mac(), facts.ipv4(), facts.speedBitsPerSecond(), c[0], c[4], c[1], c[5], c[2], c[6],
        Unknowns.count(c[3]), Unknowns.count(c[7]),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
  }

  private void listDiskStores() {
    diskStores = hardware.getDiskStores();
    diskStoresListedAt = nanoTime.getAsLong();
  }

  /** OSHI's interfaces (loopback included), and for the kernel's others what sysfs says of them. */
  private void listNetworkIfs(java.util.Set<String> kernelNames) {
    networkIfs = hardware.getNetworkIFs(true);
    Map<String, InterfaceFacts> facts = new java.util.HashMap<>();
    for (NetworkIF nic : networkIfs) {
      facts.put(nic.getName(), new InterfaceFacts(Unknowns.text(nic.getMacaddr()), ipv4(nic), Unknowns.positive(nic.getSpeed())));
    }
    for (String name : kernelNames) {
      facts.computeIfAbsent(name, n -> new InterfaceFacts(kernel.interfaceMac(n), List.of(), kernel.interfaceSpeedBitsPerSecond(n)));
    }
    interfaceFacts = facts;
    listedNames = java.util.Set.copyOf(kernelNames);
    networkIfsListedAt = nanoTime.getAsLong();
  }

  /** An interface's MAC, IPv4 addresses and link speed, each absent where unknown. */
  private record InterfaceFacts(Optional<String> mac, List<Ipv4Address> ipv4, OptionalLong speedBitsPerSecond) {
    static final InterfaceFacts UNKNOWN = new InterfaceFacts(Optional.empty(), List.of(), OptionalLong.empty());
  }

  private static List<Ipv4Address> ipv4(NetworkIF nic) {
    String[] addresses = nic.getIPv4addr();
    Short[] prefixes = nic.getSubnetMasks();
    List<Ipv4Address> result = new ArrayList<>(addresses.length);
    for (int i = 0; i < addresses.length; i++) {
      int prefix = i < prefixes.length && prefixes[i] != null ? prefixes[i] : 0;
      result.add(new Ipv4Address(addresses[i], prefix));
    }
    return result;
  }

  private static OptionalInt positiveInt(int value) {
    return value <= 0 ? OptionalInt.empty() : OptionalInt.of(value);
  }
}
