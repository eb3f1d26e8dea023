package io.argus.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonbConfigurationTest {

  public record Sample(String metricName, int gpuId, Instant timestamp, String container) {}

  @Test
  void namesAreSnakeCaseNullsAreLeftOutInstantsAreRfc3339Utc() throws Exception {
    try (Jsonb jsonb = JsonbConfiguration.create()) {
      String json = jsonb.toJson(new Sample("gpu_temperature_celsius", 3, Instant.parse("2026-11-24T05:26:12.003Z"), null));
      assertThat(json).isEqualTo(
          "{\"gpu_id\":3,\"metric_name\":\"gpu_temperature_celsius\",\"timestamp\":\"2026-11-24T05:26:12.003Z\"}");
    }
  }

  @Test
  void problemDocumentsKeepTheRfc9457OrderAndNames() throws Exception {
    try (Jsonb jsonb = JsonbConfiguration.create()) {
      String json = jsonb.toJson(new Problem("about:blank", "Invalid parameter", 400, "bad", "/api/x", "kind", "r1", null));
      assertThat(json).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Invalid parameter\",\"status\":400,"
          + "\"detail\":\"bad\",\"instance\":\"/api/x\",\"parameter\":\"kind\",\"request_id\":\"r1\"}");
    }
  }

  public static class Port {
    public Integer prometheusPort;
  }

  public static class Named {
    public String runId;
  }

  @Test
  void textIsNeverMadeFromArraysOrObjects() throws Exception {
    try (Jsonb jsonb = JsonbConfiguration.create()) {
      assertThat(jsonb.fromJson("{\"run_id\":\"a\"}", Named.class).runId).isEqualTo("a");
      for (String bad : new String[] {"[\"a\"]", "{\"x\":1}", "true"}) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jsonb.fromJson("{\"run_id\":" + bad + "}", Named.class))
            .as(bad).isInstanceOf(jakarta.json.bind.JsonbException.class);
      }
    }
  }

  @Test
  void integersAreNeverTruncated() throws Exception {
    try (Jsonb jsonb = JsonbConfiguration.create()) {
      assertThat(jsonb.fromJson("{\"prometheus_port\":9090}", Port.class).prometheusPort).isEqualTo(9090);
      for (String bad : new String[] {"1.5", "4294967297", "1e309", "\"9090\""}) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jsonb.fromJson("{\"prometheus_port\":" + bad + "}", Port.class))
            .as(bad).isInstanceOf(jakarta.json.bind.JsonbException.class);
      }
    }
  }
}
