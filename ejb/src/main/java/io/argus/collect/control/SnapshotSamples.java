package io.argus.collect.control;

import io.argus.collect.entity.Snapshot;
import io.argus.gpu.entity.GpuProcess;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.gpu.entity.MigInstance;
import io.argus.gpu.entity.ProcessOwner;
import io.argus.host.entity.Cpu;
import io.argus.host.entity.CpuCore;
import io.argus.host.entity.DiskIo;
import io.argus.host.entity.HostInfo;
import io.argus.host.entity.NetworkIo;
import io.argus.telemetry.entity.Attribution;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.HostInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.SeriesKey;
import io.argus.telemetry.entity.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a snapshot into what the telemetry store keeps: the GPUs and the host seen, and one sample
 * per value read, under the metric dictionary's names. A GPU whose processes all belong to one
 * container, pod or SLURM job has its samples attributed to it.
 */
public final class SnapshotSamples {

  /** The inventory entries and samples of one snapshot. */
  public record Batch(HostInventoryEntry host, List<GpuInventoryEntry> gpus, List<SampleRow> samples) {}

  private SnapshotSamples() {}

  public static Batch of(Snapshot s) {
    HostInfo info = s.info();
    HostInventoryEntry host = new HostInventoryEntry(s.nodeId(), info.hostname(), info.operatingSystem() + " " + info.osVersion(),
        info.cpuModel(), info.physicalCores(), info.logicalCores(), info.memoryTotalBytes());
    List<GpuInventoryEntry> gpus = new ArrayList<>();
    List<SampleRow> rows = new ArrayList<>(64 + 24 * s.gpus().gpus().size());
    Instant t = s.time();
    String driver = s.gpus().versions().driver().orElse(null);

    for (GpuSnapshot g : s.gpus().gpus()) {
      gpus.add(new GpuInventoryEntry(g.uuid(), g.index(), g.identity().device().orElse(null), g.identity().name().orElse(null),
          info.hostname(), g.identity().pciBusId().orElse(null), driver, box(g.memory().totalBytes()), null, null));
      SeriesKey key = new SeriesKey(new Subject.Gpu(g.uuid()), attribution(s, g.processes()), null, s.nodeId());
      Rows r = new Rows(rows, t, key);
      r.add("gpu_utilization_percent", g.gpuUtilizationPercent());
      r.add("gpu_memory_utilization_percent", g.memoryUtilizationPercent());
      r.add("gpu_memory_used_bytes", g.memory().usedBytes());
      r.add("gpu_memory_free_bytes", g.memory().freeBytes());
      r.add("gpu_memory_total_bytes", g.memory().totalBytes());
      r.add("gpu_memory_reserved_bytes", g.memory().reservedBytes());
      r.add("gpu_temperature_celsius", g.temperatureCelsius());
      r.add("gpu_power_watts", g.powerUsageWatts());
      r.add("gpu_power_limit_watts", g.powerLimitWatts());
      r.add("gpu_energy_joules_total", g.totalEnergyJoules());
      r.add("gpu_sm_clock_hz", g.clocks().smHz());
      r.add("gpu_memory_clock_hz", g.clocks().memoryHz());
      r.add("gpu_graphics_clock_hz", g.clocks().graphicsHz());
      r.add("gpu_fan_speed_percent", g.fanSpeedPercent());
      r.add("gpu_encoder_utilization_percent", g.encoderUtilizationPercent());
      r.add("gpu_decoder_utilization_percent", g.decoderUtilizationPercent());
      r.add("gpu_pcie_tx_bytes_per_second", g.pcieTxBytesPerSecond());
      r.add("gpu_pcie_rx_bytes_per_second", g.pcieRxBytesPerSecond());
      r.add("gpu_ecc_corrected_errors_total", g.eccCorrectedErrors());
      r.add("gpu_ecc_uncorrected_errors_total", g.eccUncorrectedErrors());
      r.add("gpu_performance_state", g.performanceState());
      r.add("gpu_clock_event_reasons", g.clockEventReasons());
      var xid = s.xids().get(g.uuid());
      if (xid != null) {
        r.add("gpu_xid_last", OptionalLong.of(xid.last()));
      }
      for (MigInstance m : g.migInstances()) {
        gpus.add(new GpuInventoryEntry(m.uuid(), g.index(), g.identity().device().orElse(null), m.name().orElse(null),
            info.hostname(), g.identity().pciBusId().orElse(null), driver, box(m.memory().totalBytes()), g.uuid(),
            m.name().orElse(null)));
        Rows mr = new Rows(rows, t, new SeriesKey(new Subject.Gpu(m.uuid()), attribution(s, m.processes()), null, s.nodeId()));
        mr.add("gpu_memory_used_bytes", m.memory().usedBytes());
        mr.add("gpu_memory_free_bytes", m.memory().freeBytes());
        mr.add("gpu_memory_total_bytes", m.memory().totalBytes());
      }
    }

    Cpu cpu = s.host().cpu();
    Rows h = new Rows(rows, t, SeriesKey.of(new Subject.Host(s.nodeId())).reportedBy(s.nodeId()));
    h.add("cpu_percent_total", cpu.usagePercent());
    h.add("cpu_frequency_current_mhz", cpu.frequencyCurrentMhz());
    h.add("cpu_load_average_1m", cpu.loadAverage().one());
    h.add("cpu_ctx_switches_total", cpu.contextSwitches());
    for (CpuCore core : cpu.cores()) {
      new Rows(rows, t, labelled(s, "core", Integer.toString(core.id()))).add("cpu_percent_per_cpu", core.usagePercent());
    }
    var mem = s.host().memory();
    h.add("memory_virtual_total_bytes", OptionalLong.of(mem.totalBytes()));
    h.add("memory_virtual_available_bytes", OptionalLong.of(mem.availableBytes()));
    h.add("memory_virtual_used_bytes", OptionalLong.of(mem.usedBytes()));
    h.add("memory_virtual_percent", mem.usedPercent());
    var swap = s.host().swap();
    h.add("memory_swap_total_bytes", OptionalLong.of(swap.totalBytes()));
    h.add("memory_swap_used_bytes", OptionalLong.of(swap.usedBytes()));
    h.add("memory_swap_percent", swap.usedPercent());
    for (DiskIo d : s.host().disks()) {
      Rows dr = new Rows(rows, t, labelled(s, "device", d.name().replaceFirst("^/dev/", "")));
      dr.add("disk_read_bytes_total", OptionalLong.of(d.readBytes()));
      dr.add("disk_written_bytes_total", OptionalLong.of(d.writtenBytes()));
    }
    for (NetworkIo n : s.host().networkInterfaces()) {
      Rows nr = new Rows(rows, t, labelled(s, "device", n.name()));
      nr.add("network_receive_bytes_total", OptionalLong.of(n.receivedBytes()));
      nr.add("network_transmit_bytes_total", OptionalLong.of(n.sentBytes()));
    }
    return new Batch(host, gpus, rows);
  }

  /** The one owner of all these processes, when there is exactly one; else no attribution. */
  static Attribution attribution(Snapshot s, List<GpuProcess> processes) {
    Set<Attribution> seen = new HashSet<>();
    for (GpuProcess p : processes) {
      ProcessOwner o = s.owner(p).orElse(ProcessOwner.unknown(p.pid()));
      seen.add(new Attribution(o.containerId().orElse(""), o.podUid().orElse(""), o.namespace().orElse(""),
          o.slurmJobId().orElse("")));
    }
    return seen.size() == 1 ? seen.iterator().next() : Attribution.NONE;
  }

  private static SeriesKey labelled(Snapshot s, String name, String value) {
    return new SeriesKey(new Subject.Host(s.nodeId()), Attribution.NONE, new TreeMap<>(Map.of(name, value)), s.nodeId());
  }

  private static Long box(OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }

  /** Adds a row per present value; absent values are not samples. */
  private record Rows(List<SampleRow> out, Instant t, SeriesKey key) {
    void add(String metric, OptionalDouble v) {
      if (v.isPresent()) {
        out.add(new SampleRow(t, key, metric, v.getAsDouble()));
      }
    }

    void add(String metric, OptionalLong v) {
      if (v.isPresent()) {
        out.add(new SampleRow(t, key, metric, v.getAsLong()));
      }
    }

    void add(String metric, OptionalInt v) {
      if (v.isPresent()) {
        out.add(new SampleRow(t, key, metric, v.getAsInt()));
      }
    }
  }
}
