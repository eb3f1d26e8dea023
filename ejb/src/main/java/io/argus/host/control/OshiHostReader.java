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
 * <p>Not thread-safe: the cached disk and interface objects are updated in place on every read, so
 * only {@link HostProbe} calls it, under its lock.
 */
final class OshiHostReader implements HostReader {

  /** Devices come and go rarely; enumerating them through udev costs more than updating them. */
  private static final long INVENTORY_LIFETIME_NANOS = Duration.ofMinutes(1).toNanos();

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
    listNetworkIfs();
  }

  @Override
  public HostReading read() {
    long[] systemTicks = processor.getSystemCpuLoadTicks();
    long[][] coreTicks = processor.getProcessorCpuLoadTicks();
    return new HostReading(systemTicks, coreTicks, cpu(coreTicks.length), memory(), swap(),
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

  private Cpu cpu(int coreCount) {
    long[] currentHertz = processor.getCurrentFreq();
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
    OptionalLong minKhz = kernel.minimumFrequencyKilohertz();
    OptionalDouble minMhz = minKhz.isPresent()
        ? OptionalDouble.of(minKhz.getAsLong() / 1000.0) : OptionalDouble.empty();
    return new Cpu(
        OptionalDouble.empty(),
        cores,
        known == 0 ? OptionalDouble.empty() : OptionalDouble.of(sumMhz / known),
        minMhz,
        Unknowns.hertzToMegahertz(processor.getMaxFreq()),
        Unknowns.temperature(sensors.getCpuTemperature()),
        new LoadAverage(Unknowns.load(load, 0), Unknowns.load(load, 1), Unknowns.load(load, 2)),
        Unknowns.count(processor.getContextSwitches()),
        Unknowns.count(processor.getInterrupts()),
        kernel.softInterrupts(),
        positiveInt(os.getProcessCount()),
        positiveInt(os.getThreadCount()));
  }

  private Memory memory() {
    long total = memory.getTotal();
    long available = memory.getAvailable();
    long used = Math.max(0, total - available);
    return new Memory(total, available, used, kernel.memoryFreeBytes(),
        Unknowns.percent(used, total));
  }

  private Swap swap() {
    VirtualMemory virtual = memory.getVirtualMemory();
    long total = Math.max(0, virtual.getSwapTotal());
    long used = Math.max(0, virtual.getSwapUsed());
    return new Swap(total, used, Math.max(0, total - used), Unknowns.percent(used, total),
        Unknowns.count(virtual.getSwapPagesIn()), Unknowns.count(virtual.getSwapPagesOut()));
  }

  /** Listed fresh every time: mounts change more often than hardware, and listing is cheap. */
  private List<FileSystemUsage> fileSystems() {
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
    return result;
  }

  private List<DiskIo> disks() {
    boolean stale = nanoTime.getAsLong() - diskStoresListedAt > INVENTORY_LIFETIME_NANOS;
    if (!stale) {
      for (HWDiskStore store : diskStores) {
        stale |= !store.updateAttributes();
      }
    }
    if (stale) {
      listDiskStores();
    }
    List<DiskIo> result = new ArrayList<>(diskStores.size());
    for (HWDiskStore store : diskStores) {
      result.add(new DiskIo(store.getName(), Unknowns.text(store.getModel()),
          Math.max(0, store.getSize()), store.getReads(), store.getWrites(), store.getReadBytes(),
          store.getWriteBytes(), store.getTransferTime(), OptionalDouble.empty(),
          OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
    }
    return result;
  }

  private List<NetworkIo> networkInterfaces() {
    boolean stale = nanoTime.getAsLong() - networkIfsListedAt > INVENTORY_LIFETIME_NANOS;
    if (!stale) {
      for (NetworkIF nic : networkIfs) {
        stale |= !nic.updateAttributes();
      }
    }
    if (stale) {
      listNetworkIfs();
    }
    List<NetworkIo> result = new ArrayList<>(networkIfs.size());
    for (NetworkIF nic : networkIfs) {
      result.add(new NetworkIo(nic.getName(), Unknowns.text(nic.getMacaddr()), ipv4(nic),
          Unknowns.positive(nic.getSpeed()), nic.getBytesRecv(), nic.getBytesSent(),
          nic.getPacketsRecv(), nic.getPacketsSent(), nic.getInErrors(), nic.getOutErrors(),
          Unknowns.count(nic.getInDrops()), kernel.transmitDrops(nic.getName()),
          OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
          OptionalDouble.empty()));
    }
    return result;
  }

  private void listDiskStores() {
    diskStores = hardware.getDiskStores();
    diskStoresListedAt = nanoTime.getAsLong();
  }

  private void listNetworkIfs() {
    // loopback included: the API promises every interface, and local traffic can be the story
    networkIfs = hardware.getNetworkIFs(true);
    networkIfsListedAt = nanoTime.getAsLong();
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
