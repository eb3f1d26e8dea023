package io.argus.prometheus.control;

import io.argus.collect.entity.Snapshot;
import io.argus.collect.entity.XidCount;
import io.argus.gpu.entity.GpuSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The same GPU readings under dcgm-exporter's names, units and labels ({@code DCGM_FI_DEV_GPU_UTIL}
 * in percent, {@code DCGM_FI_DEV_FB_USED} in MiB, … with {@code gpu}, {@code UUID},
 * {@code pci_bus_id}, {@code device}, {@code modelName}, {@code Hostname}), so that dashboards and
 * alert rules written for dcgm-exporter work unchanged. Switched by {@code argus.metrics.dcgm-compat}.
 */
public final class DcgmMetrics {

  private static final double MIB = 1024.0 * 1024.0;

  private DcgmMetrics() {}

  public static List<MetricFamily> from(Snapshot snapshot) {
    List<GpuSnapshot> gpus = snapshot.gpus().gpus();
    String host = snapshot.info().hostname();
    String driver = snapshot.gpus().versions().driver().orElse("");
    List<MetricFamily> out = new ArrayList<>();
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_SM_CLOCK", "SM clock frequency (in MHz).", g -> scaled(g.clocks().smHz(), 1e-6));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_MEM_CLOCK", "Memory clock frequency (in MHz).", g -> scaled(g.clocks().memoryHz(), 1e-6));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).", g -> ints(g.temperatureCelsius()));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).", GpuSnapshot::powerUsageWatts);
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_POWER_MGMT_LIMIT", "Power management limit (in W).", GpuSnapshot::powerLimitWatts);
    counter(out, gpus, host, driver, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "Total energy consumption since boot (in mJ).",
        g -> g.totalEnergyJoules().isPresent() ? OptionalDouble.of(Math.rint(g.totalEnergyJoules().getAsDouble() * 1000)) : OptionalDouble.empty());
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).", g -> ints(g.gpuUtilizationPercent()));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_MEM_COPY_UTIL", "Memory utilization (in %).", g -> ints(g.memoryUtilizationPercent()));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_ENC_UTIL", "Encoder utilization (in %).", g -> ints(g.encoderUtilizationPercent()));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_DEC_UTIL", "Decoder utilization (in %).", g -> ints(g.decoderUtilizationPercent()));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_FAN_SPEED", "Fan speed (in %).", g -> ints(g.fanSpeedPercent()));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_PSTATE", "Performance state.", g -> ints(g.performanceState()));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_XID_ERRORS", "Value of the last XID error encountered.", g -> {
      XidCount x = snapshot.xids().get(g.uuid());
      return x == null ? OptionalDouble.of(0) : OptionalDouble.of(x.last());
    });
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_FB_FREE", "Framebuffer memory free (in MiB).", g -> mib(g.memory().freeBytes()));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB).", g -> mib(g.memory().usedBytes()));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_FB_RESERVED", "Framebuffer memory reserved (in MiB).", g -> mib(g.memory().reservedBytes()));
    counter(out, gpus, host, driver, "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL", "Total number of single-bit volatile ECC errors.", g -> longs(g.eccCorrectedErrors()));
    counter(out, gpus, host, driver, "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", "Total number of double-bit volatile ECC errors.", g -> longs(g.eccUncorrectedErrors()));
    gauge(out, gpus, host, driver, "DCGM_FI_DEV_CLOCK_THROTTLE_REASONS", "Current clock throttle reasons (bit mask).", g -> longs(g.clockEventReasons()));
    gauge(out, gpus, host, driver, "DCGM_FI_PROF_PCIE_TX_BYTES", "The rate of data transmitted over the PCIe bus - including both protocol headers and data payloads - in bytes per second.", g -> longs(g.pcieTxBytesPerSecond()));
    gauge(out, gpus, host, driver, "DCGM_FI_PROF_PCIE_RX_BYTES", "The rate of data received over the PCIe bus - including both protocol headers and data payloads - in bytes per second.", g -> longs(g.pcieRxBytesPerSecond()));
    return out;
  }

  static String[] labels(GpuSnapshot g, String host, String driver) {
    return new String[] {
      "gpu", Integer.toString(g.index()),
      "UUID", g.uuid(),
      "pci_bus_id", g.identity().pciBusId().orElse(""),
      "device", g.identity().device().orElse("nvidia" + g.index()),
      "modelName", g.identity().name().orElse(""),
      "Hostname", host,
      "DCGM_FI_DRIVER_VERSION", driver,
    };
  }

  private static void gauge(List<MetricFamily> out, List<GpuSnapshot> gpus, String host, String driver, String name, String help,
      Function<GpuSnapshot, OptionalDouble> value) {
    MetricFamily.Builder b = MetricFamily.gauge(name, help);
    gpus.forEach(g -> b.add(value.apply(g), labels(g, host, driver)));
    out.add(b.build());
  }

  private static void counter(List<MetricFamily> out, List<GpuSnapshot> gpus, String host, String driver, String name, String help,
      Function<GpuSnapshot, OptionalDouble> value) {
    MetricFamily.Builder b = MetricFamily.counter(name, help);
    gpus.forEach(g -> b.add(value.apply(g), labels(g, host, driver)));
    out.add(b.build());
  }

  private static OptionalDouble scaled(OptionalLong v, double factor) {
    return v.isPresent() ? OptionalDouble.of(Math.rint(v.getAsLong() * factor)) : OptionalDouble.empty();
  }

  private static OptionalDouble mib(OptionalLong bytes) {
    return bytes.isPresent() ? OptionalDouble.of(Math.floor(bytes.getAsLong() / MIB)) : OptionalDouble.empty();
  }

  private static OptionalDouble longs(OptionalLong v) {
    return v.isPresent() ? OptionalDouble.of(v.getAsLong()) : OptionalDouble.empty();
  }

  private static OptionalDouble ints(java.util.OptionalInt v) {
    return v.isPresent() ? OptionalDouble.of(v.getAsInt()) : OptionalDouble.empty();
  }
}
