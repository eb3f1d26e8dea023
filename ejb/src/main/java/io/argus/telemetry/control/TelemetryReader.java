package io.argus.telemetry.control;

import io.argus.platform.control.DatabaseSettings.Vendor;
import io.argus.platform.control.DependencyUnavailable;
import io.argus.platform.control.InvalidParameter;
import io.argus.platform.control.ResourceNotFound;
import io.argus.platform.control.Rfc3339;
import io.argus.telemetry.entity.Aggregation;
import io.argus.telemetry.entity.GpuSelector;
import io.argus.telemetry.entity.KnownGpu;
import io.argus.telemetry.entity.KnownHost;
import io.argus.telemetry.entity.Page;
import io.argus.telemetry.entity.TelemetryPage;
import io.argus.telemetry.entity.TelemetryQuery;
import io.argus.telemetry.entity.TelemetryRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The store's read side: GPUs and hosts known, and samples by GPU, window, metric and attribution,
 * in time order, a page at a time, optionally downsampled in the database. Plain JDBC: the series
 * are found first, then the samples of exactly those series are read through the (series, time)
 * index, so one GPU's window costs one ordered index range per day partition. GPU listings and the
 * GPUs a selector names go through the store's {@link GpuCache}.
 */
public final class TelemetryReader {

  private final DataSource dataSource;
  private final StoreDialect dialect;
  private final GpuCache gpuCache;

  /** A reader that reads every answer from the store. */
  public TelemetryReader(DataSource dataSource, Vendor vendor) {
    this(dataSource, vendor, GpuCache.off());
  }

  TelemetryReader(DataSource dataSource, Vendor vendor, GpuCache gpuCache) {
    this.dataSource = dataSource;
    this.dialect = new StoreDialect(vendor);
    this.gpuCache = gpuCache;
  }

  /** A GPU with its row id. */
  record StoredGpu(long id, KnownGpu gpu) {}

  /** A series of a GPU, with everything a row shows besides time, metric and value. */
  private record SeriesInfo(
      long id, String uuid, int index, String device, String model, String hostname, String container, String pod,
      String namespace, String slurmJob, String labels) {}

  // ---------------------------------------------------------------- GPUs and hosts

  /** GPUs in (hostname, index, uuid) order, narrowed by hostname and model name. */
  public Page<KnownGpu> gpus(Optional<String> hostname, Optional<String> modelName, int limit, Optional<String> cursor) {
    return gpuCache.list(new GpuCache.ListKey(hostname, modelName, limit, cursor),
        () -> readGpus(hostname, modelName, limit, cursor));
  }

  private Page<KnownGpu> readGpus(Optional<String> hostname, Optional<String> modelName, int limit,
      Optional<String> cursor) {
    StringBuilder sql = new StringBuilder("SELECT " + GPU_COLUMNS + " FROM gpu WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    hostname.ifPresent(h -> { sql.append(" AND hostname = ?"); args.add(h); });
    modelName.ifPresent(m -> { sql.append(" AND model_name = ?"); args.add(m); });
    cursor.ifPresent(c -> {
      List<String> key = Cursor.decode(c, "g", 3);
      sql.append(" AND (hostname, gpu_index, uuid) > (?, ?, ?)");
      args.add(key.get(0));
      args.add((int) Cursor.number(key.get(1), 0));
      args.add(key.get(2));
    });
    sql.append(" ORDER BY hostname, gpu_index, uuid LIMIT ?");
    args.add(limit + 1);
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql.toString(), args);
        ResultSet rs = ps.executeQuery()) {
      List<KnownGpu> gpus = new ArrayList<>();
      while (rs.next()) {
        gpus.add(gpu(rs));
      }
      return page(gpus, limit, g -> Cursor.encode("g", g.hostname(), g.index(), g.uuid()));
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** One GPU by uuid, or by index (with the hostname when that index exists on several hosts). */
  public KnownGpu gpu(GpuSelector selector, Optional<String> hostname) {
    List<StoredGpu> found = matching(selector, hostname);
    if (found.size() > 1) {
      throw new InvalidParameter("hostname", "GPU index " + ((GpuSelector.ByIndex) selector).index() + " exists on "
          + found.size() + " hosts; name one with hostname");
    }
    return found.get(0).gpu();
  }

  /**
   * The GPUs a selector names, in (hostname, index, uuid) order.
   *
   * @throws ResourceNotFound when there is none
   */
  private List<StoredGpu> matching(GpuSelector selector, Optional<String> hostname) {
    List<StoredGpu> found = gpuCache.lookup(new GpuCache.LookupKey(selector, hostname), () -> {
      try (Connection c = dataSource.getConnection()) {
        return findGpus(c, selector, hostname);
      } catch (SQLException e) {
        throw unavailable(e);
      }
    });
    if (found.isEmpty()) {
      throw notFound(selector, hostname);
    }
    return found;
  }

  /** Hosts in (hostname, node id) order, narrowed by hostname. */
  public Page<KnownHost> hosts(Optional<String> hostname, int limit, Optional<String> cursor) {
    StringBuilder sql = new StringBuilder("SELECT h.node_id, h.hostname, h.os, h.cpu_model, h.cpu_cores, h.cpu_threads,"
        + " h.memory_total_bytes, (SELECT count(*) FROM gpu g WHERE g.hostname = h.hostname), h.first_seen, h.last_seen"
        + " FROM host h WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    hostname.ifPresent(h -> { sql.append(" AND h.hostname = ?"); args.add(h); });
    cursor.ifPresent(c -> {
      List<String> key = Cursor.decode(c, "h", 2);
      sql.append(" AND (h.hostname, h.node_id) > (?, ?)");
      args.add(key.get(0));
      args.add(key.get(1));
    });
    sql.append(" ORDER BY h.hostname, h.node_id LIMIT ?");
    args.add(limit + 1);
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql.toString(), args);
        ResultSet rs = ps.executeQuery()) {
      List<KnownHost> hosts = new ArrayList<>();
      while (rs.next()) {
        hosts.add(new KnownHost(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            (Integer) rs.getObject(5), (Integer) rs.getObject(6), longOrNull(rs, 7), rs.getInt(8),
            instant(rs, 9), instant(rs, 10)));
      }
      return page(hosts, limit, h -> Cursor.encode("h", h.hostname(), h.nodeId()));
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** How many hosts the store knows (through the cache: at most its time to live old). */
  public long hostCount() {
    return gpuCache.hostCount(() -> {
      try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM host");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        throw unavailable(e);
      }
    });
  }

  // ---------------------------------------------------------------- samples

  /**
   * One page of the query's rows in (time, series, metric) order.
   *
   * @throws ResourceNotFound when the query names a GPU the store does not know
   * @throws InvalidParameter for an unknown metric name or a cursor this query did not hand out
   */
  public TelemetryPage telemetry(TelemetryQuery q) {
    List<Long> gpuIds = q.gpu().isPresent()
        ? matching(q.gpu().get(), q.hostname()).stream().map(StoredGpu::id).toList()
        : null;
    try (Connection c = dataSource.getConnection()) {
      Map<Integer, String> metricNames = metricNames(c);
      List<Integer> metricIds = metricIds(c, q.metrics());
      Map<Long, SeriesInfo> series = series(c, gpuIds, q);
      if (series.isEmpty()) {
        if (q.cursor().isPresent()) {
          Cursor.decode(q.cursor().get(), q.step().isPresent() ? "a" : "r", 3); // still refuse a foreign cursor
        }
        return new TelemetryPage(List.of(), Optional.empty());
      }
      return q.step().isPresent()
          ? aggregated(c, q, series, metricIds, metricNames)
          : raw(c, q, series, metricIds, metricNames);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private TelemetryPage raw(Connection c, TelemetryQuery q, Map<Long, SeriesInfo> series, List<Integer> metricIds,
      Map<Integer, String> metricNames) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT s.ts, s.series_id, s.metric_id, s.value FROM sample s WHERE ");
    List<Object> args = new ArrayList<>();
    seriesCondition(c, sql, args, series);
    sql.append(" AND s.ts >= ? AND s.ts < ?");
    args.add(Rfc3339.utc(q.start()));
    args.add(Rfc3339.utc(q.end()));
    metricCondition(c, sql, args, metricIds);
    if (q.cursor().isPresent()) {
      List<String> key = Cursor.decode(q.cursor().get(), "r", 3);
      Instant after = micros(Cursor.number(key.get(0), Long.MIN_VALUE));
      // the plain ts bound lets the (series, ts) index start at the cursor; the row comparison breaks ties
      sql.append(" AND s.ts >= ? AND (s.ts, s.series_id, s.metric_id) > (?, ?, ?)");
      args.add(Rfc3339.utc(after));
      args.add(Rfc3339.utc(after));
      args.add(Cursor.number(key.get(1), 0));
      args.add((int) Cursor.number(key.get(2), 0));
    }
    sql.append(" ORDER BY s.ts, s.series_id, s.metric_id LIMIT ?");
    args.add(q.limit() + 1);
    List<TelemetryRow> rows = new ArrayList<>(Math.min(q.limit() + 1, 1 << 16));
    try (PreparedStatement ps = prepare(c, sql.toString(), args)) {
      ps.setFetchSize(Math.min(q.limit() + 1, 10_000));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(instant(rs, 1), series.get(rs.getLong(2)), metricNames.get(rs.getInt(3)), rs.getDouble(4)));
        }
      }
    }
    return telemetryPage(rows, q.limit(), last -> Cursor.encode("r", micros(last.timestamp()), last.seriesId(),
        metricId(metricNames, last.metricName())));
  }

  private TelemetryPage aggregated(Connection c, TelemetryQuery q, Map<Long, SeriesInfo> series,
      List<Integer> metricIds, Map<Integer, String> metricNames) throws SQLException {
    long step = q.step().orElseThrow().toSeconds();
    Instant from = q.start();
    long afterBucket = Long.MIN_VALUE;
    long afterSeries = 0;
    int afterMetric = 0;
    if (q.cursor().isPresent()) {
      List<String> key = Cursor.decode(q.cursor().get(), "a", 3);
      afterBucket = Cursor.number(key.get(0), Long.MIN_VALUE);
      afterSeries = Cursor.number(key.get(1), 0);
      afterMetric = (int) Cursor.number(key.get(2), 0);
      Instant bucketStart = Instant.ofEpochSecond(Math.multiplyExact(afterBucket, step));
      if (bucketStart.isAfter(from)) {
        from = bucketStart;
      }
    }
    StringBuilder inner = new StringBuilder("SELECT " + dialect.bucket("s.ts", step) + " AS b, s.series_id, s.metric_id,"
        + " s.ts, s.value FROM sample s WHERE ");
    List<Object> args = new ArrayList<>();
    seriesCondition(c, inner, args, series);
    inner.append(" AND s.ts >= ? AND s.ts < ?");
    args.add(Rfc3339.utc(from));
    args.add(Rfc3339.utc(q.end()));
    metricCondition(c, inner, args, metricIds);
    StringBuilder sql = new StringBuilder("SELECT b, series_id, metric_id, " + dialect.aggregate(q.aggregation())
        + " FROM (" + inner + ") x GROUP BY b, series_id, metric_id");
    if (q.cursor().isPresent()) {
      sql.append(" HAVING (b, series_id, metric_id) > (?, ?, ?)");
      args.add(dialect.bucketValue(afterBucket, step));
      args.add(afterSeries);
      args.add(afterMetric);
    }
    sql.append(" ORDER BY b, series_id, metric_id LIMIT ?");
    args.add(q.limit() + 1);
    List<TelemetryRow> rows = new ArrayList<>();
    Map<TelemetryRow, Long> buckets = new HashMap<>();
    boolean local = dialect.postgres() && c.getAutoCommit();
    if (local) {
      // a day of one series is ~100 000 rows per metric: with the default 4 MB PostgreSQL sorts them on
      // disk; with room it hashes the buckets in memory (measured: 61 ms -> 35 ms for 24 h at 60 s).
      // The driver prepares a statement it runs often on the server, and after five runs PostgreSQL
      // may keep a generic plan that knows neither the series nor the window: it sorts all samples
      // into buckets instead of hashing them (measured on 55 million rows: 27.5 ms -> 20.8 ms planned
      // for the actual values).
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT set_config('work_mem', '64MB', true), set_config('plan_cache_mode', 'force_custom_plan', true)");
      }
    }
    try (PreparedStatement ps = prepare(c, sql.toString(), args); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long bucket = dialect.postgres()
            ? Math.floorDiv(rs.getObject(1, OffsetDateTime.class).toEpochSecond(), step)
            : rs.getLong(1);
        TelemetryRow r = row(Instant.ofEpochSecond(bucket * step), series.get(rs.getLong(2)),
            metricNames.get(rs.getInt(3)), rs.getDouble(4));
        rows.add(r);
        buckets.put(r, bucket);
      }
    } finally {
      if (local) {
        c.commit();
        c.setAutoCommit(true);
      }
    }
    return telemetryPage(rows, q.limit(), last -> Cursor.encode("a", buckets.get(last), last.seriesId(),
        metricId(metricNames, last.metricName())));
  }

  // ---------------------------------------------------------------- helpers

  private void seriesCondition(Connection c, StringBuilder sql, List<Object> args, Map<Long, SeriesInfo> series)
      throws SQLException {
    if (series.size() == 1) {
      sql.append("s.series_id = ?");
      args.add(series.keySet().iterator().next());
    } else {
      sql.append("s.series_id = ANY(?)");
      args.add(c.createArrayOf(dialect.postgres() ? "bigint" : "BIGINT", series.keySet().toArray(new Long[0])));
    }
  }

  private void metricCondition(Connection c, StringBuilder sql, List<Object> args, List<Integer> metricIds)
      throws SQLException {
    if (metricIds.isEmpty()) {
      return;
    }
    if (metricIds.size() == 1) {
      sql.append(" AND s.metric_id = ?");
      args.add(metricIds.get(0));
    } else {
      sql.append(" AND s.metric_id = ANY(?)");
      args.add(c.createArrayOf(dialect.postgres() ? "integer" : "INTEGER", metricIds.toArray(new Integer[0])));
    }
  }

  private Map<Long, SeriesInfo> series(Connection c, List<Long> gpuIds, TelemetryQuery q) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT se.id, g.uuid, g.gpu_index, g.device, g.model_name, g.hostname,"
        + " se.container, se.pod, se.namespace, se.slurm_job, " + dialect.jsonText("se.labels")
        + " FROM series se JOIN gpu g ON g.id = se.gpu_id WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (gpuIds != null) {
      sql.append(" AND se.gpu_id = ANY(?)");
      args.add(c.createArrayOf(dialect.postgres() ? "bigint" : "BIGINT", gpuIds.toArray(new Long[0])));
    }
    q.hostname().ifPresent(h -> { sql.append(" AND g.hostname = ?"); args.add(h); });
    q.container().ifPresent(v -> { sql.append(" AND se.container = ?"); args.add(v); });
    q.pod().ifPresent(v -> { sql.append(" AND se.pod = ?"); args.add(v); });
    q.namespace().ifPresent(v -> { sql.append(" AND se.namespace = ?"); args.add(v); });
    q.slurmJob().ifPresent(v -> { sql.append(" AND se.slurm_job = ?"); args.add(v); });
    Map<Long, SeriesInfo> series = new LinkedHashMap<>();
    try (PreparedStatement ps = prepare(c, sql.toString(), args); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        series.put(rs.getLong(1), new SeriesInfo(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            rs.getString(11)));
      }
    }
    return series;
  }

  private List<StoredGpu> findGpus(Connection c, GpuSelector selector, Optional<String> hostname) throws SQLException {
    List<Object> args = new ArrayList<>();
    String sql = "SELECT " + GPU_COLUMNS + ", id FROM gpu WHERE " + gpuCondition(selector, hostname, args)
        + " ORDER BY hostname, gpu_index, uuid";
    List<StoredGpu> gpus = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        gpus.add(new StoredGpu(rs.getLong("id"), gpu(rs)));
      }
    }
    return List.copyOf(gpus);
  }

  private static String gpuCondition(GpuSelector selector, Optional<String> hostname, List<Object> args) {
    String condition;
    if (selector instanceof GpuSelector.ByUuid u) {
      condition = "uuid = ?";
      args.add(u.uuid());
    } else {
      condition = "gpu_index = ?";
      args.add(((GpuSelector.ByIndex) selector).index());
    }
    if (hostname.isPresent()) {
      condition += " AND hostname = ?";
      args.add(hostname.get());
    }
    return condition;
  }

  private static Map<Integer, String> metricNames(Connection c) throws SQLException {
    Map<Integer, String> names = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM metric")) {
      while (rs.next()) {
        names.put(rs.getInt(1), rs.getString(2));
      }
    }
    return names;
  }

  private static int metricId(Map<Integer, String> names, String name) {
    for (Map.Entry<Integer, String> e : names.entrySet()) {
      if (e.getValue().equals(name)) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("metric " + name + " vanished");
  }

  private static List<Integer> metricIds(Connection c, List<String> names) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    for (String name : names) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM metric WHERE name = ? UNION SELECT metric_id FROM metric_alias WHERE alias = ?")) {
        ps.setString(1, name);
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new InvalidParameter("metric_name", "No metric is named '" + QueryParameters.abbreviate(name)
                + "'; GET /api/v1/metrics lists them");
          }
          int id = rs.getInt(1);
          if (!ids.contains(id)) {
            ids.add(id);
          }
        }
      }
    }
    return ids;
  }

  private static TelemetryRow row(Instant t, SeriesInfo s, String metric, double value) {
    return new TelemetryRow(t, metric, s.index(), s.device(), s.uuid(), s.model(), s.hostname(), s.container(),
        s.pod(), s.namespace(), s.slurmJob(), value, s.labels(), s.id());
  }

  private static TelemetryPage telemetryPage(List<TelemetryRow> rows, int limit,
      java.util.function.Function<TelemetryRow, String> cursorOf) {
    if (rows.size() <= limit) {
      return new TelemetryPage(rows, Optional.empty());
    }
    List<TelemetryRow> page = rows.subList(0, limit);
    return new TelemetryPage(page, Optional.of(cursorOf.apply(page.get(limit - 1))));
  }

  private static <T> Page<T> page(List<T> items, int limit, java.util.function.Function<T, String> cursorOf) {
    if (items.size() <= limit) {
      return new Page<>(items, Optional.empty());
    }
    List<T> page = items.subList(0, limit);
    return new Page<>(page, Optional.of(cursorOf.apply(page.get(limit - 1))));
  }

  private static final String GPU_COLUMNS = "uuid, gpu_index, device, model_name, hostname, pci_bus_id, driver_version,"
      + " memory_total_bytes, mig_parent_uuid, mig_profile, first_seen, last_seen";

  private static KnownGpu gpu(ResultSet rs) throws SQLException {
    return new KnownGpu(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), longOrNull(rs, 8), rs.getString(9), rs.getString(10), instant(rs, 11),
        instant(rs, 12));
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < args.size(); i++) {
        Object a = args.get(i);
        if (a instanceof Array array) {
          ps.setArray(i + 1, array);
        } else {
          ps.setObject(i + 1, a);
        }
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private static Long longOrNull(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet rs, int i) throws SQLException {
    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  static Instant micros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
  }

  private static ResourceNotFound notFound(GpuSelector selector, Optional<String> hostname) {
    String what = selector instanceof GpuSelector.ByUuid u ? "uuid '" + u.uuid() + "'"
        : "index " + ((GpuSelector.ByIndex) selector).index();
    return new ResourceNotFound("gpu", "No GPU with " + what + hostname.map(h -> " on host '" + h + "'").orElse("")
        + " is known");
  }

  private static DependencyUnavailable unavailable(SQLException e) {
    return new DependencyUnavailable("Database", "The telemetry store cannot be read now: " + e.getMessage());
  }

  /** Which aggregations exist, for documentation. */
  public static List<Aggregation> aggregations() {
    return List.of(Aggregation.values());
  }
}
