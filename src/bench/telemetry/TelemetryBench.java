import io.argus.platform.control.ArgusDataSource;
import io.argus.platform.control.DatabaseSettings;
import io.argus.platform.control.DatabaseSettings.Vendor;
import io.argus.platform.control.Migrations;
import io.argus.telemetry.control.BufferDrain;
import io.argus.telemetry.control.SampleBuffer;
import io.argus.telemetry.control.SampleWriter;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.SeriesKey;
import io.argus.telemetry.entity.Subject;
import io.argus.telemetry.entity.TelemetryBatch;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The telemetry store benchmark; run by telemetry.sh, which documents the steps. Modes:
 * {@code ingest <jdbc-url> <seconds> <tsv-out>}: a generated span of 8 GPUs x 20 metrics at 1 Hz through
 * Argus's write path (buffer, drain, COPY), then the same rows as a TSV for psql \copy;
 * {@code read <jdbc-url> <base-url> <runs>}: one GPU x 1 h x 20 metrics through the API and through
 * plain JDBC; {@code step <base-url> <uuid> <day> <runs>}: 24 h with step=60s through the API.
 */
public class TelemetryBench {

  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  static final int GPUS = 8;
  static final String[] METRICS = {"gpu_utilization_percent", "gpu_memory_utilization_percent",
      "gpu_memory_used_bytes", "gpu_memory_free_bytes", "gpu_memory_total_bytes", "gpu_memory_reserved_bytes",
      "gpu_temperature_celsius", "gpu_memory_temperature_celsius", "gpu_power_watts", "gpu_power_limit_watts",
      "gpu_energy_joules_total", "gpu_sm_clock_hz", "gpu_memory_clock_hz", "gpu_graphics_clock_hz",
      "gpu_fan_speed_percent", "gpu_encoder_utilization_percent", "gpu_decoder_utilization_percent",
      "gpu_pcie_tx_bytes_per_second", "gpu_pcie_rx_bytes_per_second", "gpu_pcie_replay_total"};

  static String uuid(int g) {
    return String.format("GPU-be4c0000-0000-0000-0000-%012d", g);
  }

  static DataSource pg(String url) {
    return ArgusDataSource.create(DatabaseSettings.resolve(k -> Optional.ofNullable(
        Map.of("argus.db.url", url, "argus.db.user", "postgres").get(k))));
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "ingest" -> ingest(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
      case "read" -> read(args[1], args[2], Integer.parseInt(args[3]));
      case "step" -> step(args[1], args[2], args[3], Integer.parseInt(args[4]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static void ingest(String url, int seconds, Path tsv) throws Exception {
    DataSource ds = pg(url);
    Migrations.apply(ds, Vendor.POSTGRESQL);
    SampleWriter writer = new SampleWriter(ds, Vendor.POSTGRESQL);
    writer.prepareDays(LocalDate.ofInstant(T0, java.time.ZoneOffset.UTC), seconds / 86_400 + 2);
    List<GpuInventoryEntry> gpus = new ArrayList<>();
    for (int g = 0; g < GPUS; g++) {
      gpus.add(new GpuInventoryEntry(uuid(g), g, "nvidia" + g, "NVIDIA H100 80GB HBM3", "dgx-bench", null, null, null,
          null, null));
    }
    // register once outside the measurement, as the collector's first batch would
    writer.writeBatches(List.of(new TelemetryBatch(List.of(), gpus, List.of(), T0)));
    SeriesKey[] keys = new SeriesKey[GPUS];
    for (int g = 0; g < GPUS; g++) {
      keys[g] = SeriesKey.of(new Subject.Gpu(uuid(g)));
    }
    // a running Argus has its write path compiled long before an hour of data arrives: the same
    // path is warmed up on -Dbench.warmup seconds of data (default 1 800), removed again before the measured span
    int warmup = Integer.getInteger("bench.warmup", 1_800);
    if (warmup > 0) {
      pump(writer, keys, warmup);
      try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
        st.execute("TRUNCATE sample");
        st.execute("CHECKPOINT");
      }
    }
    long total = (long) seconds * GPUS * METRICS.length;
    double elapsed = pump(writer, keys, seconds);
    long count;
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM sample")) {
      rs.next();
      count = rs.getLong(1);
    }
    System.out.printf("argus_rows=%d argus_seconds=%.2f argus_rows_per_second=%.0f stored=%d%n", total, elapsed,
        total / elapsed, count);
    // the same rows as psql \copy reads them, with the series and metric ids the store gave them
    long[] seriesIds = new long[GPUS];
    int[] metricIds = new int[METRICS.length];
    try (Connection c = ds.getConnection()) {
      for (int g = 0; g < GPUS; g++) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT se.id FROM series se JOIN gpu g ON g.id = se.gpu_id WHERE g.uuid = ?")) {
          ps.setString(1, uuid(g));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            seriesIds[g] = rs.getLong(1);
          }
        }
      }
      for (int m = 0; m < METRICS.length; m++) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM metric WHERE name = ?")) {
          ps.setString(1, METRICS[m]);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            metricIds[m] = rs.getInt(1);
          }
        }
      }
    }
    if (tsv.toString().equals("-") || Files.exists(tsv)) {
      return;
    }
    try (BufferedWriter w = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
      for (int i = 0; i < seconds; i++) {
        String t = T0.plusSeconds(i).toString();
        for (int g = 0; g < GPUS; g++) {
          for (int m = 0; m < METRICS.length; m++) {
            w.write(t + "\t" + seriesIds[g] + "\t" + metricIds[m] + "\t" + (double) (m * 10 + (i + g) % 10) + "\n");
          }
        }
      }
    }
  }

  /** Seconds of data through the write path (buffer, drain, COPY) as the collector offers it; the seconds it took. */
  static double pump(SampleWriter writer, SeriesKey[] keys, int seconds) throws Exception {
    SampleBuffer buffer = new SampleBuffer(1_000_000, null, 0);
    BufferDrain drain = new BufferDrain(buffer, writer::writeBatches, 50_000, Duration.ofMillis(100), Duration.ofSeconds(5));
    long started = System.nanoTime();
    Thread drainer = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        if (drain.drain(Duration.ofSeconds(1)) == 0) {
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    });
    drainer.start();
    // the producer offers what a collector tick would: 10 s of 8 GPUs x 20 metrics per batch
    for (int s = 0; s < seconds; s += 10) {
      List<SampleRow> rows = new ArrayList<>(10 * GPUS * METRICS.length);
      for (int i = s; i < Math.min(seconds, s + 10); i++) {
        Instant t = T0.plusSeconds(i);
        for (int g = 0; g < GPUS; g++) {
          for (int m = 0; m < METRICS.length; m++) {
            rows.add(new SampleRow(t, keys[g], METRICS[m], m * 10 + (i + g) % 10));
          }
        }
      }
      TelemetryBatch b = new TelemetryBatch(rows, List.of(), List.of(), T0.plusSeconds(s));
      while (buffer.stats().memorySamples() + b.size() > 1_000_000) {
        Thread.sleep(1); // the writer is behind: wait rather than drop (benchmark only)
      }
      buffer.offer(b);
    }
    while (buffer.stats().backlog() > 0) {
      Thread.sleep(2);
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    drainer.interrupt();
    drainer.join();
    return elapsed;
  }

  static void read(String url, String base, int runs) throws Exception {
    DataSource ds = pg(url);
    Instant from = T0.plusSeconds(3600);
    Instant to = from.plusSeconds(3600);
    String sql = "SELECT s.ts, m.name, g.gpu_index, g.device, g.uuid, g.model_name, g.hostname, se.container, se.pod,"
        + " se.namespace, s.value, se.labels::text FROM sample s JOIN series se ON se.id = s.series_id"
        + " JOIN gpu g ON g.id = se.gpu_id JOIN metric m ON m.id = s.metric_id"
        + " WHERE g.uuid = ? AND s.ts >= ? AND s.ts < ? ORDER BY s.ts, s.series_id, s.metric_id";
    HttpClient http = HttpClient.newHttpClient();
    String api = base + "/api/v1/gpus/" + uuid(3) + "/telemetry?limit=100000&start_time="
        + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8) + "&end_time="
        + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
    double[] jdbc = new double[runs];
    double[] viaApi = new double[runs];
    long rowsJdbc = 0;
    long bytes = 0;
    for (int r = -3; r < runs; r++) { // three warm-up rounds
      long t = System.nanoTime();
      int n = 0;
      try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, uuid(3));
        ps.setObject(2, from.atOffset(java.time.ZoneOffset.UTC));
        ps.setObject(3, to.atOffset(java.time.ZoneOffset.UTC));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getObject(1, java.time.OffsetDateTime.class);
            for (int i = 2; i <= 12; i++) {
              rs.getObject(i);
            }
            n++;
          }
        }
      }
      double jdbcMs = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(api)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      double apiMs = (System.nanoTime() - t) / 1e6;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + new String(response.body()));
      }
      if (r >= 0) {
        jdbc[r] = jdbcMs;
        viaApi[r] = apiMs;
        rowsJdbc = n;
        bytes = response.body().length;
      }
    }
    System.out.printf("read_rows=%d api_bytes=%d jdbc_p50_ms=%.1f api_p50_ms=%.1f ratio=%.2f%n", rowsJdbc, bytes,
        median(jdbc), median(viaApi), median(viaApi) / median(jdbc));
  }

  static void step(String base, String uuid, String day, int runs) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant from = Instant.parse(day);
    // a server answering dashboards has its read path compiled: the first requests (reported apart,
    // as "cold") run interpreted code on both sides; the figure is taken after -Dbench.step.warmup
    int warmup = Integer.getInteger("bench.step.warmup", 50);
    for (String metric : new String[] {"&metric_name=gpu_power_watts", ""}) {
      String api = base + "/api/v1/gpus/" + uuid + "/telemetry?limit=100000&step=60s&start_time="
          + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8) + "&end_time="
          + URLEncoder.encode(from.plusSeconds(86_400).toString(), StandardCharsets.UTF_8) + metric;
      double[] ms = new double[runs];
      double[] cold = new double[Math.min(3, warmup)];
      int length = 0;
      for (int r = -warmup; r < runs; r++) {
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        double elapsed = (System.nanoTime() - t) / 1e6;
        if (r + warmup < cold.length) {
          cold[r + warmup] = elapsed;
        }
        if (r >= 0) {
          ms[r] = elapsed;
          length = response.body().length();
        }
      }
      System.out.printf("step60_%s p50_ms=%.1f min_ms=%.1f bytes=%d cold_first_%d_ms=%s%n",
          metric.isEmpty() ? "all20metrics" : "onemetric", median(ms), Arrays.stream(ms).min().orElse(0), length,
          cold.length, Arrays.toString(Arrays.stream(cold).map(v -> Math.round(v * 10) / 10.0).toArray()));
      if (metric.isEmpty()) {
        continue;
      }
      warmup = Math.min(warmup, 10); // the 20-metric request shares the path just warmed up
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
