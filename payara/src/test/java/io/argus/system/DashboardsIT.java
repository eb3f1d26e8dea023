package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.testing.Prerequisites;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards and alert rules against a real Prometheus (Debian's) that scrapes a running
 * Argus bundle (simulated GPUs) every second: every panel's PromQL returns data, and every metric
 * an alert rule names is one Argus exports. One Argus and one Prometheus for the class.
 */
class DashboardsIT {

  static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();
  static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

  @TempDir
  static Path dir;
  static ArgusProcess argus;
  static Process prometheus;
  static int prometheusPort;

  @BeforeAll
  static void start() throws Exception {
    Prerequisites.require(Files.isExecutable(PROMETHEUS),
        "Prometheus: no " + PROMETHEUS + " (apt-get install prometheus); the dashboards are not checked without it");
    argus = ArgusProcess.start(dir.resolve("argus"), Map.of("ARGUS_GPU_BACKEND", "simulated", "ARGUS_GPU_SIMULATED_COUNT", "4",
        "ARGUS_COLLECT_INTERVAL", "PT1S"));
    argus.awaitReady(Duration.ofSeconds(180));

    prometheusPort = ArgusProcess.freePort();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: argus
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """.formatted(Integer.parseInt(argus.url("").replaceAll(".*:", ""))));
    prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();

    // traffic for the request, cache and database panels: dictionary lookups (hits after the first), a 404
    for (int i = 0; i < 20; i++) {
      assertThat(argus.get("/api/v1/metrics/gpu_power_watts").statusCode()).isEqualTo(200);
      argus.get("/api/v1/metrics/no_such_metric");
    }
    // enough scrapes for rate() over the dashboards' windows
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonArray r = query("count_over_time(up{job=\"argus\"}[1m])");
      if (!r.isEmpty() && Double.parseDouble(r.getJsonObject(0).getJsonArray("value").getString(1)) >= 8) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Prometheus did not scrape Argus 8 times within 60 s\n" + Files.readString(dir.resolve("prometheus.log")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
    if (argus != null) {
      // a graceful stop, as an operator's; a killed server leaves its runtime files behind
      assertThat(argus.terminate(Duration.ofSeconds(60))).isZero();
      argus.close();
    }
  }

  static JsonArray query(String promql) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      response = ArgusProcess.HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException notUpYet) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    if (response.statusCode() == 503) {
      return JsonValue.EMPTY_JSON_ARRAY; // still starting
    }
    JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
    assertThat(body.getString("status")).as("%s: %s", promql, response.body()).isEqualTo("success");
    JsonObject data = body.getJsonObject("data");
    if (data.getString("resultType").equals("scalar")) {
      return Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", data.getJsonArray("result"))).build();
    }
    return data.getJsonArray("result");
  }

  /** Every target expression of every panel, keyed "dashboard / panel / refId", Grafana's interval variables filled in. */
  static Map<String, String> panelQueries() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(DOCKER.resolve("grafana/dashboards"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonObject dashboard = Json.createReader(new StringReader(Files.readString(f))).readObject();
        for (JsonObject panel : dashboard.getJsonArray("panels").getValuesAs(JsonObject.class)) {
          for (JsonObject target : panel.getJsonArray("targets").getValuesAs(JsonObject.class)) {
            String expr = target.getString("expr")
                .replace("$__rate_interval", "30s").replace("$__range", "5m").replace("$__interval", "2s");
            out.put(dashboard.getString("title") + " / " + panel.getString("title") + " / " + target.getString("refId"), expr);
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyPanelOfEveryDashboardReturnsData() throws Exception {
    Map<String, String> queries = panelQueries();
    assertThat(queries).hasSizeGreaterThan(30);
    List<String> empty = new ArrayList<>();
    for (Map.Entry<String, String> q : queries.entrySet()) {
      if (query(q.getValue()).isEmpty()) {
        empty.add(q.getKey() + ": " + q.getValue());
      }
    }
    assertThat(empty).as("panels whose query returns no data").isEmpty();
    // the latency quantiles come from the histogram and are ordered
    double p50 = value("histogram_quantile(0.5, sum by (le) (rate(argus_http_request_duration_seconds_bucket[30s])))");
    double p99 = value("histogram_quantile(0.99, sum by (le) (rate(argus_http_request_duration_seconds_bucket[30s])))");
    assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
    assertThat(value("sum(gpu_device_count)")).isEqualTo(4);
  }

  static double value(String promql) throws Exception {
    return Double.parseDouble(query(promql).getJsonObject(0).getJsonArray("value").getString(1));
  }

  @Test
  void everyMetricTheAlertRulesNameIsOneArgusExports() throws Exception {
    Set<String> exported = new TreeSet<>();
    JsonArray names = Json.createReader(new StringReader(ArgusProcess.HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + prometheusPort + "/api/v1/label/__name__/values")).build(),
        HttpResponse.BodyHandlers.ofString()).body())).readObject().getJsonArray("data");
    names.getValuesAs(jakarta.json.JsonString.class).forEach(s -> exported.add(s.getString()));
    Set<String> named = new TreeSet<>();
    Pattern metric = Pattern.compile("\\b((?:argus|gpu)_[a-z0-9_]+|up)\\b");
    try (Stream<Path> files = Files.list(DOCKER.resolve("prometheus/rules"))) {
      for (Path f : files.sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          String trimmed = line.trim();
          if (trimmed.startsWith("#") || trimmed.startsWith("summary:") || trimmed.startsWith("description:")) {
            continue;
          }
          Matcher m = metric.matcher(trimmed.startsWith("- alert:") ? "" : trimmed);
          while (m.find()) {
            named.add(m.group(1));
          }
        }
      }
    }
    assertThat(named).contains("argus_http_requests_total", "argus_http_request_duration_seconds_bucket", "gpu_xid_errors_total");
    assertThat(exported).containsAll(named);
  }
}
