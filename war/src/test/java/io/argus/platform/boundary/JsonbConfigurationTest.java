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
}
