package io.argus.prometheus.control;

import io.argus.collect.control.CollectorStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The collector's own health as metric families: cycles, skipped ticks, cost of the last cycle, last success, NVML errors by code. */
public final class CollectorMetrics {

  private CollectorMetrics() {}

  public static List<MetricFamily> from(CollectorStats.View stats, String gpuBackend, Map<String, Long> gpuErrors,
      double intervalSeconds) {
    List<MetricFamily> out = new ArrayList<>();
    out.add(MetricFamily.counter("argus_collector_cycles_total", "Collection cycles completed").add(stats.cycles()).build());
    out.add(MetricFamily.counter("argus_collector_skipped_ticks_total", "Timer ticks skipped because the previous cycle still ran")
        .add(stats.skipped()).build());
    out.add(MetricFamily.counter("argus_collector_failures_total", "Collection cycles that failed").add(stats.failures()).build());
    out.add(MetricFamily.gauge("argus_collector_cycle_duration_seconds", "Wall time of the last collection cycle")
        .add(stats.lastCycle().toNanos() / 1e9).build());
    MetricFamily.Builder cpu = MetricFamily.gauge("argus_collector_cycle_cpu_seconds", "CPU time of the last collection cycle");
    stats.lastCycleCpu().ifPresent(d -> cpu.add(d.toNanos() / 1e9));
    out.add(cpu.build());
    out.add(MetricFamily.counter("argus_collector_cpu_seconds_total", "CPU time of all collection cycles")
        .add(stats.totalCpu().toNanos() / 1e9).build());
    MetricFamily.Builder last = MetricFamily.gauge("argus_collector_last_success_timestamp_seconds",
        "When the last collection cycle finished, in seconds since the epoch");
    stats.lastSuccess().ifPresent(t -> last.add(t.toEpochMilli() / 1000.0));
    out.add(last.build());
    out.add(MetricFamily.gauge("argus_collector_interval_seconds", "Configured collection interval").add(intervalSeconds).build());
    out.add(MetricFamily.gauge("argus_gpu_backend_info", "The GPU backend in use (value is always 1)")
        .add(1, "backend", gpuBackend).build());
    MetricFamily.Builder errors = MetricFamily.counter("argus_nvml_errors_total", "NVML calls that returned an error, by NVML code");
    new TreeMap<>(gpuErrors).forEach((code, n) -> errors.add(n, "code", code));
    out.add(errors.build());
    return out;
  }
}
