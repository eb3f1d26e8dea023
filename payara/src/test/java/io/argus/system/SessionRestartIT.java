package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.testing.PostgresTestDatabase;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argus restarts while a session's SLURM job runs: the job keeps running, and the new Argus takes
 * the session up again (RUNNING, Prometheus ready, collect and stop work). With
 * {@code argus.session.keep-data} on, the stop keeps the session's TSDB, and a second start of the
 * same session (a new job) serves the first job's samples to a collect over the earlier window.
 */
class SessionRestartIT {

  private static final Duration BOOT = Duration.ofSeconds(180);

  @Test
  void aRestartedArgusReattachesToTheRunningSession(@TempDir Path dir) throws Exception {
    SlurmCluster.require();
    try (PostgresTestDatabase db = PostgresTestDatabase.create("restart")) {
      var env = new HashMap<>(SlurmCluster.environment());
      env.putAll(Map.of(
          "ARGUS_DB_URL", db.url(), "ARGUS_DB_USER", db.user(),
          "ARGUS_SESSION_LAUNCHER", "slurm",
          "ARGUS_SESSION_ROOT", dir.resolve("sessions").toString(),
          "ARGUS_SESSION_ARTIFACT_ROOT", dir.resolve("artifacts").toString(),
          "ARGUS_SESSION_RECONCILE_INTERVAL", "PT2S",
          "ARGUS_SESSION_KEEP_DATA", "true"));
      String job;
      Instant windowStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      try (ArgusProcess first = ArgusProcess.start(dir.resolve("argus"), env)) {
        first.awaitReady(BOOT);
        var api = new SessionsApi(first);
        api.post("/api/v1/sessions", "{\"run_id\":\"survivor\",\"prometheus_port\":" + ArgusProcess.freePort() + "}").is(200, "SessionCreateResponse");
        job = api.post("/api/v1/sessions/survivor/start", "{\"partition\":\"" + SlurmCluster.partition() + "\",\"time_limit\":\"00:10:00\"}")
            .is(200, "SessionStartResponse").json().getJsonObject("job_ids").getString("prometheus");
        api.post("/api/v1/clients", "{\"session_id\":\"survivor\",\"client_id\":\"c1\",\"node\":\"localhost\",\"exporters\":{\"node\":\""
            + SlurmCluster.nodeExporter().orElse("127.0.0.1:9100") + "\"},\"preferences\":{\"enable_dcgm\":false}}").is(200, "ClientRegistrationResponse");
        assertThat(first.terminate(Duration.ofSeconds(60))).isZero();
      }
      assertThat(SlurmCluster.squeueState(job)).as("the job outlives Argus").isEqualTo("RUNNING");

      try (ArgusProcess second = ArgusProcess.start(dir.resolve("argus"), env)) {
        second.awaitReady(BOOT);
        var api = new SessionsApi(second);
        assertThat(second.log()).contains("Re-attached to session survivor (slurm job " + job + "): RUNNING");
        JsonObject status = api.get("/api/v1/sessions/survivor/status").is(200, "SessionStatusResponse").json();
        assertThat(status.getString("status")).isEqualTo("RUNNING");
        assertThat(status.getBoolean("prom_ready")).isTrue();
        assertThat(status.getJsonObject("job").getString("id")).isEqualTo(job);
        api.await("/health/ready", Duration.ofSeconds(30), h -> h.toString().contains("\"prometheus.survivor\":\"ready\""));

        Thread.sleep(3000);
        JsonObject collected = api.post("/api/v1/sessions/survivor/collect", "{\"window_start\":\"" + windowStart + "\",\"window_end\":\""
            + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"out_dir\":\"survivor\"}").is(200, "CollectionResponse").json();
        assertThat(collected.getJsonNumber("row_count").longValue()).as("node_exporter scraped across the restart").isPositive();

        api.post("/api/v1/sessions/survivor/stop", null).is(200, "SessionStopResponse");
        Instant stoppedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        assertThat(SlurmCluster.squeueState(job)).isEmpty();
        assertThat(dir.resolve("sessions/survivor/data/wal")).as("keep-data keeps the TSDB of a stopped session").isDirectory();

        String again = api.post("/api/v1/sessions/survivor/start", "{\"partition\":\"" + SlurmCluster.partition() + "\",\"time_limit\":\"00:10:00\"}")
            .is(200, "SessionStartResponse").json().getJsonObject("job_ids").getString("prometheus");
        assertThat(again).isNotEqualTo(job);
        JsonObject earlier = api.post("/api/v1/sessions/survivor/collect", "{\"window_start\":\"" + windowStart + "\",\"window_end\":\""
            + stoppedAt + "\",\"out_dir\":\"survivor-earlier\",\"step\":\"1s\"}").is(200, "CollectionResponse").json();
        assertThat(earlier.getJsonNumber("row_count").longValue()).as("the first job's samples, served by the second").isPositive();
        String csv = Files.readString(Path.of(earlier.getJsonObject("artifacts").getString("csv")));
        assertThat(csv).contains(",node_cpu_seconds_total,");
        api.post("/api/v1/sessions/survivor/stop", null).is(200, "SessionStopResponse");
        assertThat(SlurmCluster.squeueState(again)).isEmpty();
        assertThat(second.terminate(Duration.ofSeconds(60))).isZero();
      }
    }
  }
}
