package io.argus.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessLogLineTest {

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void oneRequestIsOneJsonObjectWithEveryField() {
    Map<String, String[]> query = new LinkedHashMap<>();
    query.put("kind", new String[] {"gauge"});
    JsonObject line = parse(new AccessLogLine("GET", "/api/v1/metrics", 200, "10.0.0.7", 12.3456, "curl/8", query, "req-1").toJson());
    assertThat(line.getString("method")).isEqualTo("GET");
    assertThat(line.getString("path")).isEqualTo("/api/v1/metrics");
    assertThat(line.getInt("status_code")).isEqualTo(200);
    assertThat(line.getString("client_ip")).isEqualTo("10.0.0.7");
    assertThat(line.getJsonNumber("duration_ms").doubleValue()).isEqualTo(12.346);
    assertThat(line.getString("user_agent")).isEqualTo("curl/8");
    assertThat(line.getJsonObject("query").getString("kind")).isEqualTo("gauge");
    assertThat(line.getString("request_id")).isEqualTo("req-1");
  }

  @Test
  void secretsInTheQueryAreMaskedWhateverTheirCase() {
    Map<String, String[]> query = new LinkedHashMap<>();
    query.put("api_key", new String[] {"sk-live-123"});
    query.put("Token", new String[] {"abc"});
    query.put("password", new String[] {"hunter2"});
    query.put("X-Api-Key", new String[] {"k"});
    query.put("access_token", new String[] {"t"});
    query.put("hostname", new String[] {"gpu-01"});
    String json = new AccessLogLine("GET", "/x", 200, "::1", 1, null, query, "r").toJson();
    assertThat(json).doesNotContain("sk-live-123", "hunter2", "\"abc\"", "\"t\"", "\"k\"");
    JsonObject q = parse(json).getJsonObject("query");
    assertThat(q.getString("api_key")).isEqualTo(AccessLogLine.MASK);
    assertThat(q.getString("Token")).isEqualTo(AccessLogLine.MASK);
    assertThat(q.getString("hostname")).isEqualTo("gpu-01");
  }

  @Test
  void hostileValuesStayInsideTheirJsonStringAndAreCut() {
    Map<String, String[]> query = Map.of("q", new String[] {"a\"}\n{\"forged\":1" + "x".repeat(1000)});
    JsonObject line = parse(new AccessLogLine("GET", "/x\n", 400, null, 0, "ua\r\nX-Injected: 1", query, "r").toJson());
    assertThat(line.containsKey("forged")).isFalse();
    assertThat(line.getJsonObject("query").getString("q")).hasSizeLessThan(300);
    assertThat(line.getString("user_agent")).isEqualTo("ua\r\nX-Injected: 1");
  }
}
