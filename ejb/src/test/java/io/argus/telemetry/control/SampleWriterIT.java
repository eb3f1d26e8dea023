package io.argus.telemetry.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.platform.control.ArgusDataSource;
import io.argus.platform.control.DatabaseSettings;
import io.argus.platform.control.DatabaseSettings.Vendor;
import io.argus.platform.control.Migrations;
import io.argus.testing.PostgresTestDatabase;
import io.argus.telemetry.entity.Attribution;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.HostInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.SeriesKey;
import io.argus.telemetry.entity.Subject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch write path on the real PostgreSQL (COPY into day partitions) and on H2 (JDBC batches). */
class SampleWriterIT {

  private static final String UUID_0 = "GPU-11111111-2222-3333-4444-555555555555";
  private static final Instant T0 = Instant.parse("2026-11-23T23:59:58Z");

  static PostgresTestDatabase db;
  static DataSource pg;

  @BeforeAll
  static void database() {
    db = PostgresTestDatabase.create("writer");
    pg = ArgusDataSource.create(DatabaseSettings.resolve(k -> Optional.ofNullable(
        Map.of("argus.db.url", db.url(), "argus.db.user", db.user()).get(k))));
    Migrations.apply(pg, Vendor.POSTGRESQL);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  private static void register(DataSource ds, SampleWriter writer) throws SQLException {
    try (Connection c = ds.getConnection()) {
      writer.inventory().upsertGpu(c, new GpuInventoryEntry(UUID_0, 0, "nvidia0", "NVIDIA H100 80GB HBM3", "node-a",
          "00000000:18:00.0", "550.54.15", 85_899_345_920L, null, null), T0);
      writer.inventory().upsertHost(c, new HostInventoryEntry("node-a", "node-a", "Linux", "EPYC", 64, 128, 1L << 40), T0);
    }
  }

  private static List<SampleRow> rows() {
    SeriesKey gpu = SeriesKey.of(new Subject.Gpu(UUID_0));
    SeriesKey gpuInPod = new SeriesKey(new Subject.Gpu(UUID_0), new Attribution("trainer", "llm-0", "ml", "4711"),
        new TreeMap<>(Map.of("rank", "0")));
    List<SampleRow> rows = new ArrayList<>();
    for (int s = 0; s < 4; s++) { // two seconds before midnight and two after: two day partitions
      Instant t = T0.plusSeconds(s);
      rows.add(new SampleRow(t, gpu, "gpu_temperature_celsius", 60 + s));
      rows.add(new SampleRow(t, gpuInPod, "DCGM_FI_DEV_FB_USED", 1024)); // MiB → bytes
      rows.add(new SampleRow(t, SeriesKey.of(new Subject.Host("node-a")), "cpu_percent_total", 12.5));
    }
    rows.add(new SampleRow(T0, gpu, "no_such_metric", 1));
    rows.add(new SampleRow(T0, SeriesKey.of(new Subject.Gpu("GPU-unknown")), "gpu_power_watts", 300));
    rows.add(new SampleRow(T0, gpu, "gpu_power_watts", Double.NaN));
    return rows;
  }

  private static long count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void postgresqlCopiesIntoDayPartitionsAndRejectsWhatItCannotStore() throws Exception {
    SampleWriter writer = new SampleWriter(pg, Vendor.POSTGRESQL);
    register(pg, writer);
    SampleWriter.Result result = writer.write(rows());

    assertThat(result.written()).isEqualTo(12);
    assertThat(result.rejected()).extracting(SampleWriter.Rejected::index).containsExactly(12, 13, 14);
    assertThat(result.rejected().get(0).reason()).contains("no_such_metric");
    assertThat(result.rejected().get(1).reason()).contains("GPU-unknown");
    assertThat(result.rejected().get(2).reason()).contains("NaN");

    assertThat(writer.partitionDays()).contains(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"));
    assertThat(count(pg, "SELECT count(*) FROM sample_20261123")).isEqualTo(6);
    assertThat(count(pg, "SELECT count(*) FROM sample_20261124")).isEqualTo(6);
    assertThat(count(pg, "SELECT count(*) FROM series")).isEqualTo(3);
    assertThat(count(pg, "SELECT min(value)::bigint FROM sample s JOIN metric m ON m.id = s.metric_id"
        + " WHERE m.name = 'gpu_memory_used_bytes'")).isEqualTo(1024L * 1024 * 1024);
    assertThat(count(pg, "SELECT count(*) FROM series WHERE pod = 'llm-0' AND slurm_job = '4711'"
        + " AND labels = '{\"rank\": \"0\"}'::jsonb")).isEqualTo(1);

    // a second writer (another process) finds the same series instead of making new ones
    SampleWriter other = new SampleWriter(pg, Vendor.POSTGRESQL);
    assertThat(other.write(rows()).written()).isEqualTo(12);
    assertThat(count(pg, "SELECT count(*) FROM series")).isEqualTo(3);
    assertThat(count(pg, "SELECT count(*) FROM sample")).isEqualTo(24);

    // retention drops whole days that ended before the cutoff, and only those
    assertThat(writer.dropBefore(Instant.parse("2026-11-24T12:00:00Z"))).isEqualTo(1);
    assertThat(writer.partitionDays()).doesNotContain(LocalDate.parse("2026-11-23")).contains(LocalDate.parse("2026-11-24"));
    assertThat(count(pg, "SELECT count(*) FROM sample")).isEqualTo(12);
  }

  @Test
  void theInventoryKeepsFirstSeenMovesLastSeenAndNeverForgetsKnownDetails() throws Exception {
    SampleWriter writer = new SampleWriter(pg, Vendor.POSTGRESQL);
    register(pg, writer);
    try (Connection c = pg.getConnection()) {
      writer.inventory().upsertGpu(c, new GpuInventoryEntry(UUID_0, 0, null, null, "node-a", null, "560.1", null, null, null),
          T0.plusSeconds(3600));
      writer.inventory().upsertGpu(c, new GpuInventoryEntry(UUID_0, 0, null, null, "node-a", null, null, null, null, null),
          T0.minusSeconds(3600));
    }
    assertThat(count(pg, "SELECT count(*) FROM gpu WHERE uuid = '" + UUID_0 + "' AND model_name = 'NVIDIA H100 80GB HBM3'"
        + " AND driver_version = '560.1' AND last_seen = '2026-11-24T00:59:58Z' AND first_seen <= '2026-11-23T23:59:58Z'"))
        .isEqualTo(1);
  }

  @Test
  void replaceStoresASpanOnceHoweverOftenItIsWrittenOnPostgresqlAndH2(@TempDir Path dir) throws Exception {
    replaceTwice(pg, Vendor.POSTGRESQL);
    DataSource h2 = ArgusDataSource.create(DatabaseSettings.resolve(k -> Optional.ofNullable(
        Map.of("argus.data.dir", dir.toString()).get(k))));
    Migrations.apply(h2, Vendor.H2);
    replaceTwice(h2, Vendor.H2);
  }

  @Test
  void aSecondReplaceOfTheSameSeriesWaitsForTheFirstInsteadOfDoublingIt() throws Exception {
    SampleWriter first = new SampleWriter(pg, Vendor.POSTGRESQL);
    SampleWriter second = new SampleWriter(pg, Vendor.POSTGRESQL);
    register(pg, first);
    SeriesKey imported = new SeriesKey(new Subject.Gpu(UUID_0), Attribution.NONE, new TreeMap<>(Map.of("session", "concurrent")));
    Instant from = Instant.parse("2026-11-24T11:00:00Z");
    List<SampleRow> rows = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      rows.add(new SampleRow(from.plusSeconds(s), imported, "gpu_temperature_celsius", 900 + s));
    }
    // the series exists (an earlier import): nothing but the replace itself can make the second wait
    first.write(List.of(new SampleRow(from.plusSeconds(60), imported, "gpu_temperature_celsius", 950)));
    try (Connection a = pg.getConnection()) {
      a.setAutoCommit(false);
      first.replace(a, rows);
      var other = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try (Connection b = pg.getConnection()) {
          b.setAutoCommit(false);
          SampleWriter.Result r = second.replace(b, rows);
          b.commit();
          return r;
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(1000);
      assertThat(other).as("waits for the first transaction").isNotDone();
      a.commit();
      assertThat(other.get(30, java.util.concurrent.TimeUnit.SECONDS).replaced()).isEqualTo(3);
    }
    assertThat(count(pg, "SELECT count(*) FROM sample WHERE value >= 900 AND value < 1000")).isEqualTo(4);
  }

  /** Values from 500 to 899 belong to this test, so the database it shares with the others does not matter. */
  private static void replaceTwice(DataSource ds, Vendor vendor) throws SQLException {
    SampleWriter writer = new SampleWriter(ds, vendor);
    register(ds, writer);
    SeriesKey imported = new SeriesKey(new Subject.Gpu(UUID_0), Attribution.NONE, new TreeMap<>(Map.of("session", "replace")));
    Instant from = Instant.parse("2026-11-24T10:00:00Z");
    // the same series after the span, and another series of the same GPU inside it, stay as they are
    writer.write(List.of(new SampleRow(from.plusSeconds(60), imported, "gpu_temperature_celsius", 800),
        new SampleRow(from.plusSeconds(1), SeriesKey.of(new Subject.Gpu(UUID_0)), "gpu_temperature_celsius", 700)));
    for (int round = 0; round < 2; round++) {
      List<SampleRow> rows = new ArrayList<>();
      for (int s = 0; s < 4; s++) {
        rows.add(new SampleRow(from.plusSeconds(2L * s), imported, "gpu_temperature_celsius", 500 + 100 * round + s));
      }
      SampleWriter.Result result;
      try (Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        result = writer.replace(c, rows);
        c.commit();
      }
      assertThat(result.written()).as(vendor + " round " + round).isEqualTo(4);
      assertThat(result.replaced()).as(vendor + " round " + round).isEqualTo(4L * round);
    }
    assertThat(count(ds, "SELECT count(*) FROM sample WHERE value >= 500 AND value < 700")).isEqualTo(4);
    assertThat(count(ds, "SELECT min(value) FROM sample WHERE value >= 500 AND value < 700")).isEqualTo(600);
    assertThat(count(ds, "SELECT count(*) FROM sample WHERE value IN (700, 800)")).isEqualTo(2);
  }

  @Test
  void h2WritesTheSameRowsWithBatches(@TempDir Path dir) throws Exception {
    DataSource h2 = ArgusDataSource.create(DatabaseSettings.resolve(k -> Optional.ofNullable(
        Map.of("argus.data.dir", dir.toString()).get(k))));
    Migrations.apply(h2, Vendor.H2);
    SampleWriter writer = new SampleWriter(h2, Vendor.H2);
    register(h2, writer);
    SampleWriter.Result result = writer.write(rows());
    assertThat(result.written()).isEqualTo(12);
    assertThat(result.rejected()).hasSize(3);
    assertThat(count(h2, "SELECT count(*) FROM series")).isEqualTo(3);
    assertThat(new SampleWriter(h2, Vendor.H2).write(rows()).written()).isEqualTo(12);
    assertThat(count(h2, "SELECT count(*) FROM series")).isEqualTo(3);
    assertThat(writer.dropBefore(Instant.parse("2026-11-24T00:00:00Z"))).isEqualTo(12);
    assertThat(count(h2, "SELECT count(*) FROM sample")).isEqualTo(12);
  }
}
