package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.testing.PostgresTestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small fleet on one PostgreSQL database, booted once for the class: two API nodes
 * ({@code argus.role=api}) and a collector ({@code argus.role=collector}, simulated GPUs, writing to
 * the database), plus a second collector that pushes to an API node. What a user of the fleet sees:
 * the collector's data through the API, a collector that is no API endpoint, exactly one leader per
 * cluster-wide job and a new one when the leader is killed, a pushing collector whose spool
 * survives SIGKILL and is replayed without duplicates.
 *
 * <p>Bad inputs tried: {@code argus.role=leader} (the deployment stops with a line naming the
 * roles; nothing is served); on the ingest endpoint with the batch media type: a body that is not a
 * batch, a truncated batch, a batch whose counts claim ten million GPUs, trailing bytes after a
 * batch (each 400 problem+json naming {@code body}), a known Idempotency-Key with another batch
 * (422); on a collector: {@code /api/v1/gpus}, {@code /console/}, {@code /openapi},
 * {@code /health/../api/v1/hosts} (each 404 problem+json).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Duration BOOT = Duration.ofSeconds(300);
  private static final Pattern SPOOL_NAME = Pattern.compile("spill-\\d{19}-(\\d+)\\.bin");

  @TempDir
  static Path dir;

  static PostgresTestDatabase db;
  static ArgusProcess api1;
  static ArgusProcess api2;
  static ArgusProcess collector;

  @BeforeAll
  static void startFleet() throws Exception {
    db = PostgresTestDatabase.create("cluster");
    // the first API node alone first, so that it leads every job when the others arrive
    api1 = ArgusProcess.start(dir.resolve("api-1"), env("api-1", "api"));
    api1.awaitReady(BOOT);
    Map<String, String> collectorEnv = env("gpu-a", "collector");
    collectorEnv.put("ARGUS_GPU_BACKEND", "simulated");
    collectorEnv.put("ARGUS_COLLECT_INTERVAL", "PT1S");
    api2 = ArgusProcess.start(dir.resolve("api-2"), env("api-2", "api"));
    collector = ArgusProcess.start(dir.resolve("gpu-a"), collectorEnv);
    CompletableFuture.allOf(ready(api2), ready(collector)).join();
  }

  @AfterAll
  static void stopFleet() {
    for (ArgusProcess p : new ArgusProcess[] {api1, api2, collector}) {
      if (p != null) {
        p.close();
      }
    }
    if (db != null) {
      db.close();
    }
  }

  static Map<String, String> env(String node, String role) {
    Map<String, String> env = new HashMap<>(Map.of("ARGUS_DB_URL", db.url(), "ARGUS_DB_USER", db.user(),
        "ARGUS_NODE_ID", node, "ARGUS_ROLE", role, "ARGUS_CLUSTER_LOCK_INTERVAL", "PT1S"));
    return env;
  }

  static CompletableFuture<Void> ready(ArgusProcess p) {
    return CompletableFuture.runAsync(() -> {
      try {
        p.awaitReady(BOOT);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  @Order(1)
  void theCollectorsSamplesAreReadThroughTheApiAndCarryItsNodeId() throws Exception {
    awaitCount("SELECT count(*) FROM sample s JOIN series r ON r.id = s.series_id WHERE r.node_id = 'gpu-a'", 8 * 20,
        Duration.ofSeconds(60));
    HttpResponse<String> hosts = api1.get("/api/v1/hosts");
    assertThat(hosts.statusCode()).isEqualTo(200);
    assertThat(hosts.body()).contains("\"node_id\":\"gpu-a\"");
    HttpResponse<String> gpus = api2.get("/api/v1/gpus");
    assertThat(gpus.statusCode()).isEqualTo(200);
    assertThat(Json.createReader(new StringReader(gpus.body())).readArray()).hasSizeGreaterThanOrEqualTo(8);
    HttpResponse<String> rows = api2.get("/api/v1/telemetry?metric_name=gpu_temperature_celsius&limit=5");
    assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
    assertThat(Json.createReader(new StringReader(rows.body())).readArray()).hasSize(5);
    assertThat(count("SELECT count(*) FROM series WHERE node_id IN ('api-1', 'api-2')"))
        .as("API nodes collect nothing of their own").isZero();
    assertThat(count("SELECT count(*) FROM series WHERE node_id = ''")).as("every collected series names its node").isZero();
  }

  @Test
  @Order(2)
  void aCollectorAnswersHealthAndMetricsOnly() throws Exception {
    for (String path : List.of("/api/v1/gpus", "/console/", "/openapi", "/health/../api/v1/hosts", "/api/v1/telemetry")) {
      HttpResponse<String> r = collector.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(r.body()).as(path).contains("argus.role=collector");
    }
    assertThat(collector.get("/health/ready").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = collector.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("argus_cluster_node_info{node=\"gpu-a\",role=\"collector\"} 1")
        .contains("DCGM_FI_DEV_GPU_TEMP");
    assertThat(api1.get("/metrics").body()).contains("argus_cluster_node_info{node=\"api-1\",role=\"api\"} 1");
  }

  @Test
  @Order(3)
  void eachClusterJobHasExactlyOneLeader() throws Exception {
    assertThat(leader(api1, "store-maintenance")).isEqualTo(1);
    assertThat(leader(api1, "source-scraping")).isEqualTo(1);
    assertThat(leader(api1, "session-reconciling")).isEqualTo(1);
    for (ArgusProcess other : List.of(api2, collector)) {
      for (String job : List.of("store-maintenance", "source-scraping", "session-reconciling")) {
        assertThat(leader(other, job)).as(job).isZero();
      }
    }
    JsonObject cluster = component(collector, "cluster");
    assertThat(cluster.getString("leader.store-maintenance")).isEqualTo("api-1");
    assertThat(cluster.getString("competes_for")).isEqualTo("store-maintenance");
    assertThat(cluster.getString("role")).isEqualTo("collector");
  }

  @Test
  @Order(4)
  void batchesThatAreNotBatchesAreRefusedAsProblems() throws Exception {
    byte[] truncated = {0x41, 0x52, 0x47, 0x32, 0, 0, 0};
    byte[] hugeCount = {0x41, 0x52, 0x47, 0x32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, (byte) 0x98, (byte) 0x96, (byte) 0x81};
    for (byte[] body : List.of("[{\"a\":1}]".getBytes(), truncated, hugeCount, new byte[0])) {
      HttpResponse<String> r = push(api1, body, null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(r.body()).contains("\"parameter\":\"body\"");
    }
  }

  /**
   * The SIGKILL drill of a pushing collector: while its API node is unreachable it spools every
   * batch to disk; killed, it leaves the spool; started again (collection off, so that the count is
   * exact) it replays the spool in order; the same spool replayed once more stores nothing twice.
   */
  @Test
  @Order(5)
  void aPushingCollectorsSpoolSurvivesSigkillAndIsReplayedOnce() throws Exception {
    Path work = dir.resolve("gpu-b");
    Path spool = work.resolve("data/spill");
    Map<String, String> env = new HashMap<>(Map.of("ARGUS_NODE_ID", "gpu-b", "ARGUS_ROLE", "collector",
        "ARGUS_GPU_BACKEND", "simulated", "ARGUS_COLLECT_INTERVAL", "PT1S",
        "ARGUS_TELEMETRY_PUSH_URL", "http://127.0.0.1:" + ArgusProcess.freePort(), // nobody listens there
        "ARGUS_TELEMETRY_WRITER_MAX_BACKOFF", "PT1S"));
    try (ArgusProcess b = ArgusProcess.start(work, env)) {
      b.awaitStatus("/health/live", 200, BOOT);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (spooled(spool).size() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertThat(component(b, "telemetry-writer").getString("target")).startsWith("push http://127.0.0.1:");
      b.kill();
    }
    List<Path> files = spooled(spool);
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    long samples = files.stream().mapToLong(ClusterIT::samplesIn).sum();
    // the spool as the killed process left it, including the record of the chunk it was sending
    Path copy = Files.createDirectories(dir.resolve("spool-copy"));
    List<Path> left = new java.util.ArrayList<>(files);
    if (Files.exists(spool.resolve("in-flight.txt"))) {
      left.add(spool.resolve("in-flight.txt"));
    }
    for (Path f : left) {
      Files.copy(f, copy.resolve(f.getFileName()));
    }
    assertThat(count(nodeSamples("gpu-b"))).isZero();

    env.put("ARGUS_TELEMETRY_PUSH_URL", api2.url("/"));
    env.put("ARGUS_COLLECT_ENABLED", "false");
    try (ArgusProcess b = ArgusProcess.start(work, env)) {
      b.awaitReady(BOOT);
      awaitEmpty(spool);
      assertThat(count(nodeSamples("gpu-b"))).isEqualTo(samples);
      assertThat(b.terminate(Duration.ofSeconds(30))).isZero();
    }
    long receipts = count("SELECT count(*) FROM ingest_receipt WHERE idempotency_key LIKE 'argus-batch-%'");
    assertThat(receipts).isPositive();
    // replayed once more from the same state: as if the replaying process had died after the API
    // node stored each chunk but before it deleted the files
    for (Path f : left) {
      Files.copy(copy.resolve(f.getFileName()), spool.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    try (ArgusProcess b = ArgusProcess.start(work, env)) {
      b.awaitReady(BOOT);
      awaitEmpty(spool);
      assertThat(count(nodeSamples("gpu-b"))).as("replayed again: duplicates suppressed").isEqualTo(samples);
      assertThat(count("SELECT count(*) FROM ingest_receipt WHERE idempotency_key LIKE 'argus-batch-%'"))
          .as("the same batches under the same keys").isEqualTo(receipts);
      assertThat(b.terminate(Duration.ofSeconds(30))).isZero();
    }
    // the key of a stored batch with another body is refused, and nothing is stored
    String key;
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT idempotency_key FROM ingest_receipt WHERE idempotency_key LIKE 'argus-batch-%' LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      key = rs.getString(1);
    }
    // two different batches under that key: at most one of them is the batch it was first used for
    // (that one is answered as a replay); the other is refused
    List<Integer> statuses = new java.util.ArrayList<>();
    for (Path f : files.subList(0, 2)) {
      HttpResponse<String> r = push(api1, Files.readAllBytes(copy.resolve(f.getFileName())), key);
      assertThat(r.statusCode() == 422 || r.body().contains("\"replayed\":true")).as(r.body()).isTrue();
      statuses.add(r.statusCode());
    }
    assertThat(statuses).contains(422);
    assertThat(count(nodeSamples("gpu-b"))).isEqualTo(samples);
  }

  @Test
  @Order(6)
  void anUnknownRoleStopsTheDeploymentWithTheRolesNamed() throws Exception {
    try (ArgusProcess bad = ArgusProcess.start(dir.resolve("bad-role"), Map.of("ARGUS_ROLE", "leader"))) {
      long deadline = System.nanoTime() + BOOT.toNanos();
      while (!bad.log().contains("argus.role must be one of all, collector, api") && bad.alive()
          && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertThat(bad.log()).contains("argus.role must be one of all, collector, api, got 'leader'");
      if (bad.alive()) {
        try {
          assertThat(bad.get("/api/v1/metrics").statusCode()).isNotEqualTo(200);
        } catch (IOException notListening) {
          // nothing served at all is as good
        }
      }
    }
  }

  /** The leader is killed: within a few lock intervals the survivors hold every job, one leader each. */
  @Test
  @Order(7)
  void whenTheLeaderIsKilledTheOthersTakeItsJobs() throws Exception {
    api1.kill();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      int maintenance = leader(api2, "store-maintenance") + leader(collector, "store-maintenance");
      if (maintenance == 1 && leader(api2, "source-scraping") == 1 && leader(api2, "session-reconciling") == 1) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(leader(api2, "store-maintenance") + leader(collector, "store-maintenance")).isEqualTo(1);
    assertThat(leader(api2, "source-scraping")).isEqualTo(1);
    assertThat(leader(api2, "session-reconciling")).isEqualTo(1);
    assertThat(leader(collector, "source-scraping")).as("collectors do not scrape unless told to").isZero();
    // who leads is read from the lock table at each lock refresh, so it may lag by one interval
    long shown = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    String maintainer = component(api2, "cluster").getString("leader.store-maintenance");
    while (!List.of("api-2", "gpu-a").contains(maintainer) && System.nanoTime() < shown) {
      Thread.sleep(500);
      maintainer = component(api2, "cluster").getString("leader.store-maintenance");
    }
    assertThat(maintainer).isIn("api-2", "gpu-a");
    // and the store keeps taking the collector's samples
    long before = count(nodeSamples("gpu-a"));
    awaitCount(nodeSamples("gpu-a"), before + 8 * 20, Duration.ofSeconds(30));
  }

  // ---------------------------------------------------------------- helpers

  static String nodeSamples(String node) {
    return "SELECT count(*) FROM sample s JOIN series r ON r.id = s.series_id WHERE r.node_id = '" + node + "'";
  }

  static HttpResponse<String> push(ArgusProcess to, byte[] body, String key) throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(to.url("/api/v1/telemetry"))).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/vnd.argus.telemetry-batch")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      r.header("Idempotency-Key", key);
    }
    return ArgusProcess.HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  static int leader(ArgusProcess p, String job) throws IOException, InterruptedException {
    Matcher m = Pattern.compile("argus_cluster_leader\\{job=\"" + job + "\"} (\\d+)").matcher(p.get("/metrics").body());
    assertThat(m.find()).as("argus_cluster_leader for " + job).isTrue();
    return Integer.parseInt(m.group(1));
  }

  static JsonObject component(ArgusProcess p, String name) throws IOException, InterruptedException {
    JsonObject health = Json.createReader(new StringReader(p.get("/health").body())).readObject();
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow().getJsonObject("data");
  }

  static List<Path> spooled(Path spool) throws IOException {
    if (!Files.isDirectory(spool)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(spool)) {
      return files.filter(f -> SPOOL_NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
    }
  }

  static long samplesIn(Path file) {
    Matcher m = SPOOL_NAME.matcher(file.getFileName().toString());
    assertThat(m.matches()).isTrue();
    return Long.parseLong(m.group(1));
  }

  static void awaitEmpty(Path spool) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!spooled(spool).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertThat(spooled(spool)).as("spool replayed").isEmpty();
  }

  static long count(String sql) throws SQLException {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void awaitCount(String sql, long atLeast, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(sql) < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertThat(count(sql)).isGreaterThanOrEqualTo(atLeast);
  }
}
