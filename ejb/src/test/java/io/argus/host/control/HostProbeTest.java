package io.argus.host.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.host.entity.Cpu;
import io.argus.host.entity.CpuCore;
import io.argus.host.entity.DiskIo;
import io.argus.host.entity.HostInfo;
import io.argus.host.entity.HostSnapshot;
import io.argus.host.entity.LoadAverage;
import io.argus.host.entity.Memory;
import io.argus.host.entity.NetworkIo;
import io.argus.host.entity.Swap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HostProbeTest {

  private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

  /** One time source for both the wall clock and the monotonic ticker, moved by the test. */
  private static final class ManualTime extends Clock {
    private long nanos;

    void advance(Duration duration) {
      nanos += duration.toNanos();
    }

    long nanoTime() {
      return nanos;
    }

    @Override
    public Instant instant() {
      return START.plusNanos(nanos);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class ScriptedReader implements HostReader {
    final Deque<HostReading> readings = new ArrayDeque<>();

    @Override
    public HostReading read() {
      return readings.removeFirst();
    }

    @Override
    public HostInfo info() {
      return new HostInfo("node-1", "linux", "Debian GNU/Linux", "12", "x86_64", "AMD EPYC", 2, 2,
          1L << 34, 0, 1L << 38, Optional.of("192.0.2.2"));
    }
  }

  private static HostReading reading(long[] system, long[][] cores, DiskIo disk, NetworkIo nic) {
    Cpu cpu = new Cpu(OptionalDouble.empty(),
        List.of(new CpuCore(0, OptionalDouble.empty(), OptionalDouble.of(2596.0)),
            new CpuCore(1, OptionalDouble.empty(), OptionalDouble.of(2596.0))),
        OptionalDouble.of(2596.0), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), LoadAverage.UNKNOWN, OptionalLong.of(1), OptionalLong.of(2),
        OptionalLong.empty(), OptionalInt.of(90), OptionalInt.of(160));
    return new HostReading(system, cores, cpu,
        new Memory(1000, 600, 400, OptionalLong.empty(), OptionalDouble.of(40.0)),
        new Swap(0, 0, 0, OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty()),
        List.of(), List.of(disk), List.of(nic));
  }

  private static DiskIo disk(String name, long reads, long writes, long readBytes, long written) {
    return new DiskIo(name, Optional.empty(), 1L << 38, reads, writes, readBytes, written, 0,
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty());
  }

  private static NetworkIo nic(String name, long rxBytes, long txBytes, long rxPackets,
      long txPackets) {
    return new NetworkIo(name, Optional.empty(), List.of(), OptionalLong.empty(), rxBytes, txBytes,
        rxPackets, txPackets, 0, 0, OptionalLong.empty(), OptionalLong.empty(),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty());
  }

  private final ManualTime time = new ManualTime();
  private final ScriptedReader reader = new ScriptedReader();
  private final HostProbe probe = new HostProbe(reader, time, time::nanoTime);

  @Test
  void firstSampleHasNoUsageAndNoRates() {
    reader.readings.add(reading(new long[8], new long[2][8], disk("/dev/vda", 0, 0, 0, 0),
        nic("eth0", 0, 0, 0, 0)));

    HostSnapshot first = probe.sample();

    assertThat(first.timestamp()).isEqualTo(START);
    assertThat(first.cpu().usagePercent()).isEmpty();
    assertThat(first.cpu().cores()).allSatisfy(core -> assertThat(core.usagePercent()).isEmpty());
    assertThat(first.disks().get(0).readBytesPerSecond()).isEmpty();
    assertThat(first.networkInterfaces().get(0).receivedBytesPerSecond()).isEmpty();
  }

  @Test
  void secondSampleDerivesUsageAndRatesFromTheElapsedTime() {
    reader.readings.add(reading(
        new long[] {100, 0, 100, 800, 0, 0, 0, 0},
        new long[][] {{50, 0, 50, 400, 0, 0, 0, 0}, {50, 0, 50, 400, 0, 0, 0, 0}},
        disk("/dev/vda", 10, 20, 4096, 8192), nic("eth0", 1_000, 2_000, 10, 20)));
    reader.readings.add(reading(
        new long[] {175, 0, 125, 900, 0, 0, 0, 0},
        new long[][] {{100, 0, 50, 450, 0, 0, 0, 0}, {75, 0, 75, 450, 0, 0, 0, 0}},
        disk("/dev/vda", 110, 70, 4096 + 1_048_576, 8192 + 2_097_152),
        nic("eth0", 1_000 + 500_000, 2_000 + 250_000, 1_010, 520)));

    probe.sample();
    time.advance(Duration.ofMillis(500));
    HostSnapshot second = probe.sample();

    assertThat(second.timestamp()).isEqualTo(START.plusMillis(500));
    assertThat(second.cpu().usagePercent()).hasValueCloseTo(50.0, within(1e-9));
    assertThat(second.cpu().cores().get(0).usagePercent()).hasValueCloseTo(50.0, within(1e-9));
    assertThat(second.cpu().cores().get(1).usagePercent()).hasValueCloseTo(50.0, within(1e-9));
    DiskIo disk = second.disks().get(0);
    assertThat(disk.readsPerSecond()).hasValue(200.0);
    assertThat(disk.writesPerSecond()).hasValue(100.0);
    assertThat(disk.readBytesPerSecond()).hasValue(2_097_152.0);
    assertThat(disk.writtenBytesPerSecond()).hasValue(4_194_304.0);
    NetworkIo nic = second.networkInterfaces().get(0);
    assertThat(nic.receivedBytesPerSecond()).hasValue(1_000_000.0);
    assertThat(nic.sentBytesPerSecond()).hasValue(500_000.0);
    assertThat(nic.receivedPacketsPerSecond()).hasValue(2_000.0);
    assertThat(nic.sentPacketsPerSecond()).hasValue(1_000.0);
  }

  @Test
  void aDeviceThatAppearsBetweenSamplesHasNoRatesYet() {
    reader.readings.add(reading(new long[8], new long[2][8], disk("/dev/vda", 1, 1, 1, 1),
        nic("eth0", 1, 1, 1, 1)));
    reader.readings.add(reading(new long[8], new long[2][8], disk("/dev/vdb", 9, 9, 9, 9),
        nic("wg0", 9, 9, 9, 9)));

    probe.sample();
    time.advance(Duration.ofSeconds(1));
    HostSnapshot second = probe.sample();

    assertThat(second.disks().get(0).readBytesPerSecond()).isEmpty();
    assertThat(second.networkInterfaces().get(0).receivedBytesPerSecond()).isEmpty();
  }

  @Test
  void aCounterResetGivesNoRateInsteadOfANegativeOne() {
    reader.readings.add(reading(new long[8], new long[2][8], disk("/dev/vda", 100, 100, 100, 100),
        nic("eth0", 100, 100, 100, 100)));
    reader.readings.add(reading(new long[8], new long[2][8], disk("/dev/vda", 5, 5, 5, 5),
        nic("eth0", 5, 5, 5, 5)));

    probe.sample();
    time.advance(Duration.ofSeconds(1));
    HostSnapshot second = probe.sample();

    assertThat(second.disks().get(0).readBytesPerSecond()).isEmpty();
    assertThat(second.networkInterfaces().get(0).sentBytesPerSecond()).isEmpty();
  }

  @Test
  void infoComesFromTheReader() {
    assertThat(probe.info().hostname()).isEqualTo("node-1");
  }
}
