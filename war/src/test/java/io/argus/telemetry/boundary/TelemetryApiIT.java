package io.argus.telemetry.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The telemetry API of the built WAR on Payara Micro with PostgreSQL, as a client sees it: batch
 * ingest, every query parameter and its errors, ETags, deprecated names, pagination through Link
 * headers, scrape sources against an exporter served by the test, and the writer's readiness.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelemetryApiIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
  private static final String UUID_A = "GPU-abcdef00-0000-0000-0000-000000000000";
  private static final String UUID_B = "GPU-abcdef00-0000-0000-0000-000000000001";

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("argus.war")));
  }

  private String api(String path) {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + base.getPath().replaceAll("/$", "")
        + "/api/v1" + path;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : api(path)));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  private HttpResponse<String> post(String path, String type, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api(path))).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  private static JsonObject object(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  private static JsonArray array(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readArray();
  }

  private static String q(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  /** The problem's parameter, after checking it is a problem+json of that status. */
  private static String problem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    JsonObject p = object(r);
    assertThat(p.getInt("status")).isEqualTo(status);
    return p.containsKey("parameter") ? p.getString("parameter") : null;
  }

  private static String csv() {
    StringBuilder csv = new StringBuilder("timestamp,metric_name,gpu_id,device,uuid,modelName,Hostname,container,pod,"
        + "namespace,value,labels_raw\n");
    for (int s = 0; s < 300; s++) {
      for (int g = 0; g < 2; g++) {
        for (String m : List.of("DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_GPU_UTIL")) {
          csv.append(T0.plusSeconds(s)).append(',').append(m).append(',').append(g).append(",nvidia").append(g).append(',')
              .append(g == 0 ? UUID_A : UUID_B).append(",NVIDIA A100-SXM4-80GB,api-node,")
              .append(g == 1 ? "trainer,llm-0,ml" : ",,").append(',').append(40 + s % 7).append(",\"DCGM_FI_DRIVER_VERSION=\"\"535.129.03\"\"\"\n");
        }
      }
    }
    return csv.toString();
  }

  @Test
  @Order(1)
  void aCsvBatchIsStoredOnceWhateverTheRetries() throws Exception {
    String body = csv();
    HttpResponse<String> first = post("/telemetry", "text/csv", body, "Idempotency-Key", "api-it-1");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonObject report = object(first);
    assertThat(report.getInt("received")).isEqualTo(1800);
    assertThat(report.getInt("stored")).isEqualTo(1800);
    assertThat(report.getInt("rejected")).isZero();
    assertThat(report.getBoolean("replayed")).isFalse();

    JsonObject replay = object(post("/telemetry", "text/csv", body, "Idempotency-Key", "api-it-1"));
    assertThat(replay.getBoolean("replayed")).isTrue();
    assertThat(replay.getInt("stored")).isEqualTo(1800);
    assertThat(problem(post("/telemetry", "text/csv", body + body.substring(body.indexOf('\n') + 1),
        "Idempotency-Key", "api-it-1"), 422)).isEqualTo("Idempotency-Key");
    assertThat(problem(post("/telemetry", "text/csv", body, "Idempotency-Key", "bad key with spaces"), 400))
        .isEqualTo("Idempotency-Key");

    String window = "start_time=" + q(T0.toString()) + "&end_time=" + q(T0.plusSeconds(300).toString());
    assertThat(array(get("/telemetry?" + window + "&limit=100000"))).hasSize(1800);
  }

  /** Bad bodies tried: wrong content type, malformed JSON, a JSON object, a CSV without header, 2 MiB over the limit. */
  @Test
  @Order(2)
  void badBodiesAreProblemsAndPartialBatchesReportTheirRows() throws Exception {
    assertThat(post("/telemetry", "text/plain", "x").statusCode()).isEqualTo(415);
    assertThat(problem(post("/telemetry", "application/json", "[{\"timestamp\":"), 400)).isEqualTo("body");
    assertThat(problem(post("/telemetry", "application/json", "{\"rows\":[]}"), 400)).isEqualTo("body");
    assertThat(problem(post("/telemetry", "text/csv", "just,some,words\n1,2,3\n"), 400)).isEqualTo("body");
    assertThat(problem(post("/telemetry", "text/csv", "x".repeat(3 << 20)), 413)).isEqualTo("body");

    String json = "[{\"timestamp\":\"" + T0.plusSeconds(400) + "\",\"metric_name\":\"gpu_power_watts\",\"gpu_id\":0,"
        + "\"uuid\":\"" + UUID_A + "\",\"hostname\":\"api-node\",\"value\":210,\"labels_raw\":{\"rank\":\"0\"}},"
        + "{\"timestamp\":\"not-a-time\",\"metric_name\":\"gpu_power_watts\",\"value\":1}]";
    HttpResponse<String> partial = post("/telemetry", "application/json", json);
    assertThat(partial.statusCode()).isEqualTo(200);
    JsonObject report = object(partial);
    assertThat(report.getInt("stored")).isEqualTo(1);
    assertThat(report.getInt("rejected")).isEqualTo(1);
    JsonObject error = report.getJsonArray("errors").getJsonObject(0);
    assertThat(error.getInt("row")).isEqualTo(2);
    assertThat(error.getString("field")).isEqualTo("timestamp");
  }

  @Test
  @Order(3)
  void gpusAndHostsAreListedAndFound() throws Exception {
    JsonArray gpus = array(get("/gpus?hostname=api-node"));
    assertThat(gpus).hasSize(2);
    JsonObject a = gpus.getJsonObject(0);
    assertThat(a.getString("uuid")).isEqualTo(UUID_A);
    assertThat(a.getInt("gpu_id")).isZero();
    assertThat(a.getString("device")).isEqualTo("nvidia0");
    assertThat(a.getString("model_name")).isEqualTo("NVIDIA A100-SXM4-80GB");
    assertThat(a.getString("driver_version")).isEqualTo("535.129.03");
    assertThat(a).containsKeys("timestamp", "first_seen");

    HttpResponse<String> page = get("/gpus?hostname=api-node&limit=1");
    String next = link(page, "next").orElseThrow();
    assertThat(array(get(next)).getJsonObject(0).getString("uuid")).isEqualTo(UUID_B);
    assertThat(array(get("/gpus?model_name=" + q("NVIDIA A100-SXM4-80GB")))).hasSize(2);

    assertThat(object(get("/gpus/" + UUID_B)).getString("hostname")).isEqualTo("api-node");
    assertThat(object(get("/gpus/1?hostname=api-node")).getString("uuid")).isEqualTo(UUID_B);
    assertThat(problem(get("/gpus/GPU-none"), 404)).isEqualTo("gpu");
    assertThat(problem(get("/gpus/" + q("GPU with spaces")), 400)).isEqualTo("gpu");
    assertThat(problem(get("/gpus?limit=0"), 400)).isEqualTo("limit");
    assertThat(problem(get("/gpus?cursor=AAAA"), 400)).isEqualTo("cursor");

    JsonArray hosts = array(get("/hosts?hostname=api-node"));
    assertThat(hosts.getJsonObject(0).getInt("gpu_count")).isEqualTo(2);
  }

  @Test
  @Order(4)
  void oneGpusTelemetryWithEveryParameter() throws Exception {
    String window = "start_time=" + q(T0.toString()) + "&end_time=" + q(T0.plusSeconds(300).toString());
    HttpResponse<String> rows = get("/gpus/" + UUID_B + "/telemetry?" + window + "&metric_name=gpu_temperature_celsius");
    assertThat(rows.statusCode()).isEqualTo(200);
    JsonArray body = array(rows);
    assertThat(body).hasSize(300);
    JsonObject row = body.getJsonObject(0);
    assertThat(row.getString("timestamp")).isEqualTo(T0.toString());
    assertThat(row.getString("metric_name")).isEqualTo("gpu_temperature_celsius");
    assertThat(row.getInt("gpu_id")).isEqualTo(1);
    assertThat(row.getString("uuid")).isEqualTo(UUID_B);
    assertThat(row.getString("hostname")).isEqualTo("api-node");
    assertThat(row.getString("container")).isEqualTo("trainer");
    assertThat(row.getString("pod")).isEqualTo("llm-0");
    assertThat(row.getString("namespace")).isEqualTo("ml");
    assertThat(row.getJsonNumber("value").doubleValue()).isEqualTo(40);
    assertThat(row.getJsonObject("labels_raw")).isNotNull();

    // a gpu index matches that index on every host; here only api-node has GPUs with these uuids
    assertThat(array(get("/gpus/1/telemetry?" + window + "&hostname=api-node&metric_name=gpu_power_watts"))).hasSize(300);
    assertThat(array(get("/gpus/1/telemetry?" + window + "&pod=llm-0&namespace=ml&container=trainer"
        + "&metric_name=gpu_power_watts&metric_name=gpu_utilization_percent"))).hasSize(600);
    assertThat(array(get("/gpus/0/telemetry?" + window + "&pod=llm-0&hostname=api-node"))).isEmpty();
    assertThat(array(get("/gpus/1/telemetry?" + window + "&slurm_job=none&hostname=api-node"))).isEmpty();

    // downsampling in the database, every aggregation
    JsonArray avg = array(get("/gpus/" + UUID_B + "/telemetry?" + window + "&metric_name=gpu_temperature_celsius&step=60s&agg=avg"));
    assertThat(avg).hasSize(5);
    JsonArray count = array(get("/gpus/" + UUID_B + "/telemetry?" + window + "&metric_name=gpu_temperature_celsius&step=1m&agg=count"));
    assertThat(count.getJsonObject(0).getJsonNumber("value").intValue()).isEqualTo(60);
    for (String agg : List.of("min", "max", "last")) {
      assertThat(array(get("/gpus/" + UUID_B + "/telemetry?" + window + "&step=PT1M&agg=" + agg))).as(agg).hasSize(15);
    }

    // format=series: the same samples, at least 4x smaller
    HttpResponse<String> series = get("/gpus/" + UUID_B + "/telemetry?" + window + "&format=series");
    HttpResponse<String> asRows = get("/gpus/" + UUID_B + "/telemetry?" + window);
    JsonArray s = array(series);
    assertThat(s).hasSize(3);
    assertThat(s.getJsonObject(0).getJsonArray("timestamps")).hasSize(300);
    assertThat(s.getJsonObject(0).getJsonArray("values")).hasSize(300);
    assertThat(asRows.body().length()).isGreaterThan(4 * series.body().length());

    // paging with the Link header reproduces the same rows
    List<String> paged = new ArrayList<>();
    Optional<String> next = Optional.of(api("/gpus/" + UUID_B + "/telemetry?" + window + "&limit=250"));
    int pages = 0;
    while (next.isPresent()) {
      HttpResponse<String> page = get(next.get());
      array(page).getValuesAs(JsonObject.class).forEach(r -> paged.add(r.getString("timestamp") + r.getString("metric_name")));
      next = link(page, "next");
      pages++;
    }
    assertThat(pages).isEqualTo(4);
    assertThat(paged).hasSize(900).doesNotHaveDuplicates();
  }

  /**
   * Bad inputs tried: malformed timestamps (words, no offset, month 13), end before start, end equal
   * to start, both start and start_time, limit 0 / -1 / 100001 / huge / non-numeric, agg unknown or
   * without step, step 0 / negative / fractional / garbage, format unknown, hostile cursors (random,
   * path-like, empty, another listing's), an unknown metric, an unknown GPU.
   */
  @Test
  @Order(5)
  void everyBadParameterIsA400NamingItAndAnUnknownGpuA404() throws Exception {
    String gpu = "/gpus/" + UUID_A + "/telemetry?";
    String[][] cases = {
      {"start_time=yesterday", "start_time"},
      {"start_time=2026-11-22T08:00:00", "start_time"},
      {"end_time=2026-13-01T00:00:00Z", "end_time"},
      {"start_time=2026-11-22T09:00:00Z&end_time=2026-11-22T08:00:00Z", "end_time"},
      {"start_time=2026-11-22T09:00:00Z&end_time=2026-11-22T09:00:00Z", "end_time"},
      {"start=2026-11-22T09:00:00Z&end=2026-11-22T08:00:00Z", "end"},
      {"start=2026-11-22T09:00:00Z&start_time=2026-11-22T09:00:00Z", "start"},
      {"limit=0", "limit"}, {"limit=-1", "limit"}, {"limit=100001", "limit"}, {"limit=99999999999999", "limit"},
      {"limit=ten", "limit"},
      {"step=60s&agg=median", "agg"}, {"agg=max", "agg"},
      {"step=0", "step"}, {"step=-60", "step"}, {"step=0.5s", "step"}, {"step=soon", "step"},
      {"format=xml", "format"},
      {"cursor=" + q("../../etc/passwd"), "cursor"}, {"cursor=r.AAAA", "cursor"}, {"cursor=", "cursor"},
      {"cursor=g.bm9kZQ.MA.R1BV", "cursor"},
      {"metric_name=no_such_metric", "metric_name"},
    };
    for (String[] c : cases) {
      assertThat(problem(get(gpu + c[0]), 400)).as(c[0]).isEqualTo(c[1]);
      assertThat(problem(get("/telemetry?" + c[0]), 400)).as("fleet " + c[0]).isEqualTo(c[1]);
    }
    assertThat(problem(get("/gpus/GPU-00000000-dead-beef-0000-000000000000/telemetry"), 404)).isEqualTo("gpu");
    assertThat(problem(get("/gpus/77/telemetry"), 404)).isEqualTo("gpu");
  }

  @Test
  @Order(6)
  void deprecatedNamesStillWorkAndSayWhatReplacesThem() throws Exception {
    HttpResponse<String> old = get("/gpus/" + UUID_A + "/telemetry?start=" + q(T0.toString()) + "&end="
        + q(T0.plusSeconds(60).toString()) + "&metric_name=gpu_power_watts");
    assertThat(old.statusCode()).isEqualTo(200);
    assertThat(array(old)).hasSize(60);
    assertThat(old.headers().firstValue("Deprecation")).contains("true");
    String successor = old.headers().allValues("Link").stream().filter(l -> l.contains("successor-version")).findFirst()
        .orElseThrow();
    assertThat(successor).contains("start_time=").contains("end_time=").doesNotContain("start=2026");
    String url = successor.substring(1, successor.indexOf('>'));
    HttpResponse<String> modern = get(url);
    assertThat(modern.headers().firstValue("Deprecation")).isEmpty();
    assertThat(modern.body()).isEqualTo(old.body());
  }

  @Test
  @Order(7)
  void everyGetCarriesAnEtagAndIfNoneMatchGives304() throws Exception {
    for (String path : List.of("/gpus", "/hosts", "/gpus/" + UUID_A, "/gpus/" + UUID_A + "/telemetry?start_time="
        + q(T0.toString()), "/telemetry?start_time=" + q(T0.toString()), "/metrics", "/sources")) {
      HttpResponse<String> first = get(path);
      String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
      HttpResponse<String> again = get(path, "If-None-Match", etag);
      assertThat(again.statusCode()).as(path).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }
  }

  @Test
  @Order(8)
  void theFleetViewPagesThroughEveryGpu() throws Exception {
    String window = "start_time=" + q(T0.toString()) + "&end_time=" + q(T0.plusSeconds(300).toString());
    int rows = 0;
    Optional<String> next = Optional.of(api("/telemetry?" + window + "&hostname=api-node&limit=400"));
    while (next.isPresent()) {
      HttpResponse<String> page = get(next.get());
      rows += array(page).size();
      next = link(page, "next");
    }
    assertThat(rows).isEqualTo(1800);
  }

  /** Bad inputs tried: a file URL, a URL without host, credentials in the URL, an unknown kind, interval 0, a non-numeric id. */
  @Test
  @Order(9)
  void aRegisteredSourceIsScrapedAndItsGpusAppear() throws Exception {
    byte[] exposition;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/dcgm-exporter_metrics_sample_datadog.txt")) {
      exposition = in.readAllBytes();
    }
    HttpServer exporter = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
    exporter.createContext("/metrics", x -> {
      x.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
      x.sendResponseHeaders(200, exposition.length);
      x.getResponseBody().write(exposition);
      x.close();
    });
    exporter.createContext("/moved", x -> {
      x.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
      x.sendResponseHeaders(302, -1);
      x.close();
    });
    exporter.start();
    try {
      String host = base.getHost();
      int port = exporter.getAddress().getPort();
      String body = "{\"url\":\"http://" + host + ":" + port + "/metrics\",\"kind\":\"dcgm\",\"interval\":\"1s\"}";
      HttpResponse<String> created = post("/sources", "application/json", body);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String location = created.headers().firstValue("Location").orElseThrow();
      long id = object(created).getJsonNumber("id").longValue();
      assertThat(problem(post("/sources", "application/json", body), 409)).isNull();
      HttpResponse<String> moved = post("/sources", "application/json",
          "{\"url\":\"http://" + host + ":" + port + "/moved\",\"kind\":\"prometheus\",\"interval\":\"1s\"}");
      long movedId = object(moved).getJsonNumber("id").longValue();

      long deadline = System.nanoTime() + 60_000_000_000L;
      JsonObject source = object(get(location));
      while (!source.containsKey("last_success_at") && System.nanoTime() < deadline) {
        Thread.sleep(500);
        source = object(get(location));
      }
      assertThat(source.getInt("last_samples")).isPositive();
      // the scraped samples reach the store through the buffer
      JsonArray gpu = Json.createArrayBuilder().build();
      while (System.nanoTime() < deadline) {
        HttpResponse<String> r = get("/gpus/GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e/telemetry"
            + "?metric_name=gpu_temperature_celsius&start_time=" + q(Instant.now().minusSeconds(600).toString()));
        if (r.statusCode() == 200 && !array(r).isEmpty()) { // 404 until the writer registered the GPU
          gpu = array(r);
          break;
        }
        Thread.sleep(500);
      }
      assertThat(gpu).isNotEmpty();
      assertThat(gpu.getJsonObject(0).getString("model_name")).isEqualTo("Tesla T4");
      assertThat(gpu.getJsonObject(0).getString("hostname")).isEqualTo("424773df46e0");
      assertThat(object(get("/gpus/GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e")).getString("driver_version"))
          .isEqualTo("460.106.00");

      JsonObject redirected = object(get("/sources/" + movedId));
      while (!redirected.containsKey("last_error") && System.nanoTime() < deadline) {
        Thread.sleep(500);
        redirected = object(get("/sources/" + movedId));
      }
      assertThat(redirected.getString("last_error")).contains("302").contains("not followed");

      assertThat(array(get("/sources"))).extracting(v -> v.asJsonObject().getJsonNumber("id").longValue())
          .contains(id, movedId);
      assertThat(send(HttpRequest.newBuilder(URI.create(location)).DELETE()).statusCode()).isEqualTo(204);
      assertThat(send(HttpRequest.newBuilder(URI.create(api("/sources/" + movedId))).DELETE()).statusCode()).isEqualTo(204);
      assertThat(problem(get(location), 404)).isEqualTo("id");
      assertThat(problem(get("/sources/abc"), 400)).isEqualTo("id");
      for (String[] bad : new String[][] {
          {"{\"url\":\"file:///etc/passwd\",\"kind\":\"dcgm\"}", "url"},
          {"{\"url\":\"http:///metrics\",\"kind\":\"dcgm\"}", "url"},
          {"{\"url\":\"http://user:secret@x:9400/metrics\",\"kind\":\"dcgm\"}", "url"},
          {"{\"url\":\"http://x:9400/metrics\",\"kind\":\"graphite\"}", "kind"},
          {"{\"url\":\"http://x:9400/metrics\",\"kind\":\"node\",\"interval\":\"0\"}", "interval"},
          {"{\"url\":", "body"}}) {
        assertThat(problem(post("/sources", "application/json", bad[0]), 400)).as(bad[0]).isEqualTo(bad[1]);
      }
    } finally {
      exporter.stop(0);
    }
  }

  @Test
  @Order(10)
  void readinessReportsTheWritersBacklogAndOpenApiTheOperations() throws Exception {
    String root = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    JsonObject health = object(get(root + "/health/ready"));
    JsonObject writer = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals("telemetry-writer")).findFirst().orElseThrow();
    assertThat(writer.getString("status")).isEqualTo("UP");
    assertThat(writer.getJsonObject("data")).containsKeys("backlog_samples", "spilled_samples", "dropped_samples");

    String doc = get(root + "/openapi", "Accept", "application/json").body();
    for (String op : List.of("listGpus", "getGpu", "getGpuTelemetry", "getTelemetry", "ingestTelemetry", "listHosts",
        "registerSource", "listSources", "getSource", "deleteSource")) {
      assertThat(doc).as(op).contains("\"" + op + "\"");
    }
  }

  private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"([^\"]+)\"");

  private static Optional<String> link(HttpResponse<String> response, String rel) {
    for (String header : response.headers().allValues("Link")) {
      Matcher m = LINK.matcher(header);
      while (m.find()) {
        if (m.group(2).equals(rel)) {
          return Optional.of(m.group(1));
        }
      }
    }
    return Optional.empty();
  }
}
