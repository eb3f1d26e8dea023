package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle with credentials required: a configured admin key, JWTs from a test issuer, a tight
 * reader rate limit. Every write endpoint against every role; keys created, rotated and revoked;
 * JWTs refused for each reason; rate, size and CORS limits; and a corpus of hostile inputs that must
 * each come back as a 4xx problem while nothing is written, stored or started.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

  private static final Duration BOOT = Duration.ofSeconds(180);
  private static final String ADMIN_KEY = "argus-test-admin-" + UUID.randomUUID();
  private static final String ISSUER = "https://issuer.test/argus";
  private static final KeyPair JWT_KEYS = rsa();
  private static final String ORIGIN = "https://console.example";
  private static final String PWNED = "/tmp/argus-pwned-" + UUID.randomUUID();

  @TempDir
  static Path dir;

  static ArgusProcess argus;
  static io.argus.testing.PostgresTestDatabase db;
  static String readerKey;
  static String operatorKey;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("ARGUS_SECURITY_KEYS", "root:admin:" + sha256(ADMIN_KEY));
    env.put("ARGUS_SECURITY_JWT_ISSUER", ISSUER);
    env.put("ARGUS_SECURITY_JWT_PUBLIC_KEY", Base64.getEncoder().encodeToString(JWT_KEYS.getPublic().getEncoded()));
    env.put("ARGUS_SECURITY_RATE_LIMIT_READER", "30/3s");
    env.put("ARGUS_SECURITY_RATE_LIMIT_ADMIN", "100000/1m");
    env.put("ARGUS_SECURITY_METRICS", "authenticated");
    env.put("ARGUS_SECURITY_MAX_HEADER_BYTES", "4096");
    env.put("ARGUS_SECURITY_CORS_ALLOWED_ORIGINS", ORIGIN);
    env.put("ARGUS_SESSION_LAUNCHER", "local");
    env.put("ARGUS_SESSION_PROMETHEUS_BINARY", SlurmCluster.prometheus());
    env.put("ARGUS_COLLECT_ENABLED", "false");
    db = io.argus.testing.PostgresTestDatabase.create("security");
    env.put("ARGUS_DB_URL", db.url());
    env.put("ARGUS_DB_USER", db.user());
    argus = ArgusProcess.start(dir, env);
    argus.awaitReady(BOOT);
    readerKey = object(send("POST", "/api/v1/keys", ADMIN_KEY, "{\"name\":\"matrix-reader\",\"role\":\"reader\"}")).getString("key");
    operatorKey = object(send("POST", "/api/v1/keys", ADMIN_KEY, "{\"name\":\"matrix-operator\",\"role\":\"operator\"}")).getString("key");
  }

  @AfterAll
  static void stop() {
    if (argus != null) {
      argus.close();
    }
    if (db != null) {
      db.close();
    }
  }

  // ------------------------------------------------------------------------------------ helpers

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String jwt(PrivateKey key, String iss, long exp, String groups) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String head = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String body = b64.encodeToString(("{\"iss\":\"" + iss + "\",\"upn\":\"ada@example\",\"exp\":" + exp + ",\"groups\":" + groups + "}")
        .getBytes(StandardCharsets.UTF_8));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update((head + "." + body).getBytes(StandardCharsets.US_ASCII));
    return head + "." + body + "." + b64.encodeToString(s.sign());
  }

  static HttpResponse<String> send(String method, String path, String key, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(argus.url(path))).timeout(Duration.ofSeconds(60));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return ArgusProcess.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> sendBytes(String method, String path, String key, String type, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(argus.url(path))).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + key).header("Content-Type", type)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    return ArgusProcess.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject object(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  static void assertProblem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.request().method() + " " + r.uri() + " -> " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).as(r.uri().toString()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(Json.createReader(new StringReader(r.body())).readObject().getInt("status")).isEqualTo(status);
  }

  /** A raw HTTP/1.1 exchange, for what java.net.http refuses to send (CR/LF in headers, bytes that are no UTF-8). */
  static String raw(byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", argus.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return answer(socket);
    }
  }

  /** Everything the server sends until it closes the connection. */
  static String answer(Socket socket) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      InputStream in = socket.getInputStream();
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        answer.write(buffer, 0, n);
      }
    } catch (java.net.SocketTimeoutException | java.net.SocketException done) {
      // Connection: close should end it; a reset after the answer is fine
    }
    return answer.toString(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(String head, byte[] body) {
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  // ------------------------------------------------------------------------------------ roles

  /** One write operation, with what an operator's request to it must at least get past. */
  record Write(String method, String path, String body, boolean admin) {}

  static List<Write> writes() {
    return List.of(
        new Write("POST", "/api/v1/sessions", "{\"run_id\":\"matrix-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"prometheus_port\":19091}", false),
        new Write("POST", "/api/v1/sessions/no-such/start", "{}", false),
        new Write("POST", "/api/v1/sessions/no-such/stop", null, false),
        new Write("POST", "/api/v1/sessions/no-such/collect",
            "{\"window_start\":\"2026-01-01T00:00:00Z\",\"window_end\":\"2026-01-01T01:00:00Z\",\"out_dir\":\"x\"}", false),
        new Write("DELETE", "/api/v1/sessions/no-such", null, false),
        new Write("DELETE", "/api/v1/sessions/no-such/clients/c1", null, false),
        new Write("DELETE", "/api/v1/sessions/no-such/services/c1/svc", null, false),
        new Write("POST", "/api/v1/clients", "{\"session_id\":\"no-such\",\"client_id\":\"c1\",\"node\":\"node-1\",\"exporters\":{},\"preferences\":{}}", false),
        new Write("POST", "/api/v1/services", "{\"session_id\":\"no-such\",\"client_id\":\"c1\",\"name\":\"svc\",\"endpoint\":\"http://node-1:8000/metrics\"}", false),
        new Write("POST", "/api/v1/sources", "{\"url\":\"http://127.0.0.1:9/m" + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"prometheus\",\"interval\":\"1d\"}", false),
        new Write("DELETE", "/api/v1/sources/999999", null, false),
        new Write("POST", "/api/v1/telemetry", "[]", false),
        new Write("POST", "/api/v1/keys", "{\"name\":\"matrix-made\",\"role\":\"reader\"}", true),
        new Write("DELETE", "/api/v1/keys/000000000000", null, true),
        new Write("POST", "/api/v1/keys/000000000000/rotate", null, true));
  }

  @Test
  @Order(1)
  void everyWriteAnswers401WithoutCredentials403ToATooLowRoleAndPassesForTheRightOne() throws Exception {
    String adminJwt = jwt(JWT_KEYS.getPrivate(), ISSUER, Instant.now().getEpochSecond() + 300, "[\"admin\"]");
    for (Write w : writes()) {
      HttpResponse<String> none = send(w.method(), w.path(), null, w.body());
      assertProblem(none, 401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).as(w.path()).hasValueSatisfying(v -> assertThat(v).contains("Bearer"));

      assertProblem(send(w.method(), w.path(), readerKey, w.body()), 403);
      HttpResponse<String> operator = send(w.method(), w.path(), operatorKey, w.body());
      if (w.admin()) {
        assertProblem(operator, 403);
      } else {
        assertThat(operator.statusCode()).as(w.method() + " " + w.path() + " as operator: " + operator.body()).isIn(200, 201, 204, 404);
      }
      HttpResponse<String> admin = send(w.method(), w.path(), w.admin() ? ADMIN_KEY : adminJwt, w.body() == null ? null : w.body().replace("matrix-", "matrix2-"));
      assertThat(admin.statusCode()).as(w.method() + " " + w.path() + " as admin: " + admin.body()).isIn(200, 201, 204, 404, 409);
    }
    // reads: any role; none without credentials
    assertProblem(send("GET", "/api/v1/sessions", null, null), 401);
    assertThat(send("GET", "/api/v1/sessions", readerKey, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/keys", operatorKey, null).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(2)
  void healthStaysOpenMetricsNeedAKeyAndTheConsoleIsReadLikeOtherReads() throws Exception {
    assertThat(send("GET", "/health/ready", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/health", null, null).statusCode()).isIn(200, 503);
    assertProblem(send("GET", "/metrics", null, null), 401);
    assertThat(send("GET", "/metrics", readerKey, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/console/", null, null).statusCode()).isNotIn(401, 403);
    assertThat(send("GET", "/api/docs", null, null).statusCode()).isNotIn(401, 403);
    HttpResponse<String> api = send("GET", "/api/v1/metrics", readerKey, null, "X-API-Key", "ignored when Authorization is sent");
    assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(api.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(api.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
    HttpRequest viaHeader = HttpRequest.newBuilder(URI.create(argus.url("/api/v1/metrics"))).header("X-API-Key", readerKey).build();
    assertThat(ArgusProcess.HTTP.send(viaHeader, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void pathsThatAreNotNormalisedCannotWalkPastTheGate() throws Exception {
    // the container routes by the decoded, normalised path: each of these once reached /metrics or /stats without a key
    for (String path : List.of("/health/../metrics", "/health/..;/stats", "/health/%2e%2e/stats", "/health/%2E%2E/metrics",
        "/health/.%2e/polling", "/health/..%2fstats", "/health%2F..%2Fstats", "/health/./../monitor", "/health/../api/v1/sessions",
        "/health/..;/api/v1/keys", "/console/../stats", "/openapi/../stats", "/api/docs/../../metrics", "/api/health/../../stats",
        "/health/ready/../../api/v1/keys")) {
      String answer = rawGet(path, null);
      assertThat(answer).as(path).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json")
          .doesNotContain("uptime_seconds").doesNotContain("# HELP");
    }
    // the rest never matched an open path: refused for want of a key, or not valid HTTP at all
    for (String path : List.of("//stats", "//metrics", "/api/../stats", "/HEALTH/ready", "/Health/../metrics", "/stats;x", "/metrics;x",
        "/api//v1/keys", "/health\\..\\stats")) {
      String answer = rawGet(path, null);
      assertThat(answer).as(path).matches("(?s)HTTP/1\\.1 4\\d\\d .*").doesNotContain("uptime_seconds").doesNotContain("# HELP");
      assertThat(answer).as(path).doesNotStartWith("HTTP/1.1 200");
    }
    // decoded once, as the container does: this is a health path named "%2e%2e", not a way to /stats
    assertThat(rawGet("/health/%252e%252e/stats", null)).doesNotContain("uptime_seconds");
    // normalised paths still work, with and without a key as before
    assertThat(rawGet("/health/ready", null)).startsWith("HTTP/1.1 200 ");
    assertThat(rawGet("/stats", null)).startsWith("HTTP/1.1 401 ");
    assertThat(rawGet("/stats", readerKey)).startsWith("HTTP/1.1 200 ").contains("uptime_seconds");
  }

  static String rawGet(String path, String key) throws IOException {
    return raw(("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  @Order(2)
  void bodyFieldsAreCheckedByTheirConstraintsAndNamedByTheirJsonNames() throws Exception {
    record Case(String method, String path, String body, String parameter, String detail) {}
    for (Case c : List.of(
        new Case("POST", "/api/v1/sessions", "{\"run_id\":\"../x\"}", "run_id",
            "run_id '../x' must be 1 to 64 letters, digits, '_' or '-', starting with a letter or digit"),
        new Case("POST", "/api/v1/sessions", "{\"prometheus_port\":0}", "prometheus_port", "prometheus_port 0 is out of range; expected 1 to 65535"),
        new Case("POST", "/api/v1/sessions", "{\"retention_hours\":87601}", "retention_hours",
            "retention_hours 87601 is out of range; expected 1 to 87600"),
        new Case("POST", "/api/v1/sessions", "{\"scrape_interval\":\"5 s\"}", "scrape_interval",
            "scrape_interval '5 s' is not a Prometheus duration; expected e.g. 500ms, 1s, 15s or 1m30s"),
        new Case("POST", "/api/v1/sessions", "{\"prom_host\":\"a;b\"}", "prom_host", "prom_host 'a;b' is not a host name or IPv4 address"),
        new Case("POST", "/api/v1/sessions/no-such/start", "{\"time_limit\":\"1;id\"}", "time_limit",
            "time_limit '1;id' is not a SLURM time limit; expected minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS or UNLIMITED"),
        new Case("POST", "/api/v1/sessions/no-such/start", "{\"partition\":\"gpu,cpu\"}", "partition",
            "partition 'gpu,cpu' is not a SLURM partition name (1 to 64 letters, digits, '_', '.' or '-'; one partition only)"),
        new Case("POST", "/api/v1/sessions/no-such/collect", "{\"window_start\":\"2026-01-01T00:00:00Z\",\"window_end\":\"2026-01-01T01:00:00Z\"}",
            "out_dir", "out_dir is required"),
        new Case("POST", "/api/v1/clients", "{\"session_id\":\"s1\",\"client_id\":\"c1\",\"exporters\":{},\"preferences\":{}}", "node",
            "node is required"),
        new Case("POST", "/api/v1/services", "{\"session_id\":\"s1\",\"client_id\":\"c 1\",\"name\":\"svc\",\"endpoint\":\"http://n1/m\"}",
            "client_id", "client_id 'c 1' must be 1 to 64 letters, digits, '_' or '-', starting with a letter or digit"),
        new Case("POST", "/api/v1/sources", "{\"kind\":\"prometheus\"}", "url", "url is required: the http(s) URL of a Prometheus-format endpoint"),
        new Case("POST", "/api/v1/keys", "{\"name\":\"x\",\"role\":\"root\"}", "role", "role 'root' must be reader, operator or admin"))) {
      HttpResponse<String> r = send(c.method(), c.path(), ADMIN_KEY, c.body());
      assertProblem(r, 400);
      JsonObject problem = Json.createReader(new StringReader(r.body())).readObject();
      assertThat(problem.getString("parameter", null)).as(c.body()).isEqualTo(c.parameter());
      assertThat(problem.getString("detail")).as(c.body()).isEqualTo(c.detail());
    }
  }

  @Test
  @Order(3)
  void keysAreShownOnceStoredHashedRotatedAndRevoked() throws Exception {
    HttpResponse<String> created = send("POST", "/api/v1/keys", ADMIN_KEY, "{\"name\":\"ci\",\"role\":\"operator\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    JsonObject key = object(created);
    String secret = key.getString("key");
    String id = key.getString("id");
    assertThat(secret).matches("argus_" + id + "_[A-Za-z0-9_-]{43}");

    String listing = send("GET", "/api/v1/keys", ADMIN_KEY, null).body();
    assertThat(listing).contains("\"id\":\"" + id + "\"", "\"id\":\"cfg-root\"").doesNotContain(secret).doesNotContain(sha256(secret));
    assertThat(send("GET", "/api/v1/keys/" + id, ADMIN_KEY, null).body()).doesNotContain(secret);
    assertThat(send("GET", "/api/v1/sessions", secret, null).statusCode()).isEqualTo(200);

    JsonObject rotated = object(send("POST", "/api/v1/keys/" + id + "/rotate", ADMIN_KEY, null));
    String fresh = rotated.getString("key");
    assertThat(rotated.getString("role")).isEqualTo("operator");
    assertProblem(send("GET", "/api/v1/sessions", secret, null), 401);
    assertThat(send("GET", "/api/v1/sessions", fresh, null).statusCode()).isEqualTo(200);
    assertProblem(send("POST", "/api/v1/keys/" + id + "/rotate", ADMIN_KEY, null), 409);

    JsonObject revoked = object(send("DELETE", "/api/v1/keys/" + rotated.getString("id"), ADMIN_KEY, null));
    assertThat(revoked.containsKey("revoked_at")).isTrue();
    assertProblem(send("GET", "/api/v1/sessions", fresh, null), 401);
    assertProblem(send("DELETE", "/api/v1/keys/cfg-root", ADMIN_KEY, null), 409);
    assertProblem(send("GET", "/api/v1/sessions", "argus_000000000000_" + "A".repeat(43), null), 401);
  }

  @Test
  @Order(4)
  void jwtsAreAcceptedOnlyFromTheIssuerWithItsKeyUnexpired() throws Exception {
    long later = Instant.now().getEpochSecond() + 300;
    String operator = jwt(JWT_KEYS.getPrivate(), ISSUER, later, "[\"operator\"]");
    assertThat(send("POST", "/api/v1/telemetry", operator, "[]").statusCode()).isEqualTo(200);
    assertProblem(send("POST", "/api/v1/telemetry", jwt(JWT_KEYS.getPrivate(), ISSUER, later, "[\"reader\"]"), "[]"), 403);

    HttpResponse<String> wrongIssuer = send("GET", "/api/v1/sessions", jwt(JWT_KEYS.getPrivate(), "https://evil.test", later, "[\"admin\"]"), null);
    assertProblem(wrongIssuer, 401);
    assertThat(wrongIssuer.body()).contains("issuer");
    assertThat(wrongIssuer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    assertThat(send("GET", "/api/v1/sessions", jwt(JWT_KEYS.getPrivate(), ISSUER, Instant.now().getEpochSecond() - 120, "[\"admin\"]"), null).body())
        .contains("expired");
    HttpResponse<String> forged = send("GET", "/api/v1/sessions", jwt(rsa().getPrivate(), ISSUER, later, "[\"admin\"]"), null);
    assertProblem(forged, 401);
    assertThat(forged.body()).contains("signature");
    assertProblem(send("GET", "/api/v1/sessions", null, null, "Authorization", "Basic cm9vdDpyb290"), 401);
  }

  @Test
  @Order(5)
  void aReaderOverItsRateGets429WithRetryAfterAndRecovers() throws Exception {
    String key = object(send("POST", "/api/v1/keys", ADMIN_KEY, "{\"name\":\"rate\",\"role\":\"reader\"}")).getString("key");
    // all at once: one after the other, a slow machine answers no faster than the bucket refills
    HttpRequest read = HttpRequest.newBuilder(URI.create(argus.url("/api/v1/metrics/gpu_power_watts"))).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + key).build();
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      burst.add(ArgusProcess.HTTP.sendAsync(read, HttpResponse.BodyHandlers.ofString()));
    }
    HttpResponse<String> limited = null;
    for (var answer : burst) {
      HttpResponse<String> r = answer.get();
      assertThat(r.headers().firstValue("RateLimit-Limit")).contains("30");
      assertThat(r.headers().firstValue("RateLimit-Policy")).contains("30;w=3");
      if (r.statusCode() == 429) {
        limited = r;
      }
    }
    assertThat(limited).as("no 429 among 80 requests at once at 30 per 3 s").isNotNull();
    assertProblem(limited, 429);
    long retry = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retry).isBetween(1L, 3L);
    assertThat(limited.headers().firstValue("RateLimit-Remaining")).contains("0");
    assertThat(limited.headers().firstValue("RateLimit-Reset")).isPresent();
    // another credential is not held back by this one's bucket
    assertThat(send("GET", "/api/v1/metrics/gpu_power_watts", operatorKey, null).statusCode()).isEqualTo(200);
    Thread.sleep(retry * 1000 + 200);
    assertThat(send("GET", "/api/v1/metrics/gpu_power_watts", key, null).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(6)
  void corsIsAnsweredForTheConfiguredOriginOnly() throws Exception {
    HttpResponse<String> preflight = send("OPTIONS", "/api/v1/sessions", null, null, "Origin", ORIGIN,
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(v -> assertThat(v).contains("Authorization"));
    assertProblem(send("OPTIONS", "/api/v1/sessions", null, null, "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"), 403);
    HttpResponse<String> get = send("GET", "/api/v1/sessions", operatorKey, null, "Origin", ORIGIN);
    assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(get.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(v -> assertThat(v).contains("X-Request-ID"));
    assertThat(send("GET", "/api/v1/sessions", operatorKey, null, "Origin", "https://evil.example")
        .headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  // ------------------------------------------------------------------------------------ hostile inputs

  /** One hostile request and a name for it. */
  record Hostile(String name, String method, String path, String type, byte[] body) {
    static Hostile json(String name, String method, String path, String body) {
      return new Hostile(name, method, path, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
  }

  static List<Hostile> corpus() {
    List<Hostile> c = new ArrayList<>();
    String shell = "touch " + PWNED;
    // path traversal and odd characters in ids, on every path that takes one
    String[] ids = {"..", "%2e%2e", "..%2F..%2Fetc", "a%2F..%2F..%2Fb", "-rf", "%24(" + "id)", "a%3Bb", "a%00b", "a%0D%0Ab", "x".repeat(300),
        "a%20b", "%C3%A4", "%60id%60", "a%7Cb", ".hidden"};
    for (String id : ids) {
      c.add(Hostile.json("start " + id, "POST", "/api/v1/sessions/" + id + "/start", "{}"));
      c.add(Hostile.json("stop " + id, "POST", "/api/v1/sessions/" + id + "/stop", null));
      c.add(Hostile.json("delete " + id, "DELETE", "/api/v1/sessions/" + id, null));
      c.add(Hostile.json("get session " + id, "GET", "/api/v1/sessions/" + id, null));
      c.add(Hostile.json("status " + id, "GET", "/api/v1/sessions/" + id + "/status", null));
      c.add(Hostile.json("targets " + id, "GET", "/api/v1/sessions/" + id + "/targets", null));
      c.add(Hostile.json("remove client " + id, "DELETE", "/api/v1/sessions/sec-target/clients/" + id, null));
      c.add(Hostile.json("remove service of client " + id, "DELETE", "/api/v1/sessions/sec-target/services/" + id + "/svc", null));
      c.add(Hostile.json("remove service named " + id, "DELETE", "/api/v1/sessions/sec-target/services/c1/" + id, null));
      c.add(Hostile.json("get key " + id, "GET", "/api/v1/keys/" + id, null));
      c.add(Hostile.json("rotate key " + id, "POST", "/api/v1/keys/" + id + "/rotate", null));
      c.add(Hostile.json("gpu " + id, "GET", "/api/v1/gpus/" + id, null));
      c.add(Hostile.json("gpu telemetry " + id, "GET", "/api/v1/gpus/" + id + "/telemetry", null));
      c.add(Hostile.json("metric " + id, "GET", "/api/v1/metrics/" + id, null));
      c.add(Hostile.json("system " + id, "GET", "/api/system/" + id, null));
    }
    // reads: huge, negative and malformed numbers, traversal and metacharacters in their parameters
    for (String q : new String[] {"limit=-1", "limit=99999999999999999999", "limit=abc", "cursor=..%2F..%2Fetc", "cursor=%24(id)"}) {
      c.add(Hostile.json("gpus " + q, "GET", "/api/v1/gpus?" + q, null));
      c.add(Hostile.json("hosts " + q, "GET", "/api/v1/hosts?" + q, null));
      c.add(Hostile.json("gpu telemetry " + q, "GET", "/api/v1/gpus/GPU-0/telemetry?" + q, null));
    }
    for (String q : new String[] {"step=-5s", "step=99999999999999d", "agg=sum;drop", "format=..%2Fx", "start_time=yesterday",
        "end_time=2026-13-45T00:00:00Z"}) {
      c.add(Hostile.json("gpu telemetry " + q, "GET", "/api/v1/gpus/GPU-0/telemetry?" + q, null));
    }
    for (String q : new String[] {"source=..%2Fx", "source=nvml%3Bid", "kind=gauge%7Cid", "kind=" + "x".repeat(300)}) {
      c.add(Hostile.json("metrics " + q, "GET", "/api/v1/metrics?" + q, null));
    }
    for (String node : new String[] {"..%2F..%2Fetc", "%24(id)", "a%3Bb", "x".repeat(300), "-rf"}) {
      c.add(Hostile.json("system metrics node_id " + node, "GET", "/api/system/metrics?node_id=" + node, null));
    }
    for (String name : new String[] {"..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "..", "manifest%00.json"}) {
      c.add(Hostile.json("artifact " + name, "GET", "/api/v1/sessions/sec-target/collections/1/artifacts/" + name, null));
    }
    for (String id : new String[] {"-1", "1e9", "99999999999999999999", "0x10", "1%3BDROP%20TABLE%20scrape_source", "..%2F1"}) {
      c.add(Hostile.json("source id " + id, "DELETE", "/api/v1/sources/" + id, null));
      c.add(Hostile.json("collection id " + id, "GET", "/api/v1/sessions/sec-target/collections/" + id, null));
    }
    c.add(Hostile.json("key id traversal", "DELETE", "/api/v1/keys/..%2F..%2Fx", null));
    // out_dir outside the artifact root
    for (String out : new String[] {"../outside", "/etc", "/tmp/argus-escape", "a/../../b", "link-out/x", "..", "\\u0000x",
        "a\\nb", "~root"}) {
      c.add(Hostile.json("out_dir " + out, "POST", "/api/v1/sessions/sec-target/collect",
          "{\"window_start\":\"2026-01-01T00:00:00Z\",\"window_end\":\"2026-01-01T01:00:00Z\",\"out_dir\":\"" + out + "\"}"));
    }
    // shell metacharacters in what reaches sbatch or a child process
    for (String p : new String[] {"gpu;" + shell, "$(" + shell + ")", "`" + shell + "`", "gpu|id", "gpu&&id", "gpu\\nid", "-p", "gpu part",
        "a,b", "../gpu", "gpu'", "gpu\\\""}) {
      c.add(Hostile.json("partition " + p, "POST", "/api/v1/sessions/sec-target/start", "{\"partition\":\"" + p + "\"}"));
    }
    for (String t : new String[] {"1;" + shell, "$(" + shell + ")", "99999999999", "-1", "1:99:00", "UNLIMITED;id", "00:00:00", "1-24",
        "..", "1 2", "0"}) {
      c.add(Hostile.json("time_limit " + t, "POST", "/api/v1/sessions/sec-target/start", "{\"time_limit\":\"" + t + "\"}"));
    }
    for (String r : new String[] {"../x", "a;b", "$(" + shell + ")", "-x", "a b", "x".repeat(65), "", "a\\u0000", "ä", "a\\r\\nb", "a.b"}) {
      c.add(Hostile.json("run_id " + r, "POST", "/api/v1/sessions", "{\"run_id\":\"" + r + "\"}"));
      c.add(Hostile.json("client_id " + r, "POST", "/api/v1/clients",
          "{\"session_id\":\"sec-target\",\"client_id\":\"" + r + "\",\"node\":\"n1\",\"exporters\":{},\"preferences\":{}}"));
      c.add(Hostile.json("service name " + r, "POST", "/api/v1/services",
          "{\"session_id\":\"sec-target\",\"client_id\":\"c1\",\"name\":\"" + r + "\",\"endpoint\":\"http://n1:8000/metrics\"}"));
    }
    // numbers
    for (String port : new String[] {"-1", "0", "65536", "9223372036854775808", "1e309", "1.5", "\"9090; id\"", "null"}) {
      c.add(Hostile.json("prometheus_port " + port, "POST", "/api/v1/sessions", "{\"run_id\":\"num-test\",\"prometheus_port\":" + port + "}"));
    }
    for (String h : new String[] {"-5", "0", "999999999999", "2147483648"}) {
      c.add(Hostile.json("retention_hours " + h, "POST", "/api/v1/sessions", "{\"run_id\":\"num-test\",\"retention_hours\":" + h + "}"));
    }
    for (String i : new String[] {"-1s", "0", "99999999d", "1ms", "PT-1S", "1y"}) {
      c.add(Hostile.json("source interval " + i, "POST", "/api/v1/sources",
          "{\"url\":\"http://127.0.0.1:9/i\",\"kind\":\"prometheus\",\"interval\":\"" + i + "\"}"));
    }
    for (String q : new String[] {"limit=-1", "limit=99999999999", "limit=abc", "status=RUNNING;DROP", "limit=1e3"}) {
      c.add(Hostile.json("sessions " + q, "GET", "/api/v1/sessions?" + q, null));
    }
    for (String q : new String[] {"limit=-1", "step=-5s", "start_time=yesterday", "end_time=2026-13-45T00:00:00Z", "agg=sum;drop",
        "cursor=..%2F..", "start_time=-999999999-01-01T00:00:00Z"}) {
      c.add(Hostile.json("telemetry " + q, "GET", "/api/v1/telemetry?" + q, null));
    }
    // outbound URLs: schemes, link-local, disguised numbers, credentials
    for (String url : new String[] {"file:///etc/passwd", "gopher://127.0.0.1:6379/_SET%20x", "http://169.254.169.254/latest/meta-data",
        "http://[fe80::1]/metrics", "http://2852039166/", "http://0xa9fea9fe/", "http://0251.0376.0251.0376/", "ftp://x/metrics",
        "jar:file:/x!/y", "http://user:pw@node/metrics", "http://node:0/", "http://node:99999/", "//node/metrics", "javascript:alert(1)",
        "http://0.0.0.0:9100/", "http://[::ffff:169.254.169.254]/", "dict://127.0.0.1:11211/", "http://224.0.0.1/"}) {
      c.add(Hostile.json("source url " + url, "POST", "/api/v1/sources", "{\"url\":\"" + url + "\",\"kind\":\"prometheus\"}"));
    }
    for (String url : new String[] {"file:///etc/passwd", "gopher://x:70/", "http://169.254.169.254/", "http://[fe80::1]:8000/", "http://2852039166:80/",
        "http://n1:8000/metrics?x=1", "http://u:p@n1/m"}) {
      c.add(Hostile.json("service endpoint " + url, "POST", "/api/v1/services",
          "{\"session_id\":\"sec-target\",\"client_id\":\"c1\",\"name\":\"svc\",\"endpoint\":\"" + url + "\"}"));
    }
    for (String e : new String[] {"169.254.169.254:9100", "[fe80::1]:9100", "n1:99999", "n1;id:9100", "0x7f000001:9100"}) {
      c.add(Hostile.json("exporter " + e, "POST", "/api/v1/clients",
          "{\"session_id\":\"sec-target\",\"client_id\":\"c1\",\"node\":\"n1\",\"exporters\":{\"node\":\"" + e + "\"},\"preferences\":{}}"));
    }
    // malformed, deeply nested and mistyped JSON
    for (String body : new String[] {"{", "[", "{\"run_id\":}", "nul", "{'run_id':'a'}", "{\"run_id\":\"a\"} trailing", "\"just a string\"",
        "{\"run_id\":[\"a\"]}", "{\"run_id\":{\"$gt\":\"\"}}", "[".repeat(20_000) + "]".repeat(20_000),
        "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)}) {
      c.add(Hostile.json("body " + body.substring(0, Math.min(20, body.length())), "POST", "/api/v1/sessions", body));
    }
    c.add(Hostile.json("nested source", "POST", "/api/v1/sources", "{\"url\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
    c.add(Hostile.json("nested ingest, unclosed", "POST", "/api/v1/telemetry", "[".repeat(100_000)));
    c.add(Hostile.json("ingest not array", "POST", "/api/v1/telemetry", "{\"a\":1}"));
    c.add(Hostile.json("keys role root", "POST", "/api/v1/keys", "{\"name\":\"x\",\"role\":\"root\"}"));
    c.add(Hostile.json("keys name traversal", "POST", "/api/v1/keys", "{\"name\":\"../x\",\"role\":\"reader\"}"));
    c.add(Hostile.json("keys missing role", "POST", "/api/v1/keys", "{\"name\":\"x\"}"));
    // invalid UTF-8
    c.add(new Hostile("invalid utf-8 run_id", "POST", "/api/v1/sessions", "application/json",
        concat("{\"run_id\":\"", new byte[] {(byte) 0xff, (byte) 0xfe, '"', '}'})));
    c.add(new Hostile("overlong utf-8 slash", "POST", "/api/v1/sessions/sec-target/collect", "application/json",
        concat("{\"window_start\":\"2026-01-01T00:00:00Z\",\"window_end\":\"2026-01-01T01:00:00Z\",\"out_dir\":\"",
            new byte[] {'.', '.', (byte) 0xc0, (byte) 0xaf, 'x', '"', '}'})));
    c.add(new Hostile("lone surrogate", "POST", "/api/v1/sessions", "application/json",
        concat("{\"run_id\":\"", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'})));
    // wrong media types and oversized bodies
    c.add(new Hostile("text body", "POST", "/api/v1/sessions", "text/plain", "run_id=x".getBytes(StandardCharsets.UTF_8)));
    c.add(new Hostile("xml body", "POST", "/api/v1/sources", "application/xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
        .getBytes(StandardCharsets.UTF_8)));
    c.add(Hostile.json("2 MiB body", "POST", "/api/v1/sessions", "{\"run_id\":\"" + "x".repeat(2 << 20) + "\"}"));
    c.add(Hostile.json("1.5 MiB labels", "POST", "/api/v1/services", "{\"labels\":{\"a\":\"" + "x".repeat(3 << 19) + "\"}}"));
    return c;
  }

  @Test
  @Order(7)
  void everyHostileInputIsA4xxProblemAndNothingIsWrittenStoredOrStarted() throws Exception {
    object(send("POST", "/api/v1/sessions", operatorKey, "{\"run_id\":\"sec-target\",\"prometheus_port\":19093}"));
    Files.createDirectories(dir.resolve("artifacts"));
    Files.createSymbolicLink(dir.resolve("artifacts/link-out"), Path.of("/tmp"));
    long sessions = object(send("GET", "/api/v1/sessions", operatorKey, null)).getJsonNumber("count").longValue();
    List<String> sources = ids(send("GET", "/api/v1/sources", operatorKey, null));
    List<String> keys = ids(send("GET", "/api/v1/keys", ADMIN_KEY, null));
    List<String> filesBefore = files();
    Map<String, Long> rowsBefore = rowCounts();

    List<Hostile> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
    Map<String, String> wrong = new LinkedHashMap<>();
    for (Hostile h : corpus) {
      HttpResponse<String> r;
      try {
        r = h.body() == null ? send(h.method(), h.path(), ADMIN_KEY, null) : sendBytes(h.method(), h.path(), ADMIN_KEY, h.type(), h.body());
      } catch (IOException e) {
        wrong.put(h.name(), "no answer: " + e);
        continue;
      }
      boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
          // an encoded NUL in the path is refused by the HTTP container before the application sees it
          || (r.statusCode() == 400 && h.path().contains("%00"));
      if (r.statusCode() < 400 || r.statusCode() >= 500 || r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() == 429 || !problem) {
        wrong.put(h.name(), r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("") + " "
            + r.body().substring(0, Math.min(200, r.body().length())));
      }
    }
    // what java.net.http will not send: CR/LF inside header values, a path that is no UTF-8
    String injected = raw(("POST /api/v1/telemetry HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN_KEY
        + "\r\nContent-Type: application/json\r\nIdempotency-Key: a\u000bb\r\nX-Request-ID: a\rSet-Cookie: pwned=1\r\n"
        + "Content-Length: 2\r\nConnection: close\r\n\r\n[]").getBytes(StandardCharsets.ISO_8859_1));
    assertThat(injected).startsWith("HTTP/1.1 4").doesNotContain("pwned");
    byte[] line = concat("DELETE /api/v1/sessions/", new byte[] {(byte) 0xff, (byte) 0xfe, '.', '.', (byte) 0xc0, (byte) 0xaf});
    String badPath = raw(concat(new String(line, StandardCharsets.ISO_8859_1) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + ADMIN_KEY + "\r\nConnection: close\r\n\r\n", new byte[0]));
    assertThat(badPath).startsWith("HTTP/1.1 4");
    assertProblem(send("GET", "/api/v1/sessions?status=" + "A".repeat(5000), ADMIN_KEY, null), 414);
    assertProblem(send("GET", "/api/v1/sessions", ADMIN_KEY, null, "X-Padding", "p".repeat(5000)), 431);

    // JSON nested deeper than any row needs is refused as a whole body, wherever the nesting is
    for (String batch : new String[] {"[{\"labels_raw\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}]",
        "[".repeat(100_000) + "]".repeat(100_000), "[{\"labels_raw\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}]",
        "[{\"metric_name\":\"gpu_power_watts\",\"value\":1,\"labels_raw\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}]"}) {
      assertProblem(send("POST", "/api/v1/telemetry", ADMIN_KEY, batch), 400);
    }
    // a body over the limit without Content-Length (chunked) is cut off at the limit: 413 problem, nothing read past it
    String chunked = rawStreaming("POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN_KEY
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        "{\"run_id\":\"" + "x".repeat(3 << 20) + "\"}");
    assertThat(chunked).startsWith("HTTP/1.1 413 ").containsIgnoringCase("Content-Type: application/problem+json").contains("\"status\":413");

    assertThat(wrong).as("hostile inputs not answered with a 4xx problem").isEmpty();
    assertThat(object(send("GET", "/api/v1/sessions", operatorKey, null)).getJsonNumber("count").longValue()).isEqualTo(sessions);
    assertThat(ids(send("GET", "/api/v1/sources", operatorKey, null))).isEqualTo(sources);
    assertThat(ids(send("GET", "/api/v1/keys", ADMIN_KEY, null))).isEqualTo(keys);
    assertThat(files()).isEqualTo(filesBefore);
    assertThat(rowCounts()).as("rows per table").isEqualTo(rowsBefore);
    assertThat(Path.of(PWNED)).doesNotExist();
    assertThat(Path.of("/tmp/argus-escape")).doesNotExist();
    assertThat(argus.children()).as("processes started by Argus").isZero();
  }

  /** Rows per table of everything a request could store: sessions, their clients and services, sources, keys, telemetry. */
  private static Map<String, Long> rowCounts() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (var connection = db.connect(); var statement = connection.createStatement()) {
      for (String table : List.of("monitoring_session", "session_client", "session_service", "collection", "collection_artifact",
          "scrape_source", "api_key", "ingest_receipt", "host", "gpu", "metric", "series", "sample")) {
        try (var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
    }
    return counts;
  }

  /**
   * Sends a request whose body goes out in 64 KiB chunks while the answer is read: a server that
   * answers before the body ends may close the connection under the writer, which is fine.
   */
  static String rawStreaming(String head, String body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", argus.port())) {
      socket.setSoTimeout(60_000);
      Thread writer = new Thread(() -> {
        try {
          OutputStream out = socket.getOutputStream();
          out.write(head.getBytes(StandardCharsets.ISO_8859_1));
          byte[] all = body.getBytes(StandardCharsets.UTF_8);
          for (int at = 0; at < all.length; at += 1 << 16) {
            int n = Math.min(1 << 16, all.length - at);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(all, at, n);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } catch (IOException closedUnderUs) {
          // the answer came first
        }
      });
      writer.start();
      String answer = answer(socket);
      writer.join(60_000);
      return answer;
    }
  }

  private static List<String> ids(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readArray().getValuesAs(JsonObject.class).stream()
        .map(o -> o.get("id").toString()).toList();
  }

  /** Every file under the working directory but the database's own and the log. */
  private static List<String> files() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.map(p -> dir.relativize(p).toString())
          .filter(p -> !p.startsWith("data") && !p.endsWith(".log") && !p.isEmpty())
          .sorted().toList();
    }
  }

  @Test
  @Order(8)
  void writesAreAuditedAndNoSecretReachesTheLog() throws Exception {
    String log = argus.log();
    assertThat(log).contains("\"type\":\"audit\"").contains("\"action\":\"session.create\"").contains("\"action\":\"key.rotate\"")
        .contains("\"actor\":\"matrix-operator\"").contains("\"session_id\":\"sec-target\"").contains("\"outcome\":\"refused\"");
    assertThat(log).contains("Security: credentials required");
    assertThat(log).doesNotContain(ADMIN_KEY).doesNotContain(readerKey).doesNotContain(operatorKey);
  }

  @Test
  @Order(9)
  void theAuditFileHoldsOneJsonObjectPerLineForEveryWriteAndEveryRefusal() throws Exception {
    Path file = dir.resolve("data/audit.log"); // argus.audit.file's default: audit.log in argus.data.dir
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n").doesNotContain(ADMIN_KEY).doesNotContain(readerKey).doesNotContain(operatorKey);
    List<JsonObject> lines = text.lines().map(l -> Json.createReader(new StringReader(l)).readObject()).toList();
    for (JsonObject line : lines) {
      assertThat(line.getString("type")).isEqualTo("audit");
      assertThat(Instant.parse(line.getString("time"))).isBefore(Instant.now().plusSeconds(1));
      assertThat(line.getString("request_id")).as(line.toString()).isNotEmpty();
      assertThat(line.getString("client_ip")).as(line.toString()).isNotEmpty();
      assertThat(line.getString("credential")).as(line.toString()).matches("(key|jwt|ip):.+");
      assertThat(line.getString("outcome")).isIn("success", "unauthenticated", "refused", "failed");
    }
    // who did what to which thing, and how it ended
    assertThat(lines).anySatisfy(l -> {
      assertThat(l.getString("action")).isEqualTo("session.create");
      assertThat(l.getString("outcome")).isEqualTo("success");
      assertThat(l.getString("actor")).isEqualTo("matrix-operator");
      assertThat(l.getString("credential")).startsWith("key:");
      assertThat(l.getJsonObject("target").getString("session_id")).startsWith("matrix-");
    });
    for (String action : List.of("session.start", "session.stop", "session.delete")) {
      assertThat(lines).as(action).anySatisfy(l -> {
        assertThat(l.getString("action")).isEqualTo(action);
        assertThat(l.getJsonObject("target").getString("session_id")).isEqualTo("no-such");
      });
    }
    assertThat(lines).anySatisfy(l -> {
      assertThat(l.getString("action")).isEqualTo("key.create");
      assertThat(l.getString("outcome")).isEqualTo("success");
      assertThat(l.getString("actor")).isEqualTo("root");
    });
    assertThat(lines).anySatisfy(l -> {
      assertThat(l.getString("action")).isEqualTo("key.rotate");
      assertThat(l.getString("outcome")).isEqualTo("success");
      assertThat(l.getJsonObject("target").getString("key_id")).matches("[0-9a-f]{12}");
    });
    assertThat(lines).as("a write refused for its role").anySatisfy(l -> {
      assertThat(l.getString("action")).isEqualTo("session.create");
      assertThat(l.getString("outcome")).isEqualTo("refused");
      assertThat(l.getInt("status")).isEqualTo(403);
      assertThat(l.getString("actor")).isEqualTo("matrix-reader");
    });
    assertThat(lines).as("a write refused for want of credentials, at the gate").anySatisfy(l -> {
      assertThat(l.getString("action")).isEqualTo("access.post");
      assertThat(l.getString("outcome")).isEqualTo("unauthenticated");
      assertThat(l.getInt("status")).isEqualTo(401);
      assertThat(l.getString("credential")).startsWith("ip:");
      assertThat(l.getJsonObject("target").getString("path")).isEqualTo("/api/v1/sessions");
    });
    // the gate decides on the normalised path, so the line names where the request would have gone
    assertThat(lines).anySatisfy(l -> assertThat(l.getJsonObject("target").getString("path", "")).isEqualTo("/stats"));
  }
}
