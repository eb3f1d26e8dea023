package io.argus.telemetry.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.platform.control.InvalidParameter;
import io.argus.platform.control.ResourceNotFound;
import io.argus.telemetry.entity.Attribution;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.SeriesKey;
import io.argus.telemetry.entity.Subject;
import io.argus.telemetry.entity.TelemetryBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on the real PostgreSQL: partitions ahead, retention, the outage drill (leader election: AdvisoryLocksIT). */
class TelemetryStoreIT {

  private static final String UUID = "GPU-aaaaaaaa-0000-0000-0000-000000000001";

  @Test
  void partitionsAreCreatedAheadAndRetentionDropsWholeDaysOnly() throws Exception {
    try (StoreFixture store = StoreFixture.postgres("housekeeping")) {
      Instant now = Instant.parse("2026-11-24T12:00:00Z");
      StoreHousekeeping housekeeping = new StoreHousekeeping(store.writer, store.dataSource);
      housekeeping.run(now, 3, Duration.ofDays(30), Duration.ofDays(1));
      assertThat(store.writer.partitionDays()).containsExactly(LocalDate.parse("2026-11-24"),
          LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27"));

      register(store);
      Instant old = Instant.parse("2026-10-20T23:59:59Z");   // 34 days before now: out
      Instant edge = Instant.parse("2026-10-25T00:00:00Z");  // the cutoff day itself: stays (not whole day over)
      store.writer.write(List.of(row(old, 1), row(edge, 2), row(now, 3)));
      assertThat(store.writer.partitionDays()).contains(LocalDate.parse("2026-10-20"), LocalDate.parse("2026-10-25"));

      try (Connection c = store.dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO ingest_receipt VALUES ('old-key', repeat('0', 64), '1 1 0 0', now() - interval '2 days')");
        s.execute("INSERT INTO ingest_receipt VALUES ('new-key', repeat('0', 64), '1 1 0 0', now())");
      }
      StoreHousekeeping.Report report = housekeeping.run(now, 3, Duration.ofDays(30), Duration.ofDays(1));
      assertThat(report.removed()).isEqualTo(1);
      assertThat(store.writer.partitionDays()).doesNotContain(LocalDate.parse("2026-10-20"))
          .contains(LocalDate.parse("2026-10-25"));
      assertThat(store.count("SELECT count(*) FROM sample")).isEqualTo(2);
      assertThat(report.receiptsExpired()).isEqualTo(1);
      assertThat(store.count("SELECT count(*) FROM ingest_receipt")).isEqualTo(1);
    }
  }

  /**
   * The outage drill: a producer keeps offering batches while the writer drains; mid-stream the
   * database stops accepting connections and every session is terminated; the buffer holds (memory,
   * then spill files), the writer retries with back-off, and once the database is back every sample
   * is in the table exactly once.
   */
  @Test
  void nothingIsLostWhenTheDatabaseGoesAwayMidStream(@TempDir Path spill) throws Exception {
    try (StoreFixture store = StoreFixture.postgres("outage")) {
      register(store);
      SampleBuffer buffer = new SampleBuffer(2_000, spill, 64L << 20); // small memory: the outage spills
      BufferDrain drain = new BufferDrain(buffer, store.writer::writeBatches, 5_000, Duration.ofMillis(50),
          Duration.ofMillis(400));
      AtomicBoolean producing = new AtomicBoolean(true);
      AtomicLong offered = new AtomicLong();
      Instant t0 = Instant.parse("2026-11-24T06:00:00Z");
      Thread producer = new Thread(() -> {
        for (int b = 0; b < 300; b++) {
          List<SampleRow> rows = new ArrayList<>();
          for (int i = 0; i < 100; i++) {
            rows.add(row(t0.plusMillis(b * 100L + i), b * 100 + i));
          }
          assertThat(buffer.offer(new TelemetryBatch(rows, List.of(), List.of(), t0))).isNotEqualTo(SampleBuffer.Outcome.DROPPED);
          offered.addAndGet(rows.size());
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
        }
        producing.set(false);
      });
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = new Thread(() -> {
        while (!stop.get()) {
          drain.drain(Duration.ofMillis(200));
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      producer.start();
      writer.start();
      Thread.sleep(700);
      store.db.execute("ALTER DATABASE " + store.db.name() + " ALLOW_CONNECTIONS false");
      store.db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + store.db.name() + "'");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!drain.status().failing() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(drain.status().failing()).as("the writer noticed the outage").isTrue();
      Thread.sleep(1_500);
      assertThat(buffer.stats().backlog()).as("the buffer holds the samples").isGreaterThan(0);
      assertThat(buffer.stats().spilledSamples()).as("beyond the memory bound they spill to disk").isGreaterThan(0);
      store.db.execute("ALTER DATABASE " + store.db.name() + " ALLOW_CONNECTIONS true");
      producer.join(30_000);
      assertThat(producing).isFalse();
      deadline = System.nanoTime() + 30_000_000_000L;
      while (buffer.stats().backlog() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      stop.set(true);
      writer.join(10_000);

      assertThat(buffer.stats().backlog()).isZero();
      assertThat(buffer.stats().droppedSamples()).isZero();
      assertThat(offered.get()).isEqualTo(30_000);
      assertThat(store.count("SELECT count(*) FROM sample")).isEqualTo(30_000);
      assertThat(store.count("SELECT count(DISTINCT value) FROM sample")).as("each sample once").isEqualTo(30_000);
      assertThat(drain.status().failing()).isFalse();
    }
  }

  private static void register(StoreFixture store) throws Exception {
    try (Connection c = store.dataSource.getConnection()) {
      store.writer.inventory().upsertGpu(c, new GpuInventoryEntry(UUID, 0, "nvidia0", "H100", "node-a", null, null, null,
          null, null), Instant.parse("2026-10-01T00:00:00Z"));
    }
  }

  private static SampleRow row(Instant t, double value) {
    return new SampleRow(t, new SeriesKey(new Subject.Gpu(UUID), Attribution.NONE, null), "gpu_power_watts", value);
  }

  @Test
  void h2KeepsOnePlainTableAndRetentionDeletesRows(@TempDir Path dir) throws Exception {
    try (StoreFixture store = StoreFixture.h2(dir)) {
      register(store);
      store.writer.write(List.of(row(Instant.parse("2026-10-01T00:00:00Z"), 1), row(Instant.parse("2026-11-24T00:00:00Z"), 2)));
      StoreHousekeeping.Report r = new StoreHousekeeping(store.writer, store.dataSource)
          .run(Instant.parse("2026-11-24T12:00:00Z"), 3, Duration.ofDays(30), Duration.ofDays(1));
      assertThat(r.removed()).isEqualTo(1);
      assertThat(store.count("SELECT count(*) FROM sample")).isEqualTo(1);
    }
  }

  @Test
  void aGpuSelectorThatMatchesNothingIsNotFound() throws Exception {
    try (StoreFixture store = StoreFixture.postgres("notfound")) {
      assertThatThrownBy(() -> store.reader().gpu(new io.argus.telemetry.entity.GpuSelector.ByUuid("GPU-none"),
          java.util.Optional.empty())).isInstanceOf(ResourceNotFound.class);
      assertThatThrownBy(() -> store.reader().gpus(java.util.Optional.empty(), java.util.Optional.empty(), 10,
          java.util.Optional.of("g.x"))).isInstanceOf(InvalidParameter.class);
    }
  }
}
