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
      api.await("/api/v1/sessions/laptop/status", Duration.ofSeconds(10), s -> s.getBoolean("prom_ready"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!api.get("/api/v1/sessions/laptop/targets").body().contains("\"health\":\"up\"") && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      Thread.sleep(3000);
      JsonObject collected = api.post("/api/v1/sessions/laptop/collect", "{\"window_start\":\"" + windowStart + "\",\"window_end\":\""
          + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"out_dir\":\"" + dir.resolve("artifacts/laptop") + "\",\"step\":\"2s\"}")
          .is(200, "CollectionResponse").json();
      assertThat(collected.getJsonNumber("row_count").longValue()).isPositive();
      assertThat(collected.getJsonNumber("step_seconds").intValue()).isEqualTo(2);
      assertThat(Files.readString(dir.resolve("artifacts/laptop/metrics.csv"))).contains(",prometheus_build_info,");

      api.post("/api/v1/sessions/laptop/stop", null).is(200, "SessionStopResponse");
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("Prometheus child after stop").isIn(java.util.Optional.empty(), java.util.Optional.of(false));
      try (ServerSocket free = new ServerSocket(port)) {
        assertThat(free.getLocalPort()).as("the port is free again").isEqualTo(port);
      }
      assertThat(argus.terminate(Duration.ofSeconds(60))).isZero();
    }
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
