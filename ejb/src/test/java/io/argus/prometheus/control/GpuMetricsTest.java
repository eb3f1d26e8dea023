package io.argus.prometheus.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.collect.control.CollectorStats;
import io.argus.collect.entity.Snapshot;
import io.argus.collect.entity.Snapshots;
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

  private static final String UUID = Snapshots.UUID;

  private static Snapshot snapshot() {
    return Snapshots.h100();
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
