package io.argus.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogHandlerTest {

  private static JsonObject parse(String line) {
    return Json.createReader(new StringReader(line)).readObject();
  }

  @Test
  void aLineWrittenDuringARequestCarriesItsIdMethodAndPath() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonLogHandler handler = new JsonLogHandler(out);
    LogRecord record = new LogRecord(Level.WARNING, "slow query: {0} ms, password=hunter2");
    record.setParameters(new Object[] {812});
    record.setLoggerName("io.argus.telemetry.control.Query");
    try (RequestContext.Scope s = RequestContext.enter("req-7", "GET", "/api/v1/gpus")) {
      handler.publish(record);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n").doesNotContain("hunter2");
    assertThat(text.lines()).hasSize(1);
    JsonObject line = parse(text);
    assertThat(line.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(line.getString("level")).isEqualTo("WARNING");
    assertThat(line.getString("service")).isEqualTo("argus");
    assertThat(line.getString("logger")).isEqualTo("io.argus.telemetry.control.Query");
    assertThat(line.getString("message")).isEqualTo("slow query: 812 ms, password=***");
    assertThat(line.getString("request_id")).isEqualTo("req-7");
    assertThat(line.getString("method")).isEqualTo("GET");
    assertThat(line.getString("path")).isEqualTo("/api/v1/gpus");
  }

  @Test
  void anAccessRecordHasStatusDurationAndFieldsAndAFailureItsErrorAndStackTrace() {
    JsonObject access = parse(JsonLogHandler.format(new AccessRecord("io.argus.access", "{}", "req-8", "POST",
        "/api/v1/sessions", 201, 12.3456, Map.of("route", "/api/v1/sessions", "query", Map.of("api_key", "***")))));
    assertThat(access.getInt("status_code")).isEqualTo(201);
    assertThat(access.getJsonNumber("duration_ms").doubleValue()).isEqualTo(12.346);
    assertThat(access.getString("message")).isEqualTo("POST /api/v1/sessions 201");
    assertThat(access.getString("route")).isEqualTo("/api/v1/sessions");
    assertThat(access.getJsonObject("query").getString("api_key")).isEqualTo("***");

    LogRecord failure = new LogRecord(Level.SEVERE, "Unexpected failure");
    failure.setThrown(new IllegalStateException("cannot reach jdbc:postgresql://u:topsecret@db/argus"));
    JsonObject line = parse(JsonLogHandler.format(failure));
    assertThat(line.getString("error")).startsWith("java.lang.IllegalStateException").doesNotContain("topsecret");
    assertThat(line.getString("stack_trace")).contains("JsonLogHandlerTest").doesNotContain("topsecret");
    assertThat(line.containsKey("request_id")).isFalse();
  }

  @Test
  void quotesControlCharactersAndNonAsciiTextSurviveTheRoundTrip() {
    String message = "say \"hi\"\\ path C:\\tmp\nnext\tline \u0001\u001f é ✓ 𝄞 \u2028";
    LogRecord record = new LogRecord(Level.INFO, message);
    record.setLoggerName("io.argus.test");
    JsonObject line = parse(JsonLogHandler.format(record));
    assertThat(line.getString("message")).isEqualTo(message);
    assertThat(JsonLogHandler.format(record)).doesNotContain("\n").startsWith("{\"timestamp\":\"");

    JsonObject access = parse(JsonLogHandler.format(new AccessRecord("io.argus.access", "{}", "r\"1", "GET",
        "/api/v1/gpus", 200, 0.0004, Map.of("query", Map.of("hostname", "a\"b\\c")))));
    assertThat(access.getString("request_id")).isEqualTo("r\"1");
    assertThat(access.getJsonNumber("duration_ms").doubleValue()).isEqualTo(0.0);
    assertThat(access.getJsonObject("query").getString("hostname")).isEqualTo("a\"b\\c");
  }
}
