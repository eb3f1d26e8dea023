package io.argus.prometheus.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.collect.control.CollectorStats;
import io.argus.collect.entity.Snapshot;
import io.argus.collect.entity.XidCount;
import io.argus.gpu.entity.DriverVersions;
import io.argus.gpu.entity.GpuClocks;
import io.argus.gpu.entity.GpuFault;
import io.argus.gpu.entity.GpuIdentity;
import io.argus.gpu.entity.GpuMemory;
import io.argus.gpu.entity.GpuProcess;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.host.entity.Cpu;
import io.argus.host.entity.HostInfo;
import io.argus.host.entity.HostSnapshot;
import io.argus.host.entity.LoadAverage;
import io.argus.host.entity.Memory;
import io.argus.host.entity.Swap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GpuMetricsTest {

  private static final String UUID = "GPU-5d0b5e5a-1f9e-4b43-9a4e-0123456789a0";

  static Snapshot snapshot() {
    GpuSnapshot gpu = new GpuSnapshot(
        new GpuIdentity(0, UUID, Optional.of("NVIDIA H100 80GB HBM3"), Optional.of("1654922000100"),
            Optional.of("00000000:18:00.0"), OptionalInt.of(0)),
        OptionalInt.of(87), OptionalInt.of(41),
        new GpuMemory(OptionalLong.of(85_520_809_984L), OptionalLong.of(25_520_809_984L), OptionalLong.of(60_000_000_000L),
            OptionalLong.empty()),
        OptionalInt.of(64), OptionalDouble.of(612.345), OptionalDouble.of(700), OptionalDouble.of(123_456.789),
        new GpuClocks(OptionalLong.of(1_755_000_000L), OptionalLong.of(1_755_000_000L), OptionalLong.of(2_619_000_000L),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()),
        OptionalInt.empty(), // fanless board: no fan speed
        OptionalInt.of(0), OptionalInt.of(0), OptionalInt.of(0), OptionalLong.of(1_228_800), OptionalLong.of(34_816_000),
        OptionalLong.of(0), OptionalLong.of(2), OptionalLong.of(4),
        List.of(new GpuProcess(4242, OptionalLong.of(21_474_836_480L), OptionalInt.empty(), OptionalInt.empty())),
        false, List.of());
    GpuReadout readout = new GpuReadout(Instant.parse("2026-11-24T06:00:00Z"), "nvml", true,
        new DriverVersions(Optional.of("550.54.15"), Optional.of("12.550.54.15"), Optional.of("12.4")),
        List.of(gpu), List.of(new GpuFault(1, Optional.of("GPU-lost"), "GPU_IS_LOST", true)), List.of());
    Cpu cpu = new Cpu(OptionalDouble.empty(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), LoadAverage.UNKNOWN, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
        OptionalInt.empty(), OptionalInt.empty());
    HostSnapshot host = new HostSnapshot(Instant.parse("2026-11-24T06:00:00Z"), cpu,
        new Memory(1, 1, 0, OptionalLong.empty(), OptionalDouble.empty()),
        new Swap(0, 0, 0, OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty()), List.of(), List.of(), List.of());
    HostInfo info = new HostInfo("gpu-node-1", "linux", "Linux", "6", "x86_64", "EPYC", 64, 128, 1, 0, 1, Optional.empty());
    return new Snapshot(Instant.parse("2026-11-24T06:00:00Z"), "gpu-node-1", info, host, readout, Map.of(),
        Map.of(UUID, new XidCount(3, 79)), Duration.ofMillis(2));
  }

  @Test
  void theSeedNamesCarryGpuIdNameAndUuidAndAbsentFieldsGiveNoSample() {
    String text = ExpositionFormat.write(GpuMetrics.from(snapshot()));
    String labels = "{gpu_id=\"0\",name=\"NVIDIA H100 80GB HBM3\",uuid=\"" + UUID + "\"}";
    assertThat(text).contains(
        "# TYPE gpu_device_count gauge\ngpu_device_count 1\n",
        "gpu_temperature_celsius" + labels + " 64\n",
        "gpu_power_watts" + labels + " 612.345\n",
        "gpu_utilization_percent" + labels + " 87\n",
        "gpu_memory_utilization_percent" + labels + " 41\n",
        "gpu_memory_used_bytes" + labels + " 25520809984\n",
        "gpu_memory_total_bytes" + labels + " 85520809984\n",
        "# TYPE gpu_energy_joules_total counter\ngpu_energy_joules_total" + labels + " 123456.789\n",
        "gpu_sm_clock_hz" + labels + " 1755000000\n",
        "gpu_pcie_rx_bytes_per_second" + labels + " 34816000\n",
        "gpu_ecc_uncorrected_errors_total" + labels + " 2\n",
        "gpu_clock_event_reasons" + labels + " 4\n",
        "gpu_processes" + labels + " 1\n",
        "gpu_xid_errors_total" + labels + " 3\n",
        "gpu_xid_last" + labels + " 79\n",
        "gpu_lost{gpu_id=\"1\",uuid=\"GPU-lost\"} 1\n");
    assertThat(text).doesNotContain("gpu_fan_speed_percent{", "gpu_memory_reserved_bytes{", "gpu_sm_clock_max_hz{");
  }

  @Test
  void theDcgmFamilyUsesDcgmExporterNamesUnitsAndLabels() {
    String text = ExpositionFormat.write(DcgmMetrics.from(snapshot()));
    String labels = "{DCGM_FI_DRIVER_VERSION=\"550.54.15\",Hostname=\"gpu-node-1\",UUID=\"" + UUID
        + "\",device=\"nvidia0\",gpu=\"0\",modelName=\"NVIDIA H100 80GB HBM3\",pci_bus_id=\"00000000:18:00.0\"}";
    assertThat(text).contains(
        "DCGM_FI_DEV_GPU_UTIL" + labels + " 87\n",
        "DCGM_FI_DEV_FB_USED" + labels + " 24338\n", // 25520809984 B in MiB, rounded down as DCGM does
        "DCGM_FI_DEV_FB_FREE" + labels + " 57220\n",
        "DCGM_FI_DEV_SM_CLOCK" + labels + " 1755\n",
        "DCGM_FI_DEV_POWER_USAGE" + labels + " 612.345\n",
        "# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter\nDCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION" + labels + " 123456789\n",
        "DCGM_FI_DEV_XID_ERRORS" + labels + " 79\n",
        "DCGM_FI_DEV_GPU_TEMP" + labels + " 64\n");
    assertThat(text).doesNotContain("DCGM_FI_DEV_FAN_SPEED{", "DCGM_FI_DEV_FB_RESERVED{");
  }

  @Test
  void theCollectorReportsItsOwnFiguresAndNvmlErrorsByCode() {
    CollectorStats.View view = new CollectorStats.View(10, 2, 1, Duration.ofMillis(3), Optional.of(Duration.ofNanos(1_500_000)),
        Duration.ofMillis(15), Optional.of(Instant.parse("2026-11-24T06:00:00Z")));
    String text = ExpositionFormat.write(CollectorMetrics.from(view, "nvml", Map.of("NOT_SUPPORTED", 8L, "GPU_IS_LOST", 1L), 5));
    assertThat(text).contains(
        "argus_collector_cycles_total 10\n",
        "argus_collector_skipped_ticks_total 2\n",
        "argus_collector_cycle_cpu_seconds 0.0015\n",
        "argus_collector_last_success_timestamp_seconds 1795500000\n",
        "argus_gpu_backend_info{backend=\"nvml\"} 1\n",
        "argus_nvml_errors_total{code=\"GPU_IS_LOST\"} 1\nargus_nvml_errors_total{code=\"NOT_SUPPORTED\"} 8\n");
  }
}
