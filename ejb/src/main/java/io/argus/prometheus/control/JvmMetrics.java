package io.argus.prometheus.control;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The JVM's figures read from the platform MXBeans at scrape time, under the names, types and
 * {@code mp_scope} labels the server's MicroProfile base and vendor scopes give them
 * ({@code memory_usedHeap_bytes{mp_scope="base"}}, {@code gc_total{mp_scope="base",name=...}}, …),
 * so dashboards written against the server's exposition keep working. Figures the JVM reports as
 * undefined (a negative maximum, load average or CPU load) are left out.
 */
public final class JvmMetrics {

  private static final String[] BASE = {"mp_scope", "base"};
  private static final String[] VENDOR = {"mp_scope", "vendor"};

  private final MemoryMXBean memory;
  private final ThreadMXBean threads;
  private final ClassLoadingMXBean classes;
  private final RuntimeMXBean runtime;
  private final OperatingSystemMXBean os;
  private final List<GarbageCollectorMXBean> collectors;

  public JvmMetrics(MemoryMXBean memory, ThreadMXBean threads, ClassLoadingMXBean classes, RuntimeMXBean runtime,
      OperatingSystemMXBean os, List<GarbageCollectorMXBean> collectors) {
    this.memory = memory;
    this.threads = threads;
    this.classes = classes;
    this.runtime = runtime;
    this.os = os;
    this.collectors = List.copyOf(collectors);
  }

  /** This JVM's beans; the collectors are fixed for the JVM's life, so they are looked up once. */
  public static JvmMetrics platform() {
    return new JvmMetrics(ManagementFactory.getMemoryMXBean(), ManagementFactory.getThreadMXBean(),
        ManagementFactory.getClassLoadingMXBean(), ManagementFactory.getRuntimeMXBean(),
        ManagementFactory.getOperatingSystemMXBean(), ManagementFactory.getGarbageCollectorMXBeans());
  }

  /** The base scope: memory, garbage collection, threads, classes, processors and uptime. */
  public List<MetricFamily> base() {
    MemoryUsage heap = memory.getHeapMemoryUsage();
    MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
    MetricFamily.Builder gcCount = MetricFamily.counter("gc_total",
        "Garbage collections since the JVM started, by collector");
    MetricFamily.Builder gcTime = MetricFamily.counter("gc_time_seconds_total",
        "Approximate time spent in garbage collection since the JVM started, by collector");
    for (GarbageCollectorMXBean gc : collectors) {
      long count = gc.getCollectionCount();
      long millis = gc.getCollectionTime();
      if (count >= 0) {
        gcCount.add(count, "mp_scope", "base", "name", gc.getName());
      }
      if (millis >= 0) {
        gcTime.add(millis / 1000.0, "mp_scope", "base", "name", gc.getName());
      }
    }
    return List.of(
        gauge("memory_usedHeap_bytes", "Heap memory in use", heap.getUsed()),
        gauge("memory_committedHeap_bytes", "Heap memory committed for the JVM to use", heap.getCommitted()),
        gauge("memory_maxHeap_bytes", "The most heap memory the JVM can use", heap.getMax()),
        gauge("memory_usedNonHeap_bytes", "Non-heap memory in use", nonHeap.getUsed()),
        gauge("memory_committedNonHeap_bytes", "Non-heap memory committed for the JVM to use", nonHeap.getCommitted()),
        gauge("memory_maxNonHeap_bytes", "The most non-heap memory the JVM can use", nonHeap.getMax()),
        gcCount.build(),
        gcTime.build(),
        gauge("thread_count", "Live threads, daemon and non-daemon", threads.getThreadCount()),
        gauge("thread_daemon_count", "Live daemon threads", threads.getDaemonThreadCount()),
        gauge("thread_max_count", "The most live threads at once since the JVM started", threads.getPeakThreadCount()),
        gauge("classloader_loadedClasses_count", "Classes loaded now", classes.getLoadedClassCount()),
        MetricFamily.counter("classloader_loadedClasses_total", "Classes loaded since the JVM started")
            .add(classes.getTotalLoadedClassCount(), BASE).build(),
        MetricFamily.counter("classloader_unloadedClasses_total", "Classes unloaded since the JVM started")
            .add(classes.getUnloadedClassCount(), BASE).build(),
        gauge("cpu_availableProcessors", "Processors available to the JVM", os.getAvailableProcessors()),
        gauge("cpu_systemLoadAverage", "The system load average over the last minute", os.getSystemLoadAverage()),
        gauge("jvm_uptime_seconds", "Time since the JVM started", runtime.getUptime() / 1000.0));
  }

  /** The vendor scope's JVM figure: the whole system's recent CPU load (0 to 1). */
  public List<MetricFamily> vendor() {
    MetricFamily.Builder load = MetricFamily.gauge("system_cpu_load",
        "Recent CPU usage of the whole system, from 0 (idle) to 1 (all processors busy)");
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      double value = sun.getCpuLoad();
      if (value >= 0) {
        load.add(value, VENDOR);
      }
    }
    return List.of(load.build());
  }

  private static MetricFamily gauge(String name, String help, double value) {
    MetricFamily.Builder family = MetricFamily.gauge(name, help);
    if (value >= 0) {
      family.add(value, BASE);
    }
    return family.build();
  }
}
