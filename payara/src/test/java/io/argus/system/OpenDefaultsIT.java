package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle with no security configuration at all: reads open to everyone, writes only from this
 * host, until the first key is created; then credentials are required. A trusted proxy on loopback
 * stands in for a client elsewhere (its X-Forwarded-For is believed), and without trust the header
 * changes nothing. No CORS header is sent to any origin.
 */
class OpenDefaultsIT {

  private static HttpResponse<String> send(ArgusProcess argus, String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(argus.url(path))).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return ArgusProcess.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readsAreOpenWritesLocalOnlyUntilTheFirstKeyExists(@TempDir Path dir) throws Exception {
    try (ArgusProcess argus = ArgusProcess.start(dir, Map.of("ARGUS_SECURITY_TRUSTED_PROXIES", "127.0.0.1/32", "ARGUS_COLLECT_ENABLED", "false"))) {
      argus.awaitReady(Duration.ofSeconds(180));
      assertThat(argus.log()).contains("Security: no API keys configured: reads are open to everyone, writes are accepted only from this host");

      // CORS is off by default: no browser origin is let in, not even to read
      for (HttpResponse<String> r : java.util.List.of(
          send(argus, "GET", "/api/v1/sessions", null, "Origin", "https://evil.example"),
          send(argus, "OPTIONS", "/api/v1/sessions", null, "Origin", "https://evil.example", "Access-Control-Request-Method", "POST",
              "Access-Control-Request-Headers", "authorization,content-type"))) {
        assertThat(r.headers().map().keySet()).as(r.request().method() + " " + r.headers().map())
            .noneSatisfy(h -> assertThat(h.toLowerCase(java.util.Locale.ROOT)).startsWith("access-control-"));
      }

      String remote = "203.0.113.7";
      assertThat(send(argus, "GET", "/api/v1/sessions", null, "X-Forwarded-For", remote).statusCode()).isEqualTo(200);
      HttpResponse<String> refused = send(argus, "POST", "/api/v1/sessions", "{\"run_id\":\"remote-1\"}", "X-Forwarded-For", remote);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(refused.body()).contains("only from this host");
      assertThat(send(argus, "POST", "/api/v1/keys", "{\"name\":\"x\",\"role\":\"admin\"}", "X-Forwarded-For", remote).statusCode()).isEqualTo(403);
      // a forged chain: the nearest hop the proxy saw is what counts
      assertThat(send(argus, "POST", "/api/v1/sessions", "{\"run_id\":\"remote-2\"}", "X-Forwarded-For", "127.0.0.1, " + remote).statusCode())
          .isEqualTo(403);

      assertThat(send(argus, "POST", "/api/v1/sessions", "{\"run_id\":\"local-1\"}").statusCode()).isEqualTo(200);
      HttpResponse<String> created = send(argus, "POST", "/api/v1/keys", "{\"name\":\"first-admin\",\"role\":\"admin\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String key = Json.createReader(new StringReader(created.body())).readObject().getString("key");

      HttpResponse<String> now = send(argus, "GET", "/api/v1/sessions", null);
      assertThat(now.statusCode()).isEqualTo(401);
      assertThat(now.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(send(argus, "GET", "/api/v1/sessions", null, "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);
      assertThat(send(argus, "GET", "/health/ready", null).statusCode()).isEqualTo(200);
      assertThat(send(argus, "GET", "/metrics", null).statusCode()).isEqualTo(200); // argus.security.metrics=open by default
      assertThat(argus.log()).doesNotContain(key);
    }
  }
}
