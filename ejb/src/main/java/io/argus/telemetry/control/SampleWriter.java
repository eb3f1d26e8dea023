package io.argus.telemetry.control;

import io.argus.ops.control.Caches;
import io.argus.platform.control.DatabaseSettings.Vendor;
import io.argus.platform.control.Rfc3339;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.HostInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.TelemetryBatch;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes batches of samples in one transaction: {@code COPY} on PostgreSQL (into the day partitions,
 * created as needed), JDBC batches on H2. Rows the store cannot take (unknown metric or subject,
 * a value that is not a finite number) are returned as rejected, never written half.
 */
public final class SampleWriter {

  private final DataSource dataSource;
  private final StoreDialect dialect;
  private final Inventory inventory;
  private final MetricResolver metrics = new MetricResolver();
  private final SeriesResolver series;
  private final Partitions partitions = new Partitions();
  private final RegisteredInventory registered = new RegisteredInventory();
  private final Runnable inventoryChanged;

  /** A writer on its own: its series-id cache is counted where nobody reads it, no reader is told of new GPUs. */
  public SampleWriter(DataSource dataSource, Vendor vendor) {
    this(dataSource, vendor, new Caches(), () -> {});
  }

  /**
   * @param caches where the series-id cache ({@value SeriesResolver#CACHE}) counts its lookups
   * @param inventoryChanged run after a commit that stored a GPU or host new to this writer, or changed
   */
  public SampleWriter(DataSource dataSource, Vendor vendor, Caches caches, Runnable inventoryChanged) {
    this.dataSource = dataSource;
    this.dialect = new StoreDialect(vendor);
    this.inventory = new Inventory(vendor);
    this.series = new SeriesResolver(dialect, inventory, caches.named(SeriesResolver.CACHE));
    this.inventoryChanged = inventoryChanged;
  }

  public Inventory inventory() {
    return inventory;
  }

  /** A row that was not written, and why. */
  public record Rejected(int index, SampleRow row, String reason) {}

  /** What one {@link #write} did; {@code replaced} counts the rows a {@link #replace} deleted first. */
  public record Result(int written, List<Rejected> rejected, long replaced) {

    public Result(int written, List<Rejected> rejected) {
      this(written, rejected, 0);
    }
  }

  /**
   * Writes the batch; either every acceptable row is committed or, on a database error, none is
   * (the exception tells the caller to keep the batch and try again).
   */
  public Result write(List<SampleRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return new Result(0, List.of());
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Result result = write(c, rows);
        c.commit();
        c.setAutoCommit(autoCommit);
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          rollback(c);
          c.setAutoCommit(autoCommit);
        } catch (SQLException also) {
          e.addSuppressed(also); // a dead connection: the first failure is the one to report
        }
        throw e;
      }
    }
  }

  /**
   * Writes the batch on the caller's connection, inside the caller's transaction: the caller commits,
   * or calls {@link #rollback} so that nothing created in the transaction is remembered.
   */
  public Result write(Connection c, List<SampleRow> rows) throws SQLException {
    return write(c, rows, false);
  }

  /**
   * Like {@link #write(Connection, List)}, but first deletes what the store holds for each series
   * and metric of the rows from the first to the last of their timestamps, so that the same rows
   * written again (a window imported twice) replace the earlier ones instead of doubling them.
   */
  public Result replace(Connection c, List<SampleRow> rows) throws SQLException {
    return write(c, rows, true);
  }

  private Result write(Connection c, List<SampleRow> rows, boolean replace) throws SQLException {
    if (rows.isEmpty()) {
      return new Result(0, List.of());
    }
    return dialect.postgres() ? copy(c, rows, replace) : batch(c, rows, replace);
  }

  /** Rolls the connection back and forgets the series ids and partitions the transaction made. */
  public void rollback(Connection c) throws SQLException {
    series.forget();
    partitions.forget();
    c.rollback();
  }

  /**
   * Writes producer batches in one transaction: their GPUs and hosts first (each once, with the
   * latest time it was seen), then all their samples. On a database error nothing is written and
   * the exception tells the caller to keep the batches and try again.
   */
  public Result writeBatches(List<TelemetryBatch> batches) throws SQLException {
    Map<String, GpuInventoryEntry> gpus = new LinkedHashMap<>();
    Map<String, Instant> gpuSeen = new HashMap<>();
    Map<String, HostInventoryEntry> hosts = new LinkedHashMap<>();
    Map<String, Instant> hostSeen = new HashMap<>();
    List<SampleRow> rows = new ArrayList<>();
    for (TelemetryBatch b : batches) {
      for (GpuInventoryEntry g : b.gpus()) {
        gpus.put(g.uuid(), g);
        gpuSeen.merge(g.uuid(), b.seenAt(), (x, y) -> x.isAfter(y) ? x : y);
      }
      for (HostInventoryEntry h : b.hosts()) {
        hosts.put(h.nodeId(), h);
        hostSeen.merge(h.nodeId(), b.seenAt(), (x, y) -> x.isAfter(y) ? x : y);
      }
      rows.addAll(b.rows());
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        for (HostInventoryEntry h : hosts.values()) {
          inventory.upsertHost(c, h, hostSeen.get(h.nodeId()));
        }
        for (GpuInventoryEntry g : gpus.values()) {
          inventory.upsertGpu(c, g, gpuSeen.get(g.uuid()));
        }
        Result result = write(c, rows);
        c.commit();
        c.setAutoCommit(true);
        committed(gpus.values(), hosts.values());
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          rollback(c);
          c.setAutoCommit(true);
        } catch (SQLException also) {
          e.addSuppressed(also);
        }
        throw e;
      }
    }
  }

  /**
   * Upserts the GPUs and hosts seen with a batch, on the caller's connection (first seen kept, last
   * seen moved); the caller reports its commit through {@link #committed}.
   */
  public void register(Connection c, List<GpuInventoryEntry> gpus, List<HostInventoryEntry> hosts, java.time.Instant seen)
      throws SQLException {
    for (HostInventoryEntry h : hosts) {
      inventory.upsertHost(c, h, seen);
    }
    for (GpuInventoryEntry g : gpus) {
      inventory.upsertGpu(c, g, seen);
    }
  }

  /** After the commit of a transaction that registered these: tells the readers when any is new or changed. */
  public void committed(Collection<GpuInventoryEntry> gpus, Collection<HostInventoryEntry> hosts) {
    if (registered.committed(gpus, hosts)) {
      inventoryChanged.run();
    }
  }

  /** A row resolved to the store's numbers. */
  private record Resolved(SampleRow row, long seriesId, int metricId, double value) {}

  private List<Resolved> resolve(Connection c, List<SampleRow> rows, List<Rejected> rejected) throws SQLException {
    List<Resolved> ok = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Resolved r = resolve(c, i, rows.get(i), rejected);
      if (r != null) {
        ok.add(r);
      }
    }
    return ok;
  }

  /** The row in the store's numbers, or null after adding why it cannot be stored to {@code rejected}. */
  private Resolved resolve(Connection c, int i, SampleRow row, List<Rejected> rejected) throws SQLException {
    if (row.time() == null || row.series() == null || row.metric() == null) {
      rejected.add(new Rejected(i, row, "time, series and metric are required"));
      return null;
    }
    if (!Double.isFinite(row.value())) {
      rejected.add(new Rejected(i, row, "value " + row.value() + " is not a finite number"));
      return null;
    }
    var metric = metrics.resolve(c, row.metric());
    if (metric.isEmpty()) {
      rejected.add(new Rejected(i, row, "metric '" + row.metric() + "' is not in the dictionary"));
      return null;
    }
    long seriesId;
    try {
      seriesId = series.resolve(c, row.series());
    } catch (UnknownSubject e) {
      rejected.add(new Rejected(i, row, e.getMessage()));
      return null;
    }
    return new Resolved(row, seriesId, metric.get().id(), row.value() * metric.get().scale());
  }

  /**
   * Deletes, per series and metric of the rows, the stored samples within the rows' time span. The
   * series rows are locked first (in id order), so that two replaces of the same series wait for each
   * other instead of both deleting before both write.
   */
  private long deleteSpans(Connection c, List<Resolved> rows) throws SQLException {
    record Key(long seriesId, int metricId) {}
    Map<Key, Instant[]> spans = new LinkedHashMap<>();
    TreeSet<Long> seriesIds = new TreeSet<>();
    for (Resolved r : rows) {
      Instant t = r.row().time();
      seriesIds.add(r.seriesId());
      spans.merge(new Key(r.seriesId(), r.metricId()), new Instant[] {t, t},
          (a, b) -> new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
    try (PreparedStatement lock = c.prepareStatement("SELECT id FROM series WHERE id = ? FOR UPDATE")) {
      for (long id : seriesIds) {
        lock.setLong(1, id);
        lock.executeQuery().close();
      }
    }
    long deleted = 0;
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM sample WHERE series_id = ? AND metric_id = ? AND ts >= ? AND ts <= ?")) {
      for (var e : spans.entrySet()) {
        ps.setLong(1, e.getKey().seriesId());
        ps.setInt(2, e.getKey().metricId());
        ps.setObject(3, Rfc3339.utc(e.getValue()[0]));
        ps.setObject(4, Rfc3339.utc(e.getValue()[1]));
        ps.addBatch();
      }
      for (int n : ps.executeBatch()) {
        deleted += Math.max(0, n);
      }
    }
    return deleted;
  }

  private Result copy(Connection c, List<SampleRow> rows, boolean replace) throws SQLException {
    TreeSet<Long> days = new TreeSet<>();
    long lastDay = Long.MIN_VALUE;
    for (SampleRow r : rows) {
      if (r.time() != null) {
        long day = Math.floorDiv(r.time().getEpochSecond(), 86_400L);
        if (day != lastDay) {
          days.add(day);
          lastDay = day;
        }
      }
    }
    for (long day : days) {
      partitions.ensure(c, LocalDate.ofEpochDay(day));
    }
    List<Rejected> rejected = new ArrayList<>();
    // resolved before the COPY starts: a new series is looked up or inserted on this connection
    List<Resolved> ok = resolve(c, rows, rejected);
    long replaced = replace ? deleteSpans(c, ok) : 0;
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY sample (ts, series_id, metric_id, value) FROM STDIN (FORMAT binary)");
    try {
      // PostgreSQL's binary COPY (the server parses no text), sent in 64 KiB parts as they are
      // encoded, so that the server stores one part while this thread encodes the next
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      buf.put(BINARY_HEADER).putInt(0).putInt(0);
      for (Resolved r : ok) {
        if (buf.remaining() < BINARY_ROW) {
          in.writeToCopy(buf.array(), 0, buf.position());
          buf.clear();
        }
        Instant t = r.row().time();
        buf.putShort((short) 4)
            .putInt(8).putLong((t.getEpochSecond() - PG_EPOCH_SECONDS) * 1_000_000L + t.getNano() / 1_000)
            .putInt(8).putLong(r.seriesId())
            .putInt(4).putInt(r.metricId())
            .putInt(8).putDouble(r.value());
      }
      if (buf.remaining() < 2) {
        in.writeToCopy(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putShort((short) -1);
      in.writeToCopy(buf.array(), 0, buf.position());
      long copied = in.endCopy();
      return new Result((int) copied, rejected, replaced);
    } catch (SQLException | RuntimeException e) {
      if (in.isActive()) {
        try {
          in.cancelCopy();
        } catch (SQLException also) {
          e.addSuppressed(also);
        }
      }
      throw e;
    }
  }

  private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
  private static final int BINARY_ROW = 2 + 12 + 12 + 8 + 12;
  /** 2000-01-01T00:00:00Z, where PostgreSQL's binary timestamps count from. */
  private static final long PG_EPOCH_SECONDS = 946_684_800L;

  private Result batch(Connection c, List<SampleRow> rows, boolean replace) throws SQLException {
    List<Rejected> rejected = new ArrayList<>();
    List<Resolved> ok = resolve(c, rows, rejected);
    long replaced = replace ? deleteSpans(c, ok) : 0;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO sample (ts, series_id, metric_id, value) VALUES (?, ?, ?, ?)")) {
      int pending = 0;
      for (Resolved r : ok) {
        ps.setObject(1, Rfc3339.utc(r.row().time()));
        ps.setLong(2, r.seriesId());
        ps.setInt(3, r.metricId());
        ps.setDouble(4, r.value());
        ps.addBatch();
        if (++pending == 1000) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    return new Result(ok.size(), rejected, replaced);
  }

  /** Creates the partitions of the coming days (PostgreSQL; nothing to do on H2). */
  public void prepareDays(LocalDate from, int days) throws SQLException {
    if (!dialect.postgres()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      for (int i = 0; i < days; i++) {
        partitions.ensure(c, from.plusDays(i));
      }
    }
  }

  /**
   * Retention: removes samples older than the cutoff, whole days at a time on PostgreSQL (dropping
   * partitions), by a delete on H2. Returns the number of days (PostgreSQL) or rows (H2) removed.
   */
  public int dropBefore(java.time.Instant cutoff) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (dialect.postgres()) {
        return partitions.dropBefore(c, cutoff).size();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM sample WHERE ts < ?")) {
        ps.setObject(1, Rfc3339.utc(cutoff));
        return ps.executeUpdate();
      }
    }
  }

  /** The days that have a partition (PostgreSQL). */
  public List<LocalDate> partitionDays() throws SQLException {
    if (!dialect.postgres()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection()) {
      return partitions.days(c);
    }
  }
}
