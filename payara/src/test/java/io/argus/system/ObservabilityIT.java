package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.testing.PostgresTestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argus observing itself, as the packaged bundle on PostgreSQL with JSON logs: request metrics move
 * by exactly the requests sent, /stats, /polling and /monitor report real figures, health turns 503
 * when the database goes away and back when it returns, every log line of Argus is a JSON object
 * with the caller's request id, and no secret a caller sends reaches the log. One server for the
 * class; the database test runs last.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

  private static final String PASSWORD = "db-pass-never-logged";

  @TempDir
  static Path dir;
  static PostgresTestDatabase db;
  static ArgusProcess argus;

  @BeforeAll
  static void start() throws Exception {
    db = PostgresTestDatabase.create("obs");
    argus = ArgusProcess.start(dir, Map.of(
        "ARGUS_DB_URL", db.url(), "ARGUS_DB_USER", db.user(), "ARGUS_DB_PASSWORD", PASSWORD,
        "ARGUS_GPU_BACKEND", "simulated", "ARGUS_GPU_SIMULATED_COUNT", "2",
        "ARGUS_LOG_FORMAT", "json"));
    argus.awaitReady(Duration.ofSeconds(180));
  }

  @AfterAll
  static void stop() throws Exception {
    if (argus != null) {
      // a graceful stop, as an operator's; a killed server leaves its runtime files behind
      assertThat(argus.terminate(Duration.ofSeconds(60))).isZero();
      argus.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  /** The value of one sample line of /metrics, 0 when the series does not exist yet. */
  private static double sample(String exposition, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void requestMetricsMoveByExactlyTheRequestsSent() throws Exception {
    String route = "method=\"GET\",route=\"/api/v1/metrics/{name}\"";
    String before = argus.get("/metrics").body();
    for (int i = 0; i < 7; i++) {
      assertThat(argus.get("/api/v1/metrics/gpu_temperature_celsius").statusCode()).isEqualTo(200);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(argus.get("/api/v1/metrics/not_a_metric_" + i).statusCode()).isEqualTo(404);
    }
    String after = argus.get("/metrics").body();

    assertThat(sample(after, "argus_http_requests_total{" + route + ",status=\"2xx\"}")
        - sample(before, "argus_http_requests_total{" + route + ",status=\"2xx\"}")).isEqualTo(7);
    assertThat(sample(after, "argus_http_requests_total{" + route + ",status=\"4xx\"}")
        - sample(before, "argus_http_requests_total{" + route + ",status=\"4xx\"}")).isEqualTo(3);
    assertThat(sample(after, "argus_http_request_duration_seconds_count{" + route + "}")
        - sample(before, "argus_http_request_duration_seconds_count{" + route + "}")).isEqualTo(10);
    assertThat(sample(after, "argus_http_requests_failed_total{" + route + "}")).isZero();
    // raw paths never become labels
    assertThat(after).doesNotContain("not_a_metric_").contains("# TYPE argus_http_request_duration_seconds histogram\n");
    assertThat(sample(after, "argus_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"2xx\"}"))
        .isEqualTo(sample(before, "argus_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"2xx\"}") + 1);
    // seven lookups of one name: the first reads the store, the other six the cache
    assertThat(sample(after, "argus_cache_hits_total{cache=\"metric-dictionary\"}")).isGreaterThanOrEqualTo(6);
    assertThat(sample(after, "argus_db_pool_max_connections")).isEqualTo(32);
    assertThat(sample(after, "argus_db_queries_total")).isGreaterThan(sample(before, "argus_db_queries_total"));
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void statsPollingAndMonitorReportWhatArgusMeasured() throws Exception {
    HttpResponse<String> statsResponse = argus.get("/stats");
    assertThat(statsResponse.statusCode()).isEqualTo(200);
    JsonObject stats = json(statsResponse.body());
    assertThat(stats.keySet()).contains("uptime_seconds", "requests", "database", "cache", "system", "gpu", "collector");
    JsonObject requests = stats.getJsonObject("requests");
    assertThat(requests.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(10);
    assertThat(requests.keySet()).contains("failed", "in_flight", "success_rate");
    JsonObject d = requests.getJsonObject("duration_ms");
    assertThat(d.getJsonNumber("p50").doubleValue()).isPositive()
        .isLessThanOrEqualTo(d.getJsonNumber("p95").doubleValue());
    assertThat(d.getJsonNumber("p95").doubleValue()).isLessThanOrEqualTo(d.getJsonNumber("p99").doubleValue());
    assertThat(d.getJsonNumber("avg").doubleValue()).isPositive();
    JsonObject database = stats.getJsonObject("database");
    assertThat(database.getString("vendor")).isEqualTo("postgresql");
    assertThat(database.getJsonObject("pool").getInt("max")).isEqualTo(32);
    assertThat(stats.getJsonObject("cache").getJsonNumber("hit_rate").doubleValue()).isBetween(0.0, 1.0);
    assertThat(stats.getJsonObject("system").getInt("threads")).isPositive();
    assertThat(stats.getJsonObject("system").getJsonObject("gc").keySet()).contains("collections", "time_seconds");
    JsonObject gpu = stats.getJsonObject("gpu");
    assertThat(gpu.getString("backend")).isEqualTo("simulated");
    assertThat(gpu.getInt("gpus")).isEqualTo(2);
    // the collector's samples go through the store's buffer: written and backlog are reported
    assertThat(gpu.getJsonNumber("samples_written").longValue()).isNotNegative();
    assertThat(gpu.getJsonNumber("write_backlog").longValue()).isNotNegative();

    JsonObject polling = json(argus.get("/polling").body());
    assertThat(polling.getJsonObject("requests").keySet()).contains("total", "in_flight", "success_rate");

    HttpResponse<String> monitor = argus.get("/monitor");
    assertThat(monitor.statusCode()).isEqualTo(200);
    JsonObject m = json(monitor.body());
    assertThat(m.getString("status")).isEqualTo("healthy");
    assertThat(m.getJsonObject("components").keySet()).contains("database", "collector", "gpu", "shutdown");
    assertThat(m.getJsonObject("components").getJsonObject("gpu").getBoolean("required")).isFalse();
    assertThat(monitor.body()).doesNotContain(PASSWORD);

    JsonObject health = json(argus.get("/health").body());
    assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class).stream().map(c -> c.getString("name")))
        .contains("database", "collector", "gpu", "shutdown");
  }

  /**
   * The GPU list and lookups are answered from memory for up to 2 s (the default), counted as
   * gpu-list and gpu-lookup; a GPU ingested through this node shows at once. Bad inputs tried: limit
   * 0, 1001 and "ten", a cursor that is not one, an unknown uuid; each twice, each the same 400 (404)
   * problem both times and never counted as a hit.
   */
  @Test
  @org.junit.jupiter.api.Order(3)
  void theGpuListIsCachedCountedAndShowsANewGpuAtOnce() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (gpusIn(argus.get("/api/v1/gpus").body()).size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(250); // the collector's first batch registers the two simulated GPUs
    }
    String before = argus.get("/metrics").body();
    HttpResponse<String> first = argus.get("/api/v1/gpus?limit=1");
    HttpResponse<String> second = argus.get("/api/v1/gpus?limit=1");
    String after = argus.get("/metrics").body();
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag")).isPresent();
    assertThat(second.headers().firstValue("Link")).isEqualTo(first.headers().firstValue("Link"))
        .hasValueSatisfying(l -> assertThat(l).contains("cursor=").endsWith("rel=\"next\""));
    assertThat(sample(after, "argus_cache_hits_total{cache=\"gpu-list\"}")
        - sample(before, "argus_cache_hits_total{cache=\"gpu-list\"}")).isGreaterThanOrEqualTo(1);
    assertThat(after).containsPattern("(?m)^argus_cache_hit_ratio\\{cache=\"gpu-list\"\\} ");
    JsonObject listCache = json(argus.get("/stats").body()).getJsonObject("cache").getJsonObject("caches")
        .getJsonObject("gpu-list");
    assertThat(listCache.getJsonNumber("hits").longValue()).isPositive();
    assertThat(listCache.getJsonNumber("hit_rate").doubleValue()).isBetween(0.0, 1.0);

    // bad inputs: the same problem every time, and never an answer from memory
    double hits = sample(argus.get("/metrics").body(), "argus_cache_hits_total{cache=\"gpu-list\"}");
    for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=1001", "limit"}, {"limit=ten", "limit"},
        {"cursor=not-a-cursor", "cursor"}}) {
      JsonObject once = problem(argus.get("/api/v1/gpus?" + bad[0]), 400);
      JsonObject twice = problem(argus.get("/api/v1/gpus?" + bad[0]), 400);
      assertThat(once.getString("parameter")).as(bad[0]).isEqualTo(bad[1]);
      assertThat(twice.getString("detail")).as(bad[0]).isEqualTo(once.getString("detail"));
    }
    assertThat(sample(argus.get("/metrics").body(), "argus_cache_hits_total{cache=\"gpu-list\"}")).isEqualTo(hits);

    // a new GPU is listed and found at once, although the list and the 404 were just kept
    String uuid = "GPU-0b5e0000-0000-4000-8000-00000000c0de";
    assertThat(problem(argus.get("/api/v1/gpus/" + uuid), 404).getString("parameter")).isEqualTo("gpu");
    assertThat(problem(argus.get("/api/v1/gpus/" + uuid), 404).getString("parameter")).isEqualTo("gpu");
    assertThat(gpusIn(argus.get("/api/v1/gpus").body())).doesNotContain(uuid);
    assertThat(gpusIn(argus.get("/api/v1/gpus").body())).doesNotContain(uuid);
    String row = "[{\"timestamp\":\"" + java.time.Instant.now() + "\",\"metric_name\":\"gpu_power_watts\","
        + "\"gpu_id\":7,\"uuid\":\"" + uuid + "\",\"hostname\":\"obs-new-node\",\"value\":250}]";
    HttpResponse<String> ingested = ArgusProcess.HTTP.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(argus.url("/api/v1/telemetry"))).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(row)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
    assertThat(json(ingested.body()).getInt("stored")).as(ingested.body()).isEqualTo(1);
    assertThat(gpusIn(argus.get("/api/v1/gpus").body())).contains(uuid);
    HttpResponse<String> found = argus.get("/api/v1/gpus/" + uuid);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    assertThat(json(found.body()).getString("hostname")).isEqualTo("obs-new-node");
    assertThat(argus.get("/api/v1/gpus/7/telemetry?hostname=obs-new-node&metric_name=gpu_power_watts").body())
        .contains(uuid);
    JsonObject caches = json(argus.get("/stats").body()).getJsonObject("cache").getJsonObject("caches");
    assertThat(caches.getJsonObject("gpu-lookup").getJsonNumber("hits").longValue()).isPositive();
    assertThat(caches.getJsonObject("series-ids").getJsonNumber("hits").longValue()).isPositive();
  }

  private static List<String> gpusIn(String listing) {
    return Json.createReader(new StringReader(listing)).readArray().getValuesAs(JsonObject.class).stream()
        .map(g -> g.getString("uuid")).toList();
  }

  /** The problem document, after checking it is a problem+json of that status. */
  private static JsonObject problem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    JsonObject p = json(r.body());
    assertThat(p.getInt("status")).isEqualTo(status);
    return p;
  }

  @Test
  @org.junit.jupiter.api.Order(4)
  void everyLogLineOfArgusIsAJsonObjectWithTheRequestIdAndNoSecret() throws Exception {
    argus.get("/api/v1/metrics/gpu_power_watts?api_key=key-never-logged-1&kind=gauge",
        "X-Request-ID", "obs-trace-42", "Authorization", "Bearer token-never-logged-2");
    argus.get("/api/v1/metrics?token=token-never-logged-3", "X-Api-Key", "key-never-logged-4");
    Thread.sleep(500);
    String log = argus.log();

    List<String> jsonLines = log.lines().filter(l -> l.startsWith("{")).toList();
    assertThat(jsonLines).hasSizeGreaterThan(10);
    for (String line : jsonLines) {
      try {
        JsonObject o = json(line);
        assertThat(o.keySet()).as(line).contains("timestamp", "level", "service", "logger", "message");
        assertThat(o.getString("logger")).as(line).startsWith("io.argus");
      } catch (JsonParsingException e) {
        throw new AssertionError("not a JSON object: " + line, e);
      }
    }
    // nothing of Argus's own loggers went to the server's text format
    assertThat(log.lines().filter(l -> !l.startsWith("{"))
        .filter(l -> l.matches(".*\\[(\\u001B\\[[0-9;]*m)?io\\.argus\\.[^\\]]*\\].*"))).isEmpty();
    assertThat(jsonLines).anySatisfy(l -> assertThat(l).contains("Database schema at version"));

    JsonObject access = jsonLines.stream().map(ObservabilityIT::json)
        .filter(o -> "obs-trace-42".equals(o.getString("request_id", null)))
        .filter(o -> "io.argus.access".equals(o.getString("logger"))).findFirst().orElseThrow();
    // the refusal is audited under the same request id
    assertThat(jsonLines.stream().map(ObservabilityIT::json)
        .filter(o -> "obs-trace-42".equals(o.getString("request_id", null))).map(o -> o.getString("logger")))
        .contains("io.argus.audit");
    assertThat(access.getString("method")).isEqualTo("GET");
    assertThat(access.getString("path")).isEqualTo("/api/v1/metrics/gpu_power_watts");
    // a bearer token Argus does not know is refused even where reads are open: 401, and logged
    assertThat(access.getInt("status_code")).isEqualTo(401);
    assertThat(access.getJsonNumber("duration_ms").doubleValue()).isPositive();
    assertThat(access.getJsonObject("query").getString("api_key")).isEqualTo("***");
    assertThat(access.getJsonObject("query").getString("kind")).isEqualTo("gauge");

    assertThat(log).doesNotContain("key-never-logged-1", "token-never-logged-2", "token-never-logged-3",
        "key-never-logged-4", PASSWORD);
  }

  @Test
  @org.junit.jupiter.api.Order(5)
  void healthAndMonitorTurn503WhenTheDatabaseStopsAndRecoverWhenItReturns() throws Exception {
    db.execute("ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS false");
    try {
      db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.name() + "'");
      HttpResponse<String> down = argus.awaitStatus("/health", 503, Duration.ofSeconds(60));
      assertThat(down.body()).contains("\"name\":\"database\",\"status\":\"DOWN\"");
      HttpResponse<String> monitor = argus.get("/monitor");
      assertThat(monitor.statusCode()).isEqualTo(503);
      JsonObject m = json(monitor.body());
      assertThat(m.getString("status")).isEqualTo("unhealthy");
      assertThat(m.getJsonObject("components").getJsonObject("database").getString("status")).isEqualTo("DOWN");
      assertThat(m.getJsonObject("components").getJsonObject("gpu").getString("status")).isEqualTo("UP");
      assertThat(argus.get("/stats").statusCode()).as("figures stay readable without the database").isEqualTo(200);
    } finally {
      db.execute("ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS true");
    }
    argus.awaitStatus("/health", 200, Duration.ofSeconds(60));
    assertThat(json(argus.get("/monitor").body()).getString("status")).isEqualTo("healthy");
    assertThat(argus.get("/metrics").body()).containsPattern("(?m)^argus_db_query_errors_total \\d+$");
  }
}
