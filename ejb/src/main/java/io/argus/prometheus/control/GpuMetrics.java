package io.argus.prometheus.control;

import io.argus.collect.entity.Snapshot;
import io.argus.collect.entity.XidCount;
import io.argus.gpu.entity.GpuFault;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.gpu.entity.MigInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Every GPU of a snapshot as metric families: the seed's names ({@code gpu_temperature_celsius},
 * {@code gpu_power_watts}, {@code gpu_device_count}, …) with labels {@code gpu_id}, {@code name}
 * and {@code uuid}, the rest in base units under the names of the metric dictionary. Absent values
 * give no sample.
 */
public final class GpuMetrics {

  private GpuMetrics() {}

  public static List<MetricFamily> from(Snapshot snapshot) {
    GpuReadout readout = snapshot.gpus();
    List<GpuSnapshot> gpus = readout.gpus();
    List<MetricFamily> out = new ArrayList<>();
    out.add(MetricFamily.gauge("gpu_device_count", "GPUs this node reads (lost ones excluded)")
        .add(gpus.size()).build());
    per(out, gpus, "gpu_utilization_percent", "Percent of time a kernel ran on the GPU", (b, g) -> b.add(g.gpuUtilizationPercent(), labels(g)));
    per(out, gpus, "gpu_memory_utilization_percent", "Percent of time device memory was read or written", (b, g) -> b.add(g.memoryUtilizationPercent(), labels(g)));
    per(out, gpus, "gpu_memory_total_bytes", "Device memory installed", (b, g) -> b.add(g.memory().totalBytes(), labels(g)));
    per(out, gpus, "gpu_memory_used_bytes", "Device memory in use", (b, g) -> b.add(g.memory().usedBytes(), labels(g)));
    per(out, gpus, "gpu_memory_free_bytes", "Device memory free", (b, g) -> b.add(g.memory().freeBytes(), labels(g)));
    per(out, gpus, "gpu_memory_reserved_bytes", "Device memory reserved by the driver", (b, g) -> b.add(g.memory().reservedBytes(), labels(g)));
    per(out, gpus, "gpu_temperature_celsius", "GPU die temperature", (b, g) -> b.add(g.temperatureCelsius(), labels(g)));
    per(out, gpus, "gpu_power_watts", "Power draw of the board", (b, g) -> b.add(g.powerUsageWatts(), labels(g)));
    per(out, gpus, "gpu_power_limit_watts", "Enforced power limit", (b, g) -> b.add(g.powerLimitWatts(), labels(g)));
    perCounter(out, gpus, "gpu_energy_joules_total", "Energy consumed since the driver loaded", (b, g) -> b.add(g.totalEnergyJoules(), labels(g)));
    per(out, gpus, "gpu_fan_speed_percent", "Fan speed as a percent of its maximum", (b, g) -> b.add(g.fanSpeedPercent(), labels(g)));
    per(out, gpus, "gpu_sm_clock_hz", "SM clock", (b, g) -> b.add(g.clocks().smHz(), labels(g)));
    per(out, gpus, "gpu_memory_clock_hz", "Memory clock", (b, g) -> b.add(g.clocks().memoryHz(), labels(g)));
    per(out, gpus, "gpu_graphics_clock_hz", "Graphics clock", (b, g) -> b.add(g.clocks().graphicsHz(), labels(g)));
    per(out, gpus, "gpu_sm_clock_max_hz", "Highest SM clock", (b, g) -> b.add(g.clocks().maxSmHz(), labels(g)));
    per(out, gpus, "gpu_memory_clock_max_hz", "Highest memory clock", (b, g) -> b.add(g.clocks().maxMemoryHz(), labels(g)));
    per(out, gpus, "gpu_graphics_clock_max_hz", "Highest graphics clock", (b, g) -> b.add(g.clocks().maxGraphicsHz(), labels(g)));
    per(out, gpus, "gpu_performance_state", "Performance state, 0 (P0, fastest) to 15", (b, g) -> b.add(g.performanceState(), labels(g)));
    per(out, gpus, "gpu_encoder_utilization_percent", "Video encoder utilization", (b, g) -> b.add(g.encoderUtilizationPercent(), labels(g)));
    per(out, gpus, "gpu_decoder_utilization_percent", "Video decoder utilization", (b, g) -> b.add(g.decoderUtilizationPercent(), labels(g)));
    per(out, gpus, "gpu_pcie_tx_bytes_per_second", "PCIe transmit throughput", (b, g) -> b.add(g.pcieTxBytesPerSecond(), labels(g)));
    per(out, gpus, "gpu_pcie_rx_bytes_per_second", "PCIe receive throughput", (b, g) -> b.add(g.pcieRxBytesPerSecond(), labels(g)));
    perCounter(out, gpus, "gpu_ecc_corrected_errors_total", "Corrected ECC errors since the driver loaded", (b, g) -> b.add(g.eccCorrectedErrors(), labels(g)));
    perCounter(out, gpus, "gpu_ecc_uncorrected_errors_total", "Uncorrected ECC errors since the driver loaded", (b, g) -> b.add(g.eccUncorrectedErrors(), labels(g)));
    per(out, gpus, "gpu_clock_event_reasons", "Active clock event (throttle) reasons as NVML's bit mask", (b, g) -> b.add(g.clockEventReasons(), labels(g)));
    per(out, gpus, "gpu_processes", "Compute processes running on the GPU", (b, g) -> b.add(g.processes().size(), labels(g)));
    per(out, gpus, "gpu_mig_enabled", "1 when MIG mode is on", (b, g) -> b.add(g.migEnabled() ? 1 : 0, labels(g)));

    MetricFamily.Builder migUsed = MetricFamily.gauge("gpu_mig_memory_used_bytes", "Device memory in use by one MIG instance");
    MetricFamily.Builder migTotal = MetricFamily.gauge("gpu_mig_memory_total_bytes", "Device memory of one MIG instance");
    for (GpuSnapshot g : gpus) {
      for (MigInstance m : g.migInstances()) {
        String[] l = {"gpu_id", Integer.toString(g.index()), "uuid", g.uuid(), "mig_uuid", m.uuid(),
            "mig_profile", m.name().orElse("")};
        migUsed.add(m.memory().usedBytes(), l);
        migTotal.add(m.memory().totalBytes(), l);
      }
    }
    out.add(migUsed.build());
    out.add(migTotal.build());

    MetricFamily.Builder xidTotal = MetricFamily.counter("gpu_xid_errors_total", "XID errors reported since Argus started");
    MetricFamily.Builder xidLast = MetricFamily.gauge("gpu_xid_last", "Code of the last XID error reported");
    for (GpuSnapshot g : gpus) {
      XidCount x = snapshot.xids().getOrDefault(g.uuid(), new XidCount(0, 0));
      xidTotal.add(x.total(), labels(g));
      if (x.total() > 0) {
        xidLast.add(x.last(), labels(g));
      }
    }
    out.add(xidTotal.build());
    out.add(xidLast.build());

    MetricFamily.Builder lost = MetricFamily.gauge("gpu_lost", "1 for a GPU the driver counts but cannot read");
    for (GpuFault f : readout.faults()) {
      lost.add(f.lost() ? 1 : 0, "gpu_id", Integer.toString(f.index()), "uuid", f.uuid().orElse(""));
    }
    out.add(lost.build());
    return out;
  }

  static String[] labels(GpuSnapshot g) {
    return new String[] {"gpu_id", Integer.toString(g.index()), "name", g.identity().name().orElse(""), "uuid", g.uuid()};
  }

  private static void per(List<MetricFamily> out, List<GpuSnapshot> gpus, String name, String help,
      BiConsumer<MetricFamily.Builder, GpuSnapshot> add) {
    MetricFamily.Builder b = MetricFamily.gauge(name, help);
    gpus.forEach(g -> add.accept(b, g));
    out.add(b.build());
  }

  private static void perCounter(List<MetricFamily> out, List<GpuSnapshot> gpus, String name, String help,
      BiConsumer<MetricFamily.Builder, GpuSnapshot> add) {
    MetricFamily.Builder b = MetricFamily.counter(name, help);
    gpus.forEach(g -> add.accept(b, g));
    out.add(b.build());
  }
}
