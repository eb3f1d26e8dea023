package io.argus.prometheus.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.host.entity.Cpu;
import io.argus.host.entity.CpuCore;
import io.argus.host.entity.DiskIo;
import io.argus.host.entity.FileSystemUsage;
import io.argus.host.entity.HostSnapshot;
import io.argus.host.entity.LoadAverage;
import io.argus.host.entity.Memory;
import io.argus.host.entity.NetworkIo;
import io.argus.host.entity.Swap;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HostMetricsTest {

  private static final OptionalDouble NONE = OptionalDouble.empty();

  private static Cpu cpu(OptionalDouble overall, OptionalDouble core0, OptionalDouble core1) {
    return new Cpu(overall,
        List.of(new CpuCore(0, core0, OptionalDouble.of(2596.154)),
            new CpuCore(1, core1, OptionalDouble.of(2596.154))),
        OptionalDouble.of(2596.154), NONE, OptionalDouble.of(3500.0), NONE,
        new LoadAverage(OptionalDouble.of(1.5), OptionalDouble.of(1.25), OptionalDouble.of(1.0)),
        OptionalLong.of(1_230_555), OptionalLong.of(443_766), OptionalLong.of(209_730),
        OptionalInt.of(250), OptionalInt.of(1500));
  }

  private static HostSnapshot snapshot(Cpu cpu) {
    return new HostSnapshot(Instant.parse("2025-03-01T12:00:00Z"), cpu,
        new Memory(16_777_216_000L, 6_039_797_760L, 10_737_418_240L,
            OptionalLong.of(1_073_741_824L), OptionalDouble.of(64.0)),
        new Swap(0, 0, 0, NONE, OptionalLong.of(0), OptionalLong.of(0)),
        List.of(
            new FileSystemUsage("/run/user/1000", "tmpfs", "tmpfs", 4096, 4096, 4096, 0,
                OptionalDouble.of(0.0)),
            new FileSystemUsage("/", "ext4", "/dev/vda1", 2000, 1200, 1100, 800,
                OptionalDouble.of(42.5))),
        List.of(
            new DiskIo("/dev/zram0", Optional.empty(), 0, 0, 0, 0, 0, 0, NONE, NONE, NONE, NONE),
            new DiskIo("/dev/vda", Optional.of("Virtio disk"), 274_877_906_944L, 48_640, 1_000,
                1_649_992_704L, 524_288_000L, 1_500, OptionalDouble.of(12.5), OptionalDouble.of(3),
                OptionalDouble.of(1_048_576), OptionalDouble.of(2_097_152))),
        List.of(
            new NetworkIo("lo", Optional.empty(), List.of(), OptionalLong.empty(), 792_316, 792_316,
                9_000, 9_000, 0, 0, OptionalLong.of(0), OptionalLong.empty(), NONE, NONE, NONE,
                NONE),
            new NetworkIo("eth0", Optional.of("02:fc:00:00:00:01"), List.of(),
                OptionalLong.of(1_000_000_000L), 367_927_911, 1_234_567, 300_000, 20_000, 0, 0,
                OptionalLong.of(5), OptionalLong.of(1), OptionalDouble.of(1_024_000),
                OptionalDouble.of(512_000.5), OptionalDouble.of(1_000), OptionalDouble.of(800))));
  }

  @Test
  void rendersTheSeedNamesAndTheDiskAndNetworkFamilies() {
    HostSnapshot snapshot = snapshot(
        cpu(OptionalDouble.of(45.5), OptionalDouble.of(50.0), OptionalDouble.of(41.25)));

    assertThat(ExpositionFormat.write(HostMetrics.from(snapshot))).isEqualTo("""
        # HELP cpu_ctx_switches_total Context switches since boot
        # TYPE cpu_ctx_switches_total counter
        cpu_ctx_switches_total 1230555
        # HELP cpu_frequency_current_mhz Current CPU frequency
        # TYPE cpu_frequency_current_mhz gauge
        cpu_frequency_current_mhz 2596.154
        # HELP cpu_frequency_max_mhz Highest CPU frequency the hardware allows
        # TYPE cpu_frequency_max_mhz gauge
        cpu_frequency_max_mhz 3500
        # HELP cpu_interrupts_total Hardware interrupts since boot
        # TYPE cpu_interrupts_total counter
        cpu_interrupts_total 443766
        # HELP cpu_load_average_1m Load average over one minute
        # TYPE cpu_load_average_1m gauge
        cpu_load_average_1m 1.5
        # HELP cpu_load_average_5m Load average over five minutes
        # TYPE cpu_load_average_5m gauge
        cpu_load_average_5m 1.25
        # HELP cpu_load_average_15m Load average over fifteen minutes
        # TYPE cpu_load_average_15m gauge
        cpu_load_average_15m 1
        # HELP cpu_percent_per_cpu CPU busy percent of one core
        # TYPE cpu_percent_per_cpu gauge
        cpu_percent_per_cpu{core="0"} 50
        cpu_percent_per_cpu{core="1"} 41.25
        # HELP cpu_percent_total CPU busy percent, all cores
        # TYPE cpu_percent_total gauge
        cpu_percent_total 45.5
        # HELP cpu_soft_interrupts_total Soft interrupts since boot
        # TYPE cpu_soft_interrupts_total counter
        cpu_soft_interrupts_total 209730
        # HELP disk_io_time_seconds_total Time a disk spent doing I/O
        # TYPE disk_io_time_seconds_total counter
        disk_io_time_seconds_total{device="vda"} 1.5
        disk_io_time_seconds_total{device="zram0"} 0
        # HELP disk_read_bytes_per_second Bytes read per second since the previous sample
        # TYPE disk_read_bytes_per_second gauge
        disk_read_bytes_per_second{device="vda"} 1048576
        # HELP disk_read_bytes_total Bytes read from a disk
        # TYPE disk_read_bytes_total counter
        disk_read_bytes_total{device="vda"} 1649992704
        disk_read_bytes_total{device="zram0"} 0
        # HELP disk_reads_completed_total Reads completed by a disk
        # TYPE disk_reads_completed_total counter
        disk_reads_completed_total{device="vda"} 48640
        disk_reads_completed_total{device="zram0"} 0
        # HELP disk_reads_per_second Reads completed per second since the previous sample
        # TYPE disk_reads_per_second gauge
        disk_reads_per_second{device="vda"} 12.5
        # HELP disk_writes_completed_total Writes completed by a disk
        # TYPE disk_writes_completed_total counter
        disk_writes_completed_total{device="vda"} 1000
        disk_writes_completed_total{device="zram0"} 0
        # HELP disk_writes_per_second Writes completed per second since the previous sample
        # TYPE disk_writes_per_second gauge
        disk_writes_per_second{device="vda"} 3
        # HELP disk_written_bytes_per_second Bytes written per second since the previous sample
        # TYPE disk_written_bytes_per_second gauge
        disk_written_bytes_per_second{device="vda"} 2097152
        # HELP disk_written_bytes_total Bytes written to a disk
        # TYPE disk_written_bytes_total counter
        disk_written_bytes_total{device="vda"} 524288000
        disk_written_bytes_total{device="zram0"} 0
        # HELP filesystem_available_bytes File system space available to unprivileged users
        # TYPE filesystem_available_bytes gauge
        filesystem_available_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 1100
        filesystem_available_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run/user/1000"} 4096
        # HELP filesystem_free_bytes File system space free, root's reserve included
        # TYPE filesystem_free_bytes gauge
        filesystem_free_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 1200
        filesystem_free_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run/user/1000"} 4096
        # HELP filesystem_size_bytes File system size
        # TYPE filesystem_size_bytes gauge
        filesystem_size_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 2000
        filesystem_size_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run/user/1000"} 4096
        # HELP filesystem_used_bytes File system space in use
        # TYPE filesystem_used_bytes gauge
        filesystem_used_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 800
        filesystem_used_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run/user/1000"} 0
        # HELP filesystem_used_percent File system space in use, percent of what users can reach
        # TYPE filesystem_used_percent gauge
        filesystem_used_percent{device="/dev/vda1",fstype="ext4",mountpoint="/"} 42.5
        filesystem_used_percent{device="tmpfs",fstype="tmpfs",mountpoint="/run/user/1000"} 0
        # HELP memory_swap_free_bytes Swap not in use
        # TYPE memory_swap_free_bytes gauge
        memory_swap_free_bytes 0
        # HELP memory_swap_pages_in_total Pages swapped in since boot
        # TYPE memory_swap_pages_in_total counter
        memory_swap_pages_in_total 0
        # HELP memory_swap_pages_out_total Pages swapped out since boot
        # TYPE memory_swap_pages_out_total counter
        memory_swap_pages_out_total 0
        # HELP memory_swap_total_bytes Swap space
        # TYPE memory_swap_total_bytes gauge
        memory_swap_total_bytes 0
        # HELP memory_swap_used_bytes Swap in use
        # TYPE memory_swap_used_bytes gauge
        memory_swap_used_bytes 0
        # HELP memory_virtual_available_bytes Physical memory available
        # TYPE memory_virtual_available_bytes gauge
        memory_virtual_available_bytes 6039797760
        # HELP memory_virtual_free_bytes Physical memory never used since boot
        # TYPE memory_virtual_free_bytes gauge
        memory_virtual_free_bytes 1073741824
        # HELP memory_virtual_percent Physical memory in use, percent
        # TYPE memory_virtual_percent gauge
        memory_virtual_percent 64
        # HELP memory_virtual_total_bytes Physical memory installed
        # TYPE memory_virtual_total_bytes gauge
        memory_virtual_total_bytes 16777216000
        # HELP memory_virtual_used_bytes Physical memory in use
        # TYPE memory_virtual_used_bytes gauge
        memory_virtual_used_bytes 10737418240
        # HELP network_receive_bytes_per_second Bytes received per second since the previous sample
        # TYPE network_receive_bytes_per_second gauge
        network_receive_bytes_per_second{device="eth0"} 1024000
        # HELP network_receive_bytes_total Bytes received on an interface
        # TYPE network_receive_bytes_total counter
        network_receive_bytes_total{device="eth0"} 367927911
        network_receive_bytes_total{device="lo"} 792316
        # HELP network_receive_drops_total Received packets dropped
        # TYPE network_receive_drops_total counter
        network_receive_drops_total{device="eth0"} 5
        network_receive_drops_total{device="lo"} 0
        # HELP network_receive_errors_total Receive errors on an interface
        # TYPE network_receive_errors_total counter
        network_receive_errors_total{device="eth0"} 0
        network_receive_errors_total{device="lo"} 0
        # HELP network_receive_packets_per_second Packets received per second since the previous sample
        # TYPE network_receive_packets_per_second gauge
        network_receive_packets_per_second{device="eth0"} 1000
        # HELP network_receive_packets_total Packets received on an interface
        # TYPE network_receive_packets_total counter
        network_receive_packets_total{device="eth0"} 300000
        network_receive_packets_total{device="lo"} 9000
        # HELP network_transmit_bytes_per_second Bytes sent per second since the previous sample
        # TYPE network_transmit_bytes_per_second gauge
        network_transmit_bytes_per_second{device="eth0"} 512000.5
        # HELP network_transmit_bytes_total Bytes sent on an interface
        # TYPE network_transmit_bytes_total counter
        network_transmit_bytes_total{device="eth0"} 1234567
        network_transmit_bytes_total{device="lo"} 792316
        # HELP network_transmit_drops_total Outgoing packets dropped
        # TYPE network_transmit_drops_total counter
        network_transmit_drops_total{device="eth0"} 1
        # HELP network_transmit_errors_total Transmit errors on an interface
        # TYPE network_transmit_errors_total counter
        network_transmit_errors_total{device="eth0"} 0
        network_transmit_errors_total{device="lo"} 0
        # HELP network_transmit_packets_per_second Packets sent per second since the previous sample
        # TYPE network_transmit_packets_per_second gauge
        network_transmit_packets_per_second{device="eth0"} 800
        # HELP network_transmit_packets_total Packets sent on an interface
        # TYPE network_transmit_packets_total counter
        network_transmit_packets_total{device="eth0"} 20000
        network_transmit_packets_total{device="lo"} 9000
        """);
  }

  @Test
  void aFirstSampleWithoutUsageExposesNoCpuPercent() {
    HostSnapshot first = snapshot(cpu(NONE, NONE, NONE));

    List<MetricFamily> families = HostMetrics.from(first);

    assertThat(families)
        .filteredOn(f -> f.name().startsWith("cpu_percent"))
        .allSatisfy(f -> assertThat(f.samples()).isEmpty());
    assertThat(ExpositionFormat.write(families))
        .doesNotContain("cpu_percent")
        .doesNotContain("cpu_temperature_celsius")
        .doesNotContain("cpu_frequency_min_mhz")
        .doesNotContain("memory_swap_percent")
        .contains("cpu_frequency_current_mhz 2596.154\n");
  }
}
