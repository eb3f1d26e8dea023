package io.argus.host.control;

import io.argus.host.entity.Cpu;
import io.argus.host.entity.CpuCore;
import io.argus.host.entity.DiskIo;
import io.argus.host.entity.HostInfo;
import io.argus.host.entity.HostSnapshot;
import io.argus.host.entity.NetworkIo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Samples this host's processor, memory, file systems, disks and network interfaces.
 *
 * <p>Thread-safe, by serializing calls: CPU usage and rates are relative to the previous sample,
 * whoever took it, so two callers sampling independently would each see half the interval. Let one
 * collector own the probe and publish its snapshots to everyone else. Creating the probe costs a
 * few hundred milliseconds (OSHI inspects the machine once); create one and keep it.
 */
public final class HostProbe {

  private final HostReader reader;
  private final Clock clock;
  private final LongSupplier nanoTime;

  private Previous previous;

  HostProbe(HostReader reader, Clock clock, LongSupplier nanoTime) {
    this.reader = reader;
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  /** A probe of the machine this JVM runs on, time-stamping samples with the given clock. */
  public static HostProbe ofThisMachine(Clock clock) {
    return new HostProbe(new OshiHostReader(KernelFiles.ofThisMachine(), System::nanoTime), clock,
        System::nanoTime);
  }

  public static HostProbe ofThisMachine() {
    return ofThisMachine(Clock.systemUTC());
  }

  /** Reads the host now; the first call of a probe has no CPU usage and no rates. */
  public synchronized HostSnapshot sample() {
    long now = nanoTime.getAsLong();
    Instant timestamp = clock.instant();
    HostReading reading = reader.read();

    Previous before = previous;
    double seconds = before == null ? 0 : (now - before.nanos) / 1e9;
    Cpu cpu = withUsage(reading, before);
    List<DiskIo> disks = new ArrayList<>(reading.disks().size());
    for (DiskIo disk : reading.disks()) {
      DiskIo old = before == null ? null : before.disks.get(disk.name());
      disks.add(old == null ? disk : disk.withRates(
          Deltas.perSecond(old.reads(), disk.reads(), seconds),
          Deltas.perSecond(old.writes(), disk.writes(), seconds),
          Deltas.perSecond(old.readBytes(), disk.readBytes(), seconds),
          Deltas.perSecond(old.writtenBytes(), disk.writtenBytes(), seconds)));
    }
    List<NetworkIo> interfaces = new ArrayList<>(reading.networkInterfaces().size());
    for (NetworkIo nic : reading.networkInterfaces()) {
      NetworkIo old = before == null ? null : before.interfaces.get(nic.name());
      interfaces.add(old == null ? nic : nic.withRates(
          Deltas.perSecond(old.receivedBytes(), nic.receivedBytes(), seconds),
          Deltas.perSecond(old.sentBytes(), nic.sentBytes(), seconds),
          Deltas.perSecond(old.receivedPackets(), nic.receivedPackets(), seconds),
          Deltas.perSecond(old.sentPackets(), nic.sentPackets(), seconds)));
    }

    previous = new Previous(now, reading.systemTicks(), reading.coreTicks(),
        byName(reading.disks(), DiskIo::name),
        byName(reading.networkInterfaces(), NetworkIo::name));
    return new HostSnapshot(timestamp, cpu, reading.memory(), reading.swap(),
        reading.fileSystems(), disks, interfaces);
  }

  /** What the host is: identity, OS, processor and capacities. */
  public synchronized HostInfo info() {
    return reader.info();
  }

  private static Cpu withUsage(HostReading reading, Previous before) {
    if (before == null) {
      return reading.cpu();
    }
    List<CpuCore> cores = reading.cpu().cores();
    List<CpuCore> withUsage = new ArrayList<>(cores.size());
    for (int i = 0; i < cores.size(); i++) {
      boolean comparable = i < before.coreTicks.length && i < reading.coreTicks().length;
      withUsage.add(cores.get(i).withUsage(comparable
          ? Deltas.busyPercent(before.coreTicks[i], reading.coreTicks()[i])
          : OptionalDouble.empty()));
    }
    return reading.cpu().withUsage(
        Deltas.busyPercent(before.systemTicks, reading.systemTicks()), withUsage);
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> map = new HashMap<>();
    for (T item : items) {
      map.put(name.apply(item), item);
    }
    return map;
  }

  private record Previous(long nanos, long[] systemTicks, long[][] coreTicks,
      Map<String, DiskIo> disks, Map<String, NetworkIo> interfaces) {}
}
