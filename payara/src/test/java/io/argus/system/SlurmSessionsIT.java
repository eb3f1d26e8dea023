package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.system.SessionsApi.Answer;
import io.argus.testing.PostgresTestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring-session contract against the packaged bundle on PostgreSQL, a real single-node
 * SLURM, real Prometheus jobs and a real node_exporter; one Argus for the whole class. A session
 * with a one-minute time limit starts first, so its expiry is checked last without waiting twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmSessionsIT {

  private static final Duration BOOT = Duration.ofSeconds(180);

  @TempDir
  static Path dir;

  private static PostgresTestDatabase db;
  private static ArgusProcess argus;
  private static SessionsApi api;
  private static String limitedJob;

  @BeforeAll
  static void boot() throws Exception {
    SlurmCluster.require();
    db = PostgresTestDatabase.create("sessions");
    var env = new HashMap<>(SlurmCluster.environment());
    env.putAll(Map.of(
        "ARGUS_DB_URL", db.url(), "ARGUS_DB_USER", db.user(),
        "ARGUS_SESSION_LAUNCHER", "slurm",
        "ARGUS_SESSION_ROOT", dir.resolve("sessions").toString(),
        "ARGUS_SESSION_ARTIFACT_ROOT", dir.resolve("artifacts").toString(),
        "ARGUS_SESSION_RECONCILE_INTERVAL", "PT2S"));
    argus = ArgusProcess.start(dir.resolve("argus"), env);
    argus.awaitReady(BOOT);
    api = new SessionsApi(argus);

    api.post("/api/v1/sessions", "{\"run_id\":\"limit-1m\",\"prometheus_port\":" + ArgusProcess.freePort() + "}").is(200, "SessionCreateResponse");
    JsonObject started = api.post("/api/v1/sessions/limit-1m/start", "{\"partition\":\"" + SlurmCluster.partition() + "\",\"time_limit\":\"1\"}")
        .is(200, "SessionStartResponse").json();
    limitedJob = started.getJsonObject("job_ids").getString("prometheus");
  }

  @AfterAll
  static void shutDown() throws Exception {
    try {
      if (api != null) { // null when the boot failed; the process is closed below all the same
        for (JsonValue s : api.get("/api/v1/sessions?status=RUNNING").json().getJsonArray("sessions")) {
          api.post("/api/v1/sessions/" + s.asJsonObject().getString("session_id") + "/stop", null);
        }
        assertThat(argus.terminate(Duration.ofSeconds(60))).isZero();
      }
    } finally {
      if (argus != null) {
        argus.close();
      }
      if (db != null) {
        db.close();
      }
    }
  }

  @Test
  @Order(1)
  void createStartRegisterCollectStopDeleteOverRealSlurm() throws Exception {
    int port = ArgusProcess.freePort();
    JsonObject created = api.post("/api/v1/sessions", "{\"run_id\":\"flow-1\",\"prometheus_port\":" + port + ",\"scrape_interval\":\"1s\"}")
        .is(200, "SessionCreateResponse").json();
    assertThat(created.getString("status")).isEqualTo("CREATED");
    assertThat(created.getString("prometheus_url")).isEqualTo("http://localhost:" + port);
    assertThat(Path.of(created.getString("workdir"))).isDirectory().startsWith(dir.resolve("sessions"));

    Instant windowStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JsonObject started = api.post("/api/v1/sessions/flow-1/start", "{\"partition\":\"" + SlurmCluster.partition() + "\",\"time_limit\":\"00:10:00\"}")
        .is(200, "SessionStartResponse").json();
    assertThat(started.getString("status")).isEqualTo("RUNNING");
    String job = started.getJsonObject("job_ids").getString("prometheus");
    assertThat(job).matches("[0-9]+");
    assertThat(SlurmCluster.squeueState(job)).isEqualTo("RUNNING");
    String prometheus = started.getString("prometheus_url");
    assertThat(prometheus).isEqualTo("http://" + started.getString("node") + ":" + port);
    assertThat(Files.readString(dir.resolve("sessions/flow-1/prometheus.sbatch")))
        .contains("#SBATCH --job-name=argus-flow-1", "#SBATCH --partition=" + SlurmCluster.partition(), "#SBATCH --time=00:10:00");

    // idempotent: a second start of a RUNNING session is a conflict naming the current state
    Answer again = api.post("/api/v1/sessions/flow-1/start", null).problem(409, null);
    assertThat(again.json().getString("detail")).contains("RUNNING", "job " + job);

    JsonObject status = api.get("/api/v1/sessions/flow-1/status").is(200, "SessionStatusResponse").json();
    assertThat(status.getBoolean("prom_ready")).isTrue();
    assertThat(status.getJsonObject("job").getString("state")).isEqualTo("RUNNING");
    assertThat(status.getJsonObject("job").getString("partition")).isEqualTo(SlurmCluster.partition());

    String exporter = SlurmCluster.nodeExporter().orElse("127.0.0.1:9100");
    JsonObject client = api.post("/api/v1/clients", "{\"session_id\":\"flow-1\",\"client_id\":\"client-001\",\"node\":\"localhost\","
        + "\"exporters\":{\"node\":\"" + exporter + "\"},\"preferences\":{\"enable_dcgm\":false}}").is(200, "ClientRegistrationResponse").json();
    assertThat(client.getBoolean("ok")).isTrue();
    assertThat(client.getJsonObject("targets")).containsOnlyKeys("node");
    JsonObject service = api.post("/api/v1/services", "{\"session_id\":\"flow-1\",\"client_id\":\"client-001\",\"name\":\"prom-self\","
        + "\"endpoint\":\"" + prometheus + "/metrics\",\"labels\":{\"model\":\"gpt2\"}}").is(200, "ServiceRegistrationResponse").json();
    assertThat(service.getString("target")).isEqualTo(started.getString("node") + ":" + port);
    assertThat(service.getString("metrics_path")).isEqualTo("/metrics");

    // file_sd: both targets appear and are scraped without a restart of Prometheus
    JsonObject health = api.await("/health/ready", Duration.ofSeconds(30), h -> h.toString().contains("prometheus.flow-1"));
    assertThat(health.toString()).contains("\"slurm\":\"reachable\"", "\"prometheus.flow-1\":\"ready\"");
    awaitTargetsUp(2);
    Thread.sleep(5000); // a few scrapes into the window

    Instant windowEnd = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JsonObject collected = api.post("/api/v1/sessions/flow-1/collect", "{\"window_start\":\"" + windowStart + "\",\"window_end\":\"" + windowEnd
        + "\",\"out_dir\":\"flow-1/run-1\",\"run_id\":\"run-1\"}").is(200, "CollectionResponse").json();
    JsonObject artifacts = collected.getJsonObject("artifacts");
    assertThat(artifacts).containsOnlyKeys("csv", "json", "tables", "manifest");
    Path out = dir.resolve("artifacts/flow-1/run-1");
    assertThat(collected.getJsonNumber("row_count").longValue()).isPositive();
    assertThat(collected.getInt("series_count")).isPositive();
    for (JsonValue f : collected.getJsonArray("files")) {
      JsonObject file = f.asJsonObject();
      Path path = Path.of(file.getString("path"));
      assertThat(path).isRegularFile().startsWith(out.toRealPath());
      assertThat(Files.size(path)).isEqualTo(file.getJsonNumber("size_bytes").longValue());
      assertThat(sha256(path)).as(path.toString()).isEqualTo(file.getString("sha256"));
    }
    String csv = Files.readString(Path.of(artifacts.getString("csv")));
    assertThat(csv).startsWith("timestamp,metric,labels,value\n").contains(",node_cpu_seconds_total,").contains("model=\"\"gpt2\"\"");
    assertThat(csv.lines().count() - 1).isEqualTo(collected.getJsonNumber("row_count").longValue());
    assertThat(Files.readString(Path.of(artifacts.getString("tables"))))
        .startsWith("run_id,session_id,from,to,throughput_qps,cpu_util_avg_pct,gpu_util_avg_pct,latency_p50_ms,latency_p95_ms,latency_p99_ms\n"
            + "run-1,flow-1,");
    JsonObject manifest = Json.createReader(new StringReader(Files.readString(Path.of(artifacts.getString("manifest"))))).readObject();
    assertThat(manifest.getJsonObject("window").getString("start")).isEqualTo(windowStart.toString());
    for (String name : new String[] {"csv", "json", "tables"}) {
      JsonObject entry = manifest.getJsonObject("files").getJsonObject(name);
      assertThat(sha256(Path.of(entry.getString("path")))).isEqualTo(entry.getString("sha256"));
      assertThat(entry.getJsonNumber("rows").longValue()).isPositive();
    }
    JsonObject json = Json.createReader(new StringReader(Files.readString(Path.of(artifacts.getString("json"))))).readObject();
    assertThat(json.getJsonArray("series")).hasSize(collected.getInt("series_count"));

    long collectionId = collected.getJsonNumber("collection_id").longValue();
    assertThat(api.get("/api/v1/sessions/flow-1/collections").is(200, null).structure().asJsonArray()).hasSize(1);
    Answer download = api.get("/api/v1/sessions/flow-1/collections/" + collectionId + "/artifacts/csv").is(200, null);
    assertThat(download.body()).isEqualTo(csv);
    // a dot segment is refused by the gate before any resource sees it
    api.get("/api/v1/sessions/flow-1/collections/" + collectionId + "/artifacts/..").problem(400, "path");
    api.get("/api/v1/sessions/flow-1/collections/" + collectionId + "/artifacts/..%2Fsecret").problem(400, "path");
    api.get("/api/v1/sessions/flow-1/collections/" + collectionId + "/artifacts/.hidden").problem(400, "name");
    api.get("/api/v1/sessions/flow-1/collections/" + collectionId + "/artifacts/secret").problem(404, "name");

    JsonObject list = api.get("/api/v1/sessions").is(200, null).json();
    assertThat(list.getInt("count")).isGreaterThanOrEqualTo(2);
    assertThat(list.getJsonArray("sessions").getJsonObject(0).getString("session_id")).isEqualTo("flow-1");
    assertThat(api.get("/api/v1/sessions/flow-1").is(200, null).json().getString("job_id")).isEqualTo(job);
    assertThat(api.get("/api/v1/sessions/flow-1/clients").is(200, null).structure().asJsonArray()).hasSize(1);
    assertThat(api.get("/api/v1/sessions/flow-1/services").is(200, null).structure().asJsonArray()).hasSize(1);

    // removal rewrites file_sd too: the client's node target and its service disappear
    api.delete("/api/v1/sessions/flow-1/clients/client-001").is(200, null);
    awaitTargetsUp(0);

    JsonObject stopped = api.post("/api/v1/sessions/flow-1/stop", null).is(200, "SessionStopResponse").json();
    assertThat(stopped.getBoolean("success")).isTrue();
    assertThat(SlurmCluster.squeueState(job)).as("the stop returns once squeue no longer lists the job").isEmpty();
    assertThat(api.get("/api/v1/sessions/flow-1/status").is(200, "SessionStatusResponse").json().getString("status")).isEqualTo("STOPPED");
    api.post("/api/v1/sessions/flow-1/stop", null).problem(409, null);
    api.post("/api/v1/sessions/flow-1/collect", "{\"window_start\":\"" + windowStart + "\",\"window_end\":\"" + windowEnd + "\",\"out_dir\":\"x\"}")
        .problem(409, null);
    assertThat(dir.resolve("sessions/flow-1/data")).as("Prometheus data is not kept by default").doesNotExist();

    api.delete("/api/v1/sessions/flow-1").is(200, "SessionDeleteResponse");
    api.get("/api/v1/sessions/flow-1").problem(404, "session_id");
    api.get("/api/v1/sessions/flow-1/status").problem(404, "session_id");
    assertThat(out.resolve("metrics.csv")).as("artifacts outlive their session").isRegularFile();
  }

  private static void awaitTargetsUp(int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Answer targets = api.get("/api/v1/sessions/flow-1/targets").is(200, null);
      last = targets.body();
      var array = targets.structure().asJsonArray();
      long up = array.stream().filter(t -> t.asJsonObject().getString("health").equals("up")).count();
      if (array.size() == expected && up == expected) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("targets did not become " + expected + " up ones: " + last);
  }

  @Test
  @Order(2)
  void aBadPartitionMarksTheSessionFailedWithSlurmsReason() throws Exception {
    api.post("/api/v1/sessions", "{\"run_id\":\"bad-partition\",\"prometheus_port\":" + ArgusProcess.freePort() + "}").is(200, "SessionCreateResponse");
    Answer refused = api.post("/api/v1/sessions/bad-partition/start", "{\"partition\":\"nosuch\"}").problem(422, null);
    assertThat(refused.json().getString("detail")).contains("invalid partition");
    JsonObject status = api.get("/api/v1/sessions/bad-partition/status").is(200, "SessionStatusResponse").json();
    assertThat(status.getString("status")).isEqualTo("FAILED");
    assertThat(status.getString("reason")).contains("Invalid partition name specified");
  }

  @Test
  @Order(3)
  void aPortInUseOnTheNodeMarksTheSessionFailed() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
      api.post("/api/v1/sessions", "{\"run_id\":\"port-taken\",\"prometheus_port\":" + taken.getLocalPort() + "}").is(200, "SessionCreateResponse");
      Answer conflict = api.post("/api/v1/sessions/port-taken/start", "{\"partition\":\"" + SlurmCluster.partition() + "\",\"time_limit\":\"00:05:00\"}").problem(409, null);
      assertThat(conflict.json().getString("detail")).contains("already in use");
    }
    JsonObject status = api.get("/api/v1/sessions/port-taken/status").is(200, "SessionStatusResponse").json();
    assertThat(status.getString("status")).isEqualTo("FAILED");
    assertThat(status.getString("reason")).contains("address already in use");
    assertThat(status.getJsonObject("job").getString("state")).isEqualTo("FAILED");
  }

  /**
   * Bad inputs tried: shell metacharacters in ids, partition and time limit; '..' in out_dir and
   * ids; a symbolic link out of the artifact root; file:, gopher: and host-less URLs; ports 0 and
   * 70000; windows with start after or equal to end; malformed JSON and wrong JSON types.
   */
  @Test
  @Order(4)
  void badInputIsA400ProblemNamingTheParameterAndNeverA500() throws Exception {
    api.post("/api/v1/sessions", "{\"run_id\":\"inputs\",\"prometheus_port\":" + ArgusProcess.freePort() + "}").is(200, "SessionCreateResponse");

    String[][] creates = {
      {"{\"run_id\":\"../etc\"}", "run_id"}, {"{\"run_id\":\"a;rm -rf /\"}", "run_id"}, {"{\"run_id\":\"$(id)\"}", "run_id"},
      {"{\"run_id\":\"-rf\"}", "run_id"}, {"{\"prometheus_port\":0}", "prometheus_port"}, {"{\"prometheus_port\":70000}", "prometheus_port"},
      {"{\"prometheus_port\":\"abc\"}", "body"}, {"{\"run_id\":", "body"}, {"[1,2]", "body"}, {"{\"scrape_interval\":\"1s; drop\"}", "scrape_interval"},
      {"{\"scrape_interval\":\"0s\"}", "scrape_interval"}, {"{\"prom_host\":\"evil host\"}", "prom_host"},
      {"{\"prom_host\":\"h`id`\"}", "prom_host"}, {"{\"retention_hours\":0}", "retention_hours"}};
    for (String[] c : creates) {
      api.post("/api/v1/sessions", c[0]).problem(400, c[1]);
    }
    String[][] starts = {
      {"{\"partition\":\"debug;id\"}", "partition"}, {"{\"partition\":\"$(reboot)\"}", "partition"}, {"{\"partition\":\"a b\"}", "partition"},
      {"{\"partition\":\"--wrap=id\"}", "partition"}, {"{\"time_limit\":\"1:00:00; id\"}", "time_limit"}, {"{\"time_limit\":\"abc\"}", "time_limit"},
      {"{\"time_limit\":\"0\"}", "time_limit"}, {"{\"time_limit\":\"`id`\"}", "time_limit"}, {"{\"time_limit\":\"00:61:00\"}", "time_limit"}};
    for (String[] s : starts) {
      api.post("/api/v1/sessions/inputs/start", s[0]).problem(400, s[1]);
    }
    String client = "{\"session_id\":\"%s\",\"client_id\":\"%s\",\"node\":\"%s\",\"exporters\":%s,\"preferences\":{}}";
    String[][] clients = {
      {String.format(client, "../x", "c1", "n1", "{}"), "session_id"}, {String.format(client, "inputs", "a b", "n1", "{}"), "client_id"},
      {String.format(client, "inputs", "c..", "n1", "{}"), "client_id"}, {String.format(client, "inputs", "c1", "n1;id", "{}"), "node"},
      {String.format(client, "inputs", "c1", "n1", "{\"node\":\"n1:0\"}"), "exporters.node"},
      {String.format(client, "inputs", "c1", "n1", "{\"node\":\"n1:70000\"}"), "exporters.node"},
      {String.format(client, "inputs", "c1", "n1", "{\"node\":\"http://n1:9100/metrics\"}"), "exporters.node"},
      {String.format(client, "inputs", "c1", "n1", "{\"gopher\":\"n1:70\"}"), "exporters.gopher"},
      {"{\"session_id\":\"inputs\",\"client_id\":\"c1\",\"node\":\"n1\",\"exporters\":{}}", "preferences"}};
    for (String[] c : clients) {
      api.post("/api/v1/clients", c[0]).problem(400, c[1]);
    }
    api.post("/api/v1/clients", String.format(client, "nosuch", "c1", "n1", "{}")).problem(404, "session_id");
    String service = "{\"session_id\":\"inputs\",\"client_id\":\"c1\",\"name\":\"%s\",\"endpoint\":\"%s\"%s}";
    String[][] services = {
      {String.format(service, "svc", "file:///etc/passwd", ""), "endpoint"}, {String.format(service, "svc", "gopher://n1:70/1", ""), "endpoint"},
      {String.format(service, "svc", "http://", ""), "endpoint"}, {String.format(service, "svc", "http:///metrics", ""), "endpoint"},
      {String.format(service, "svc", "http://user:pw@n1:8000/metrics", ""), "endpoint"},
      {String.format(service, "svc", "http://n1:8000/metrics?x=1", ""), "endpoint"},
      {String.format(service, "../svc", "http://n1:8000/metrics", ""), "name"},
      {String.format(service, "svc", "http://n1:8000/metrics", ",\"labels\":{\"__name__\":\"x\"}"), "labels"},
      {String.format(service, "svc", "http://n1:8000/metrics", ",\"labels\":{\"session\":\"other\"}"), "labels"}};
    for (String[] s : services) {
      api.post("/api/v1/services", s[0]).problem(400, s[1]);
    }
    Path root = dir.resolve("artifacts");
    Files.createDirectories(root);
    Files.createSymbolicLink(root.resolve("escape"), Files.createTempDirectory("outside-artifact-root"));
    String collect = "{\"window_start\":\"%s\",\"window_end\":\"%s\",\"out_dir\":\"%s\"%s}";
    String[][] collects = {
      {String.format(collect, "2026-01-01T00:01:00Z", "2026-01-01T00:00:00Z", "x", ""), "window_start"},
      {String.format(collect, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "x", ""), "window_start"},
      {String.format(collect, "yesterday", "2026-01-01T00:00:00Z", "x", ""), "window_start"},
      {String.format(collect, "2026-01-01T00:00:00Z", "2026-01-01T00:01:00+25:00", "x", ""), "window_end"},
      {String.format(collect, "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "../../etc", ""), "out_dir"},
      {String.format(collect, "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "/etc", ""), "out_dir"},
      {String.format(collect, "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "escape/run", ""), "out_dir"},
      {String.format(collect, "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "x", ",\"run_id\":\"../r\""), "run_id"},
      {String.format(collect, "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "x", ",\"step\":\"-1s\""), "step"},
      {"{\"window_start\":\"2026-01-01T00:00:00Z\",\"window_end\":\"2026-01-01T00:01:00Z\"}", "out_dir"}};
    for (String[] c : collects) {
      api.post("/api/v1/sessions/inputs/collect", c[0]).problem(400, c[1]);
    }
    api.post("/api/v1/sessions/inputs/collect", String.format(collect, "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "x", "")).problem(409, null);
    api.get("/api/v1/sessions/a.b").problem(400, "session_id");
    api.get("/api/v1/sessions/nosuch").problem(404, "session_id");
    api.get("/api/v1/sessions?limit=0").problem(400, "limit");
    api.get("/api/v1/sessions?status=BOGUS").problem(400, "status");
    api.get("/api/v1/sessions/inputs/collections/abc").problem(400, "collection_id");
    api.get("/api/v1/sessions/inputs/collections/99").problem(404, "collection_id");
    api.get("/api/v1/sessions/inputs/targets").problem(409, null);
    assertThat(argus.log()).doesNotContain("Unexpected failure");
  }

  /**
   * The slurmctld-down drill: SIGTERM to the controller while a session runs. Calls that need
   * SLURM are refused at once (503, Retry-After) and change nothing; reads, registration and
   * collect, which need only the database and Prometheus, keep working; /health says SLURM is
   * down. The controller comes back without {@code -c}, so it keeps its jobs, and the same calls
   * work again without a restart of Argus.
   */
  @Test
  @Order(5)
  void withSlurmctldDownSessionCallsAreRefusedAtOnceAndChangeNothingUntilItReturns() throws Exception {
    api.post("/api/v1/sessions", "{\"run_id\":\"drill\",\"prometheus_port\":" + ArgusProcess.freePort() + "}").is(200, "SessionCreateResponse");
    String start = "{\"partition\":\"" + SlurmCluster.partition() + "\",\"time_limit\":\"00:10:00\"}";
    String job = api.post("/api/v1/sessions/drill/start", start).is(200, "SessionStartResponse").json().getJsonObject("job_ids").getString("prometheus");
    api.post("/api/v1/sessions", "{\"run_id\":\"drill-idle\",\"prometheus_port\":" + ArgusProcess.freePort() + "}").is(200, "SessionCreateResponse");
    JsonObject running = api.get("/api/v1/sessions/drill").is(200, null).json();
    JsonObject idle = api.get("/api/v1/sessions/drill-idle").is(200, null).json();
    Instant windowStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    SlurmCluster.stopController(Duration.ofSeconds(30));
    try {
      // the reconciler's next pass (every 2 s here) finds the controller down
      String health = Json.createReader(new StringReader(argus.awaitStatus("/health", 503, Duration.ofSeconds(30)).body())).readObject().toString();
      assertThat(health).contains("\"name\":\"sessions\"", "\"slurm\":\"unreachable: ", "\"prometheus.drill\":\"ready\"");

      Answer stop = refusedQuickly(() -> api.post("/api/v1/sessions/drill/stop", null));
      assertThat(stop.json().getString("detail")).contains("slurmctld did not answer");
      refusedQuickly(() -> api.post("/api/v1/sessions/drill-idle/start", start));
      refusedQuickly(() -> api.delete("/api/v1/sessions/drill"));

      JsonObject stillRunning = api.get("/api/v1/sessions/drill").is(200, null).json();
      assertThat(stillRunning).as("the refused stop and delete changed nothing").isEqualTo(running);
      assertThat(api.get("/api/v1/sessions/drill-idle").is(200, null).json()).as("the refused start changed nothing").isEqualTo(idle);
      assertThat(stillRunning.getString("job_id")).isEqualTo(job);
      assertThat(dir.resolve("sessions/drill-idle/prometheus.sbatch")).as("no batch script for a refused start").doesNotExist();

      long started = System.nanoTime();
      JsonObject status = api.get("/api/v1/sessions/drill/status").is(200, "SessionStatusResponse").json();
      assertThat(status.getString("status")).isEqualTo("RUNNING");
      assertThat(status.getBoolean("prom_ready")).as("Prometheus outlives its controller").isTrue();
      assertThat(status.getJsonObject("job").getString("state")).isEqualTo("UNKNOWN");
      assertThat(status.getJsonObject("job").getString("error")).contains("slurmctld did not answer");
      api.post("/api/v1/services", "{\"session_id\":\"drill\",\"client_id\":\"client-001\",\"name\":\"prom-self\",\"endpoint\":\""
          + status.getString("prometheus_url") + "/metrics\"}").is(200, "ServiceRegistrationResponse");
      api.post("/api/v1/sessions/drill/collect", "{\"window_start\":\"" + windowStart + "\",\"window_end\":\""
          + Instant.now() + "\",\"out_dir\":\"drill/outage\"}").is(200, "CollectionResponse");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("reads, registration and collect do not wait on SLURM")
          .isLessThan(Duration.ofSeconds(10));
    } finally {
      SlurmCluster.startController(Duration.ofSeconds(30));
    }

    argus.awaitReady(Duration.ofSeconds(30));
    JsonObject health = api.get("/health/ready").is(200, null).json();
    assertThat(health.toString()).contains("\"slurm\":\"reachable\"");
    JsonObject status = api.get("/api/v1/sessions/drill/status").is(200, "SessionStatusResponse").json();
    assertThat(status.getString("status")).isEqualTo("RUNNING");
    assertThat(status.getJsonObject("job").getString("state")).as("the job ran on through the outage").isEqualTo("RUNNING");
    assertThat(status.getJsonObject("job").get("error")).isIn(null, JsonValue.NULL);

    assertThat(api.post("/api/v1/sessions/drill-idle/start", start).is(200, "SessionStartResponse").json().getString("status")).isEqualTo("RUNNING");
    api.post("/api/v1/sessions/drill-idle/stop", null).is(200, "SessionStopResponse");
    api.post("/api/v1/sessions/drill/stop", null).is(200, "SessionStopResponse");
    assertThat(SlurmCluster.squeueState(job)).isEmpty();
    assertThat(api.get("/api/v1/sessions/drill").is(200, null).json().getString("status")).isEqualTo("STOPPED");
    assertThat(argus.log()).doesNotContain("Unexpected failure");
  }

  /** A 503 problem with Retry-After, well before the 30 s command timeout would have run out. */
  private static Answer refusedQuickly(Call call) throws Exception {
    long started = System.nanoTime();
    Answer answer = call.send().problem(503, null);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without waiting on SLURM").isLessThan(Duration.ofSeconds(10));
    assertThat(answer.json().getString("title")).isEqualTo("SLURM unavailable");
    assertThat(answer.response().headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
    return answer;
  }

  @FunctionalInterface
  private interface Call {
    Answer send() throws Exception;
  }

  /**
   * A user cancels the session's job with scancel, past Argus: the reconciler's timer (not a read
   * of the session, which does not reconcile) marks the session CANCELLED with SLURM's facts, and a
   * stop is then a conflict.
   */
  @Test
  @Order(6)
  void aJobCancelledOutsideArgusEndsItsSessionAsCancelled() throws Exception {
    api.post("/api/v1/sessions", "{\"run_id\":\"outside\",\"prometheus_port\":" + ArgusProcess.freePort() + "}").is(200, "SessionCreateResponse");
    JsonObject started = api.post("/api/v1/sessions/outside/start", "{\"partition\":\"" + SlurmCluster.partition() + "\",\"time_limit\":\"00:10:00\"}")
        .is(200, "SessionStartResponse").json();
    String job = started.getJsonObject("job_ids").getString("prometheus");

    SlurmCluster.scancel(job);
    // the reconciler runs every 2 s here; a few passes are plenty
    JsonObject session = api.await("/api/v1/sessions/outside", Duration.ofSeconds(30), s -> !s.getString("status").equals("RUNNING"));
    assertThat(session.getString("status")).isEqualTo("CANCELLED");
    assertThat(session.getString("reason")).contains("Cancelled outside Argus", "job " + job + " CANCELLED");
    assertThat(argus.log()).contains("Session outside: CANCELLED");
    assertThat(SlurmCluster.squeueState(job)).isEmpty();
    JsonObject status = api.get("/api/v1/sessions/outside/status").is(200, "SessionStatusResponse").json();
    assertThat(status.getString("status")).isEqualTo("CANCELLED");
    assertThat(status.getBoolean("prom_ready")).isFalse();
    assertThat(status.getJsonObject("job").getString("state")).isEqualTo("CANCELLED");
    api.post("/api/v1/sessions/outside/stop", null).problem(409, null);
  }

  @Test
  @Order(9)
  void theOneMinuteTimeLimitEndsItsSessionAsCompleted() throws Exception {
    // SLURM kills a one-minute job 60-75 s after it starts; the reconciler then marks the session
    JsonObject session = api.await("/api/v1/sessions/limit-1m", Duration.ofSeconds(150), s -> !s.getString("status").equals("RUNNING"));
    assertThat(session.getString("status")).isEqualTo("COMPLETED");
    assertThat(session.getString("reason")).contains("Time limit reached", "TIMEOUT");
    assertThat(SlurmCluster.squeueState(limitedJob)).isIn("", "TIMEOUT");
    assertThat(argus.log()).contains("Session limit-1m: COMPLETED");
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
