package io.argus.prometheus.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.ingest.control.ExpositionParser;
import io.argus.ingest.entity.ExpositionReport;
import java.io.StringReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {

  /** The base scope's names as the server's own metrics endpoint writes them, which dashboards query. */
  static final List<String> BASE_NAMES = List.of(
      "classloader_loadedClasses_count", "classloader_loadedClasses_total", "classloader_unloadedClasses_total",
      "cpu_availableProcessors", "cpu_systemLoadAverage", "gc_time_seconds_total", "gc_total", "jvm_uptime_seconds",
      "memory_committedHeap_bytes", "memory_committedNonHeap_bytes", "memory_maxHeap_bytes", "memory_usedHeap_bytes",
      "memory_usedNonHeap_bytes", "thread_count", "thread_daemon_count", "thread_max_count");

  private static Map<String, MetricFamily> byName(List<MetricFamily> families) {
    return families.stream().filter(f -> !f.samples().isEmpty())
        .collect(Collectors.toMap(MetricFamily::name, Function.identity()));
  }

  @Test
  void theBaseScopeHasEveryJvmFamilyUnderTheServersNames() {
    Map<String, MetricFamily> base = byName(JvmMetrics.platform().base());

    assertThat(base).containsKeys(BASE_NAMES.toArray(String[]::new));
    for (String name : BASE_NAMES) {
      for (Sample s : base.get(name).samples()) {
        assertThat(s.labels()).as(name).containsEntry("mp_scope", "base");
      }
    }
    assertThat(base.get("gc_total").type()).isEqualTo(MetricType.COUNTER);
    assertThat(base.get("memory_usedHeap_bytes").type()).isEqualTo(MetricType.GAUGE);
    assertThat(base.get("memory_usedHeap_bytes").samples().get(0).value()).isPositive();
    assertThat(base.get("thread_count").samples().get(0).value()).isGreaterThanOrEqualTo(1);
    assertThat(base.get("cpu_availableProcessors").samples().get(0).value())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void garbageCollectionIsCountedPerCollectorInSeconds() {
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    Map<String, MetricFamily> base = byName(JvmMetrics.platform().base());

    assertThat(base.get("gc_total").samples()).extracting(s -> s.labels().get("name"))
        .containsExactlyInAnyOrderElementsOf(collectors.stream().map(GarbageCollectorMXBean::getName).toList());
    assertThat(base.get("gc_time_seconds_total").samples()).hasSameSizeAs(collectors);
  }

  @Test
  void undefinedFiguresAreLeftOutNotWrittenAsMinusOne() {
    MemoryMXBean memory = (MemoryMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {MemoryMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getHeapMemoryUsage" -> new MemoryUsage(-1, 100, 200, -1);
          case "getNonHeapMemoryUsage" -> new MemoryUsage(-1, 10, 20, -1);
          default -> throw new UnsupportedOperationException(method.getName());
        });
    GarbageCollectorMXBean undefined = (GarbageCollectorMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {GarbageCollectorMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getName" -> "Epsilon";
          case "getCollectionCount", "getCollectionTime" -> -1L;
          default -> throw new UnsupportedOperationException(method.getName());
        });
    JvmMetrics jvm = new JvmMetrics(memory, ManagementFactory.getThreadMXBean(), ManagementFactory.getClassLoadingMXBean(),
        ManagementFactory.getRuntimeMXBean(), ManagementFactory.getOperatingSystemMXBean(), List.of(undefined));

    String text = ExpositionFormat.write(jvm.base());

    assertThat(text).contains("memory_usedHeap_bytes{mp_scope=\"base\"} 100\n", "memory_committedHeap_bytes{mp_scope=\"base\"} 200\n")
        .doesNotContain("memory_maxHeap_bytes", "memory_maxNonHeap_bytes", "gc_total", "gc_time_seconds_total", " -1\n");
  }

  @Test
  void theVendorScopeHasTheSystemCpuLoadAsARatio() {
    List<MetricFamily> vendor = JvmMetrics.platform().vendor();

    assertThat(vendor).extracting(MetricFamily::name).containsExactly("system_cpu_load");
    for (Sample s : vendor.get(0).samples()) {
      assertThat(s.labels()).containsEntry("mp_scope", "vendor");
      assertThat(s.value()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void theOutputParsesStrictly() {
    JvmMetrics jvm = JvmMetrics.platform();
    List<MetricFamily> all = new ArrayList<>(jvm.base());
    all.addAll(jvm.vendor());

    ExpositionReport report = new ExpositionParser().parse(new StringReader(ExpositionFormat.write(all)), s -> {});

    assertThat(report.errors()).isEmpty();
    assertThat(report.families()).containsKeys(BASE_NAMES.toArray(String[]::new));
  }
}
