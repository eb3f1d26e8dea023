package io.argus.telemetry.control;

import io.argus.ops.control.Caches;
import io.argus.platform.control.JsonText;
import io.argus.telemetry.entity.Attribution;
import io.argus.telemetry.entity.SeriesKey;
import io.argus.telemetry.entity.Subject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds or creates the row id of a series. Ids are cached for the life of the process: a series is
 * never renumbered, and the cache is what keeps the write path to one COPY per batch. Its lookups
 * are counted as the cache {@value #CACHE}.
 */
final class SeriesResolver {

  static final String CACHE = "series-ids";
  private static final int MAX_CACHED = 500_000;

  private final StoreDialect dialect;
  private final Inventory inventory;
  private final Caches.Counter counter;
  private final Map<SeriesKey, Long> ids = new ConcurrentHashMap<>();
  private final Map<Subject, Long> subjects = new ConcurrentHashMap<>();

  SeriesResolver(StoreDialect dialect, Inventory inventory, Caches.Counter counter) {
    this.dialect = dialect;
    this.inventory = inventory;
    this.counter = counter;
  }

  long resolve(Connection c, SeriesKey key) throws SQLException {
    Long cached = ids.get(key);
    if (cached != null) {
      counter.hit();
      return cached;
    }
    counter.miss();
    long subjectId = subjectId(c, key.subject());
    Long gpu = key.subject() instanceof Subject.Gpu ? subjectId : null;
    Long host = key.subject() instanceof Subject.Host ? subjectId : null;
    String labels = JsonText.object(key.labels());
    Optional<Long> found = find(c, gpu, host, key.attribution(), labels, key.node());
    long id = found.isPresent() ? found.get() : insert(c, gpu, host, key.attribution(), labels, key.node());
    if (ids.size() >= MAX_CACHED) {
      ids.clear(); // a runaway label set must not exhaust the heap; ids are found again in the table
    }
    ids.put(key, id);
    return id;
  }

  /** Forgets cached ids, e.g. after a transaction that created series was rolled back. */
  void forget() {
    ids.clear();
    subjects.clear();
  }

  private long subjectId(Connection c, Subject subject) throws SQLException {
    Long cached = subjects.get(subject);
    if (cached != null) {
      return cached;
    }
    Optional<Long> id;
    String unknown;
    if (subject instanceof Subject.Gpu g) {
      id = inventory.gpuId(c, g.uuid());
      unknown = "No GPU with uuid '" + g.uuid() + "' is known; register it before its samples";
    } else {
      Subject.Host h = (Subject.Host) subject;
      id = inventory.hostId(c, h.nodeId());
      unknown = "No host with node id '" + h.nodeId() + "' is known; register it before its samples";
    }
    long found = id.orElseThrow(() -> new UnknownSubject(unknown));
    subjects.put(subject, found);
    return found;
  }

  private Optional<Long> find(Connection c, Long gpu, Long host, Attribution a, String labels, String node)
      throws SQLException {
    String sql = "SELECT id FROM series WHERE " + (gpu != null ? "gpu_id = ?" : "host_id = ?")
        + " AND container = ? AND pod = ? AND namespace = ? AND slurm_job = ? AND node_id = ? AND labels = "
        + dialect.jsonParameter();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, gpu != null ? gpu : host);
      ps.setString(2, a.container());
      ps.setString(3, a.pod());
      ps.setString(4, a.namespace());
      ps.setString(5, a.slurmJob());
      ps.setString(6, node);
      ps.setString(7, labels);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private long insert(Connection c, Long gpu, Long host, Attribution a, String labels, String node) throws SQLException {
    String sql = "INSERT INTO series (gpu_id, host_id, container, pod, namespace, slurm_job, node_id, labels)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, " + dialect.jsonParameter() + ")"
        + (dialect.postgres()
            ? " ON CONFLICT (COALESCE(gpu_id, 0), COALESCE(host_id, 0), container, pod, namespace, slurm_job,"
                + " md5(labels::text), node_id) DO NOTHING"
            : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (gpu == null) {
        ps.setNull(1, Types.BIGINT);
      } else {
        ps.setLong(1, gpu);
      }
      if (host == null) {
        ps.setNull(2, Types.BIGINT);
      } else {
        ps.setLong(2, host);
      }
      ps.setString(3, a.container());
      ps.setString(4, a.pod());
      ps.setString(5, a.namespace());
      ps.setString(6, a.slurmJob());
      ps.setString(7, node);
      ps.setString(8, labels);
      ps.executeUpdate();
    }
    // found again rather than through generated keys: another writer may have won the race
    return find(c, gpu, host, a, labels, node).orElseThrow(() -> new SQLException("series row vanished after insert"));
  }
}
