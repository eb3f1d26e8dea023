package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.testing.PostgresTestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bundle on PostgreSQL takes a generated hour of 8 GPUs × 20 metrics at 1 Hz (576 000
 * rows) through the batch ingest API and pages through it: one GPU's hour (72 000 rows, 8 pages),
 * a quarter of an hour of the whole fleet, and the downsampled hour. A whole day (13.8 million rows)
 * takes minutes on a 2-core machine, so the day is measured in the benchmark (docs/benchmarks.md),
 * not here.
 */
class TelemetryHourIT {

  private static final Duration BOOT = Duration.ofSeconds(180);
  private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
  private static final int GPUS = 8;
  private static final int SECONDS = 3600;
  private static final List<String> METRICS = List.of("gpu_utilization_percent", "gpu_memory_utilization_percent",
      "gpu_memory_used_bytes", "gpu_memory_free_bytes", "gpu_memory_total_bytes", "gpu_memory_reserved_bytes",
      "gpu_temperature_celsius", "gpu_memory_temperature_celsius", "gpu_power_watts", "gpu_power_limit_watts",
      "gpu_energy_joules_total", "gpu_sm_clock_hz", "gpu_memory_clock_hz", "gpu_graphics_clock_hz",
      "gpu_fan_speed_percent", "gpu_encoder_utilization_percent", "gpu_decoder_utilization_percent",
      "gpu_pcie_tx_bytes_per_second", "gpu_pcie_rx_bytes_per_second", "gpu_pcie_replay_total");
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  static String uuid(int gpu) {
    return "GPU-5e5e0000-0000-0000-0000-00000000000" + gpu;
  }

  static String chunk(int fromSecond, int toSecond) {
    StringBuilder csv = new StringBuilder(64 * 1024 * 1024 / 8);
    csv.append("timestamp,metric_name,gpu_id,device,uuid,modelName,Hostname,container,pod,namespace,value,labels_raw\n");
    for (int s = fromSecond; s < toSecond; s++) {
      String t = T0.plusSeconds(s).toString();
      for (int g = 0; g < GPUS; g++) {
        for (int m = 0; m < METRICS.size(); m++) {
          csv.append(t).append(',').append(METRICS.get(m)).append(',').append(g).append(",nvidia").append(g).append(',')
              .append(uuid(g)).append(",NVIDIA H100 80GB HBM3,dgx-01,,,,").append(m * 10 + (s + g) % 10).append(",\n");
        }
      }
    }
    return csv.toString();
  }

  @Test
  void anHourOfEightGpusIsIngestedAndPagedThrough(@TempDir Path dir) throws Exception {
    try (PostgresTestDatabase db = PostgresTestDatabase.create("hour");
        ArgusProcess argus = ArgusProcess.start(dir, Map.of("ARGUS_DB_URL", db.url(), "ARGUS_DB_USER", db.user()))) {
      argus.awaitReady(BOOT);
      long stored = 0;
      for (int from = 0; from < SECONDS; from += 300) {
        HttpResponse<String> r = ArgusProcess.HTTP.send(HttpRequest.newBuilder(URI.create(argus.url("/api/v1/telemetry")))
            .timeout(Duration.ofSeconds(120)).header("Content-Type", "text/csv")
            .header("Idempotency-Key", "hour-" + from)
            .POST(HttpRequest.BodyPublishers.ofString(chunk(from, from + 300))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject report = Json.createReader(new StringReader(r.body())).readObject();
        assertThat(report.getInt("rejected")).as(r.body()).isZero();
        stored += report.getJsonNumber("stored").longValue();
      }
      assertThat(stored).isEqualTo((long) GPUS * METRICS.size() * SECONDS);

      String hour = "start_time=" + q(T0.toString()) + "&end_time=" + q(T0.plusSeconds(SECONDS).toString());
      // one GPU's hour, 10 000 rows a page, by its index on its host
      Set<String> seen = new HashSet<>();
      int pages = 0;
      Instant last = Instant.MIN;
      for (Optional<String> next = Optional.of(argus.url("/api/v1/gpus/3/telemetry?hostname=dgx-01&" + hour));
          next.isPresent(); pages++) {
        HttpResponse<String> page = argus.get(URI.create(next.get()).toString().replace(argus.url(""), ""));
        assertThat(page.statusCode()).isEqualTo(200);
        for (JsonObject row : array(page).getValuesAs(JsonObject.class)) {
          Instant t = Instant.parse(row.getString("timestamp"));
          assertThat(t).isAfterOrEqualTo(last);
          last = t;
          assertThat(row.getString("uuid")).isEqualTo(uuid(3));
          assertThat(seen.add(row.getString("timestamp") + row.getString("metric_name"))).isTrue();
        }
        next = next(page);
      }
      assertThat(seen).hasSize(SECONDS * METRICS.size());
      assertThat(pages).isEqualTo(8);

      // a quarter of an hour of the fleet, 100 000 rows a page
      long fleet = 0;
      String quarter = "start_time=" + q(T0.toString()) + "&end_time=" + q(T0.plusSeconds(900).toString());
      for (Optional<String> next = Optional.of(argus.url("/api/v1/telemetry?limit=100000&" + quarter)); next.isPresent(); ) {
        HttpResponse<String> page = argus.get(next.get().replace(argus.url(""), ""));
        fleet += array(page).size();
        next = next(page);
      }
      assertThat(fleet).isEqualTo(900L * GPUS * METRICS.size());

      // the hour downsampled to minutes in the database, as series
      JsonArray minutes = array(argus.get("/api/v1/telemetry?step=60s&agg=max&format=series&limit=100000&" + hour));
      assertThat(minutes).hasSize(GPUS * METRICS.size());
      assertThat(minutes.getJsonObject(0).getJsonArray("values")).hasSize(60);
      assertThat(argus.terminate(Duration.ofSeconds(60))).isZero();
    }
  }

  private static JsonArray array(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readArray();
  }

  private static Optional<String> next(HttpResponse<String> r) {
    for (String link : r.headers().allValues("Link")) {
      Matcher m = NEXT.matcher(link);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  private static String q(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
