package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.ingest.control.ExpositionParser;
import io.argus.ingest.entity.ExpositionReport;
import io.argus.ingest.entity.ExpositionSample;
import io.argus.ingest.entity.MetricType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle reading an 8×H100 machine through the real NVML binding against the fake
 * libnvidia-ml: every endpoint shows exactly the scenario's values (h100x8.scenario), and the host
 * figures match /proc. One server for the class.
 */
class CollectionIT {

  private static final String GPU0 = "GPU-5d0b5e5a-1f9e-4b43-9a4e-0123456789a0";
  private static final String LABELS0 = "{gpu_id=\"0\",name=\"NVIDIA H100 80GB HBM3\",uuid=\"" + GPU0 + "\"}";

  @TempDir
  static Path dir;
  static ArgusProcess argus;

  @BeforeAll
  static void start() throws Exception {
    Path fake = Path.of(System.getProperty("argus.it.nvml.fake"), "current", "libnvidia-ml.so.1");
    Path scenario = Path.of(System.getProperty("argus.it.nvml.scenarios"), "h100x8.scenario");
    assertThat(fake).exists();
    argus = ArgusProcess.start(dir, Map.of(
        "ARGUS_GPU_NVML_LIBRARY", fake.toString(),
        "FAKE_NVML_SCENARIO", scenario.toString(),
        "ARGUS_COLLECT_INTERVAL", "PT0.5S"));
    argus.awaitReady(Duration.ofSeconds(180));
    // a few cycles, so the XID events of the scenario have been read
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!argus.get("/metrics").body().contains("argus_collector_cycles_total 4") && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (argus != null) {
      assertThat(argus.terminate(Duration.ofSeconds(60))).isZero();
      argus.close();
    }
  }

  private static JsonObject object(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  @Test
  void prometheusExpositionHasTheSeedGaugesForAllEightGpusAndTheDcgmFamily() throws Exception {
    var response = argus.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    String text = response.body();
    assertThat(text).contains(
        "gpu_device_count 8\n",
        "gpu_temperature_celsius" + LABELS0 + " 64\n",
        "gpu_utilization_percent" + LABELS0 + " 87\n",
        "gpu_memory_utilization_percent" + LABELS0 + " 41\n",
        "gpu_memory_used_bytes" + LABELS0 + " 25520809984\n",
        "gpu_memory_free_bytes" + LABELS0 + " 60000000000\n",
        "gpu_power_watts" + LABELS0 + " 612.345\n",
        "gpu_power_limit_watts" + LABELS0 + " 700\n",
        "gpu_pcie_rx_bytes_per_second" + LABELS0 + " 34816000\n",
        "argus_gpu_backend_info{backend=\"nvml\"} 1\n",
        "cpu_percent_total ",
        "memory_virtual_total_bytes ");
    assertThat(text.lines().filter(l -> l.startsWith("gpu_temperature_celsius{"))).hasSize(8);
    assertThat(text).doesNotContain("gpu_fan_speed_percent{"); // the SXM boards are fanless: NOT_SUPPORTED
    assertThat(text).contains("DCGM_FI_DEV_FB_USED{DCGM_FI_DRIVER_VERSION=\"550.54.15\",Hostname=\"");
    assertThat(text.lines().filter(l -> l.startsWith("DCGM_FI_DEV_GPU_UTIL{"))).hasSize(8);
    assertThat(text).containsPattern("gpu_xid_last\\{gpu_id=\"4\",[^}]*\\} 13\n");
    assertThat(text).containsPattern("gpu_xid_errors_total\\{gpu_id=\"6\",[^}]*\\} 2\n");
    assertThat(text).containsPattern("gpu_xid_last\\{gpu_id=\"6\",[^}]*\\} 43\n");
    assertThat(text).contains("jvm_uptime_seconds{mp_scope=\"base\"}"); // the server's own metrics follow
    assertThat(argus.get("/metrics?scope=base").body()).contains("mp_scope=\"base\"").doesNotContain("gpu_device_count");
  }

  /**
   * Argus's families, the JVM's and the application registry's are written in one pass: every line
   * is valid for a strict parser, and every family the server's base scope has (which the service
   * dashboard and the console read) is there with its scope label.
   */
  @Test
  void theWholeExpositionParsesStrictlyWithEveryJvmFamily() throws Exception {
    String text = argus.get("/metrics").body();
    List<ExpositionSample> samples = new ArrayList<>();
    ExpositionReport report = new ExpositionParser().parse(new StringReader(text), samples::add);

    assertThat(report.errors()).as("malformed lines").isEmpty();
    Map<String, String> scopes = new TreeMap<>();
    for (String name : List.of("memory_usedHeap_bytes", "memory_committedHeap_bytes", "memory_maxHeap_bytes",
        "memory_usedNonHeap_bytes", "memory_committedNonHeap_bytes", "gc_total", "gc_time_seconds_total", "thread_count",
        "thread_daemon_count", "thread_max_count", "classloader_loadedClasses_count", "classloader_loadedClasses_total",
        "classloader_unloadedClasses_total", "cpu_availableProcessors", "cpu_systemLoadAverage", "jvm_uptime_seconds")) {
      scopes.put(name, "base");
    }
    scopes.put("system_cpu_load", "vendor");
    for (String name : List.of("argus_telemetry_samples_written_total", "argus_telemetry_samples_dropped_total",
        "argus_telemetry_buffer_samples", "argus_telemetry_buffer_spilled_samples")) {
      scopes.put(name, "application");
    }
    scopes.forEach((name, scope) -> {
      assertThat(report.families()).as(name).containsKey(name);
      assertThat(report.families().get(name).type()).as(name).isEqualTo(name.endsWith("_total") ? MetricType.COUNTER : MetricType.GAUGE);
      assertThat(samples).as(name).anyMatch(s -> s.name().equals(name) && scope.equals(s.labels().get("mp_scope")));
    });
    assertThat(samples).filteredOn(s -> s.name().equals("gc_total")).allMatch(s -> s.labels().containsKey("name"));
  }

  /** The server's timer service would stretch every interval below a second to one (its default minimum). */
  @Test
  void aSubSecondIntervalIsKept() throws Exception {
    long before = cycles();
    long started = System.nanoTime();
    Thread.sleep(5000);
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    long done = cycles() - before;

    // 0.5 s: ten cycles in five seconds; a one-second floor would give five
    assertThat(done).as("cycles in %d ms at PT0.5S", elapsedMillis).isGreaterThanOrEqualTo(Math.round(elapsedMillis / 500.0 * 0.7));
  }

  private static long cycles() throws Exception {
    return argus.get("/metrics").body().lines().filter(l -> l.startsWith("argus_collector_cycles_total "))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
  }

  @Test
  void jsonViewsShowTheSameValues() throws Exception {
    JsonObject gpu = object(argus.get("/metrics/json/gpu").body());
    assertThat(gpu.getString("backend")).isEqualTo("nvml");
    assertThat(gpu.getInt("count")).isEqualTo(8);
    assertThat(gpu.getString("driver_version")).isEqualTo("550.54.15");
    assertThat(gpu.getString("cuda_version")).isEqualTo("12.4");
    JsonObject gpu0 = gpu.getJsonArray("gpus").getJsonObject(0);
    JsonObject g = gpu0.getJsonObject("gpu");
    assertThat(g.getJsonObject("identity").getString("uuid")).isEqualTo(GPU0);
    assertThat(g.getJsonObject("identity").getString("pci_bus_id")).isEqualTo("00000000:18:00.0");
    assertThat(g.getInt("gpu_utilization_percent")).isEqualTo(87);
    assertThat(g.getJsonObject("memory").getJsonNumber("used_bytes").longValue()).isEqualTo(25_520_809_984L);
    assertThat(g.getJsonNumber("power_usage_watts").doubleValue()).isEqualTo(612.345);
    assertThat(g.containsKey("fan_speed_percent")).isFalse();
    assertThat(gpu0.getJsonArray("processes").getJsonObject(0).getJsonObject("process").getInt("pid")).isEqualTo(4242);

    JsonObject all = object(argus.get("/metrics/json").body());
    assertThat(all.keySet()).contains("cpu", "memory", "gpu", "collector", "node_id", "timestamp");
    assertThat(object(argus.get("/metrics/json/memory").body()).getJsonObject("memory").getJsonNumber("total_bytes").longValue())
        .isEqualTo(memTotalBytes());
    assertThat(object(argus.get("/metrics/json/cpu").body()).getInt("logical_cores")).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(argus.get("/metrics/json/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void theSystemMonitorEndpointsKeepTheSeedShapesWithRealValues() throws Exception {
    JsonArray metrics = Json.createReader(new StringReader(argus.get("/api/system/metrics").body())).readArray();
    assertThat(metrics).hasSize(1);
    JsonObject m = metrics.getJsonObject(0);
    assertThat(m.keySet()).contains("node_id", "timestamp", "cpu", "memory", "disk", "network", "accelerators");
    assertThat(m.getJsonObject("cpu").keySet()).contains("overall", "cores", "loadAverage");
    assertThat(m.getJsonObject("memory").getJsonNumber("total").longValue()).isEqualTo(memTotalBytes());
    assertThat(m.getJsonObject("memory").getJsonObject("swap").keySet()).contains("used", "total", "percentage");
    assertThat(m.getJsonObject("network").keySet()).contains("bytesIn", "bytesOut", "packetsIn", "packetsOut");
    assertThat(m.getJsonObject("disk").keySet()).contains("usage", "used", "total");
    JsonArray accelerators = m.getJsonArray("accelerators");
    assertThat(accelerators).hasSize(8);
    JsonObject a0 = accelerators.getJsonObject(0);
    assertThat(a0.getInt("utilization")).isEqualTo(87);
    assertThat(a0.getInt("temperature")).isEqualTo(64);
    assertThat(a0.getJsonNumber("memoryUsed").longValue()).isEqualTo(25_520_809_984L);
    assertThat(a0.getJsonNumber("power").doubleValue()).isEqualTo(612.345);
    assertThat(m.getJsonNumber("timestamp").longValue()).isGreaterThan(1_700_000_000_000L);

    JsonObject info = object(argus.get("/api/system/info").body());
    assertThat(info.getInt("cpu_threads")).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(info.getJsonNumber("memory_total").longValue()).isEqualTo(memTotalBytes());
    assertThat(info.getInt("gpu_count")).isEqualTo(8);
    assertThat(info.getJsonArray("gpu_info").getString(0)).isEqualTo("NVIDIA H100 80GB HBM3");
    assertThat(info.getString("platform")).isEqualTo("linux");

    var other = argus.get("/api/system/metrics?node_id=some-other-node");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(object(other.body()).getString("parameter")).isEqualTo("node_id");

    var health = argus.get("/api/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(object(health.body()).getString("status")).isEqualTo("healthy");
    assertThat(object(health.body()).getString("service")).isEqualTo("argus");
  }

  @Test
  void collectedSamplesReachTheStoreAndTheQueryApi() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonArray rows = Json.createArrayBuilder().build();
    while (rows.isEmpty() && System.nanoTime() < deadline) {
      var r = argus.get("/api/v1/gpus/" + GPU0 + "/telemetry?metric_name=gpu_temperature_celsius");
      assertThat(r.statusCode()).as(r.body()).isIn(200, 404);
      if (r.statusCode() == 200) {
        rows = Json.createReader(new StringReader(r.body())).readArray();
      }
      Thread.sleep(500);
    }
    assertThat(rows).isNotEmpty();
    JsonObject row = rows.getJsonObject(0);
    assertThat(row.getString("uuid")).isEqualTo(GPU0);
    assertThat(row.getString("metric_name")).isEqualTo("gpu_temperature_celsius");
    assertThat(row.getJsonNumber("value").doubleValue()).isEqualTo(64.0);
    assertThat(row.getString("model_name")).isEqualTo("NVIDIA H100 80GB HBM3");

    JsonArray gpus = Json.createReader(new StringReader(argus.get("/api/v1/gpus").body())).readArray();
    assertThat(gpus.getValuesAs(JsonObject.class)).extracting(g -> g.getString("uuid")).contains(GPU0).hasSize(8);
  }

  static long memTotalBytes() throws Exception {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(l -> l.startsWith("MemTotal:"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
        .findFirst().orElseThrow();
  }
}
