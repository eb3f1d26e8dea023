package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same contract on a machine without SLURM: the local launcher runs Prometheus as a child
 * process of the bundle (embedded H2, no database server), and SLURM's absence is not "down".
 */
class LocalSessionsIT {

  @Test
  void theContractFlowWithTheLocalLauncher(@TempDir Path dir) throws Exception {
    SlurmCluster.requirePrometheus();
    int port = ArgusProcess.freePort();
    HttpServer dcgm = dcgmExporter();
    try (ArgusProcess argus = ArgusProcess.start(dir.resolve("argus"), Map.of(
        "ARGUS_SESSION_LAUNCHER", "local",
        "ARGUS_SESSION_PROMETHEUS_BINARY", SlurmCluster.prometheus(),
        "ARGUS_SESSION_ROOT", dir.resolve("sessions").toString(),
        "ARGUS_SESSION_ARTIFACT_ROOT", dir.resolve("artifacts").toString(),
        "ARGUS_SESSION_RECONCILE_INTERVAL", "PT2S",
        "SLURM_CONF", "/nonexistent/slurm.conf"))) {
      argus.awaitReady(Duration.ofSeconds(180));
      var api = new SessionsApi(argus);
      JsonObject health = api.await("/health/ready", Duration.ofSeconds(30), h -> h.toString().contains("\"launcher\":\"local\""));
      assertThat(health.getString("status")).isEqualTo("UP");

      // every operation of the contract is in the OpenAPI document, under its operationId
      String openapi = argus.get("/openapi", "Accept", "application/json").body();
      for (String operation : ContractSchema.operationIds()) {
        if (!operation.equals("root__get") && !operation.equals("health_health_get")) {
          assertThat(openapi).as("operationId " + operation).contains("\"operationId\":\"" + operation + "\"");
        }
      }

      JsonObject schemas = jakarta.json.Json.createReader(new java.io.StringReader(openapi)).readObject()
          .getJsonObject("components").getJsonObject("schemas");
      for (String schema : new String[] {"SessionCreateRequest", "SessionStartRequest", "CollectionRequest", "ClientRegistrationRequest"}) {
        assertThat(schemas.getJsonObject(schema).getJsonObject("properties").keySet()).as(schema + " in /openapi")
            .containsAll(ContractSchema.properties(schema));
      }
      assertThat(schemas.getJsonObject("CollectionRequest").getJsonObject("properties").keySet()).contains("import");

      // the contract's defaults: an empty create body, an empty start body
      JsonObject defaults = api.post("/api/v1/sessions", null).is(200, "SessionCreateResponse").json();
      assertThat(defaults.getString("session_id")).matches("mon-[0-9a-f]{8}");
      assertThat(defaults.getString("prometheus_url")).isEqualTo("http://localhost:9090");
      JsonObject created = api.post("/api/v1/sessions", "{\"run_id\":\"laptop\",\"prometheus_port\":" + port + "}").is(200, "SessionCreateResponse").json();
      assertThat(created.getString("prometheus_url")).isEqualTo("http://localhost:" + port);
      Instant windowStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      JsonObject started = api.post("/api/v1/sessions/laptop/start", null).is(200, "SessionStartResponse").json();
      assertThat(started.getString("launcher")).isEqualTo("local");
      long pid = Long.parseLong(started.getJsonObject("job_ids").getString("prometheus"));
      assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().command())).hasValueSatisfying(c -> assertThat(c).endsWith("prometheus"));

      api.post("/api/v1/services", "{\"session_id\":\"laptop\",\"client_id\":\"self\",\"name\":\"prometheus\",\"endpoint\":\"http://127.0.0.1:"
          + port + "/metrics\"}").is(200, "ServiceRegistrationResponse");
      api.post("/api/v1/clients", "{\"session_id\":\"laptop\",\"client_id\":\"gpus\",\"node\":\"127.0.0.1\",\"exporters\":{\"dcgm\":"
          + "\"127.0.0.1:" + dcgm.getAddress().getPort() + "\"},\"preferences\":{\"enable_node\":false}}").is(200, "ClientRegistrationResponse");
      api.await("/api/v1/sessions/laptop/status", Duration.ofSeconds(10), s -> s.getBoolean("prom_ready"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (api.get("/api/v1/sessions/laptop/targets").body().split("\"health\":\"up\"", -1).length < 3 && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      Thread.sleep(3000);
      String window = "{\"window_start\":\"" + windowStart + "\",\"window_end\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
          + "\",\"out_dir\":\"" + dir.resolve("artifacts/laptop") + "\",\"step\":\"2s\"";
      JsonObject collected = api.post("/api/v1/sessions/laptop/collect", window + "}").is(200, "CollectionResponse").json();
      assertThat(collected.getJsonNumber("row_count").longValue()).isPositive();
      assertThat(collected.getJsonNumber("step_seconds").intValue()).isEqualTo(2);
      assertThat(collected.containsKey("import")).as("no import unless asked for").isFalse();
      assertThat(Files.readString(dir.resolve("artifacts/laptop/metrics.csv"))).contains(",prometheus_build_info,", ",DCGM_FI_DEV_GPU_TEMP,");
      assertThat(telemetryRows(argus)).as("nothing imported yet").isEmpty();

      // import=true: the two GPUs' four mapped families reach the store with their timestamps, the rest is skipped
      JsonObject imported = api.post("/api/v1/sessions/laptop/collect", window + ",\"import\":true}").is(200, "CollectionResponse").json()
          .getJsonObject("import");
      assertThat(imported.getInt("series_imported")).isEqualTo(8);
      assertThat(imported.getInt("series_skipped")).as("prometheus's own series, up, the unmapped family").isPositive();
      assertThat(imported.getJsonNumber("samples_replaced").longValue()).isZero();
      long stored = imported.getJsonNumber("samples_stored").longValue();
      assertThat(stored).isGreaterThanOrEqualTo(8);
      var rows = telemetryRows(argus);
      assertThat(rows).hasSize((int) stored);
      assertThat(rows).extracting(r -> r.getString("uuid")).containsOnly(GPU_0, GPU_1);
      assertThat(rows).extracting(r -> r.getString("metric_name"))
          .containsOnly("gpu_utilization_percent", "gpu_memory_used_bytes", "gpu_temperature_celsius", "gpu_power_watts");
      assertThat(rows).filteredOn(r -> r.getString("metric_name").equals("gpu_memory_used_bytes"))
          .extracting(r -> r.getJsonNumber("value").longValue()).containsOnly(2048L * 1024 * 1024);
      assertThat(rows).allSatisfy(r -> {
        assertThat(r.getJsonObject("labels_raw").getString("session")).isEqualTo("laptop");
        assertThat(Instant.parse(r.getString("timestamp"))).isBetween(windowStart, Instant.now());
      });
      JsonObject manifest = jakarta.json.Json.createReader(Files.newBufferedReader(dir.resolve("artifacts/laptop/MANIFEST.json"))).readObject();
      assertThat(manifest.getJsonObject("import").getJsonNumber("samples_stored").longValue()).isEqualTo(stored);

      // the same window again replaces the rows instead of doubling them
      JsonObject again = api.post("/api/v1/sessions/laptop/collect", window + ",\"import\":true}").is(200, "CollectionResponse").json()
          .getJsonObject("import");
      assertThat(again.getJsonNumber("samples_stored").longValue()).isEqualTo(stored);
      assertThat(again.getJsonNumber("samples_replaced").longValue()).isEqualTo(stored);
      assertThat(telemetryRows(argus)).hasSize((int) stored);

      api.post("/api/v1/sessions/laptop/stop", null).is(200, "SessionStopResponse");
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("Prometheus child after stop").isIn(java.util.Optional.empty(), java.util.Optional.of(false));
      try (ServerSocket free = new ServerSocket(port)) {
        assertThat(free.getLocalPort()).as("the port is free again").isEqualTo(port);
      }
      assertThat(argus.terminate(Duration.ofSeconds(60))).isZero();
    } finally {
      dcgm.stop(0);
    }
  }

  private static final String GPU_0 = "GPU-5fd4a2c7-1b2e-4c53-9d0a-7f2b8e6c1a01";
  private static final String GPU_1 = "GPU-5fd4a2c7-1b2e-4c53-9d0a-7f2b8e6c1a02";

  /** Two GPUs as dcgm-exporter names them, with one family the metric dictionary does not map. */
  private static HttpServer dcgmExporter() throws java.io.IOException {
    var text = new StringBuilder();
    String[][] families = {{"DCGM_FI_DEV_GPU_UTIL", "87"}, {"DCGM_FI_DEV_FB_USED", "2048"}, {"DCGM_FI_DEV_GPU_TEMP", "61"},
        {"DCGM_FI_DEV_POWER_USAGE", "312.5"}, {"DCGM_FI_DEV_VGPU_LICENSE_STATUS", "0"}};
    for (String[] family : families) {
      text.append("# TYPE ").append(family[0]).append(" gauge\n");
      for (int gpu = 0; gpu < 2; gpu++) {
        text.append(family[0]).append("{gpu=\"").append(gpu).append("\",UUID=\"").append(gpu == 0 ? GPU_0 : GPU_1)
            .append("\",device=\"nvidia").append(gpu).append("\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"sim-gpu-node\"} ")
            .append(family[1]).append('\n');
      }
    }
    byte[] body = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/metrics", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  /** The rows of the simulated GPU node in the telemetry store, read through the query API. */
  private static java.util.List<JsonObject> telemetryRows(ArgusProcess argus) throws Exception {
    Instant now = Instant.now();
    String body = argus.get("/api/v1/telemetry?hostname=sim-gpu-node&limit=100000&start_time=" + now.minus(Duration.ofHours(1))
        + "&end_time=" + now.plus(Duration.ofMinutes(1))).body();
    return jakarta.json.Json.createReader(new java.io.StringReader(body)).readArray().getValuesAs(JsonObject.class);
  }

  /** The Prometheus of a running session is killed (SIGKILL): the reconciler marks the session FAILED and says why. */
  @Test
  void aKilledPrometheusMarksItsSessionFailedWithTheReason(@TempDir Path dir) throws Exception {
    SlurmCluster.requirePrometheus();
    try (ArgusProcess argus = ArgusProcess.start(dir.resolve("argus"), Map.of(
        "ARGUS_SESSION_LAUNCHER", "local",
        "ARGUS_SESSION_PROMETHEUS_BINARY", SlurmCluster.prometheus(),
        "ARGUS_SESSION_ROOT", dir.resolve("sessions").toString(),
        "ARGUS_SESSION_ARTIFACT_ROOT", dir.resolve("artifacts").toString(),
        "ARGUS_SESSION_RECONCILE_INTERVAL", "PT1S",
        "ARGUS_COLLECT_STORE", "false",
        "SLURM_CONF", "/nonexistent/slurm.conf"))) {
      argus.awaitReady(Duration.ofSeconds(180));
      var api = new SessionsApi(argus);
      api.post("/api/v1/sessions", "{\"run_id\":\"doomed\",\"prometheus_port\":" + ArgusProcess.freePort() + "}")
          .is(200, "SessionCreateResponse");
      JsonObject started = api.post("/api/v1/sessions/doomed/start", null).is(200, "SessionStartResponse").json();
      long pid = Long.parseLong(started.getJsonObject("job_ids").getString("prometheus"));
      api.await("/api/v1/sessions/doomed/status", Duration.ofSeconds(30), s -> "RUNNING".equals(s.getString("status")));

      assertThat(ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly)).hasValue(true);
      JsonObject failed = api.await("/api/v1/sessions/doomed/status", Duration.ofSeconds(30),
          s -> !"RUNNING".equals(s.getString("status")));
      assertThat(failed.getString("status")).isEqualTo("FAILED");
      assertThat(failed.getString("reason")).contains("FAILED").contains("exit code 137");
      assertThat(argus.terminate(Duration.ofSeconds(60))).isZero();
    }
  }
}
