package io.argus.telemetry.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a metric name or alias into the dictionary id and the factor into the metric's unit. The
 * dictionary is read once and again only when a name is not found (at most once a minute).
 */
final class MetricResolver {

  /** A dictionary hit: the metric's id and what to multiply the incoming value by. */
  record Resolved(int id, double scale) {}

  private static final long RELOAD_NANOS = 60_000_000_000L;

  private volatile Map<String, Resolved> byName = Map.of();
  private volatile long loadedAt = Long.MIN_VALUE;

  Optional<Resolved> resolve(Connection c, String name) throws SQLException {
    Resolved hit = byName.get(name);
    if (hit == null && (loadedAt == Long.MIN_VALUE || System.nanoTime() - loadedAt > RELOAD_NANOS)) {
      reload(c);
      hit = byName.get(name);
    }
    return Optional.ofNullable(hit);
  }

  private synchronized void reload(Connection c) throws SQLException {
    Map<String, Resolved> map = new HashMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id, name FROM metric")) {
        while (rs.next()) {
          map.put(rs.getString(2), new Resolved(rs.getInt(1), 1.0));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT alias, metric_id, scale FROM metric_alias")) {
        while (rs.next()) {
          map.putIfAbsent(rs.getString(1), new Resolved(rs.getInt(2), rs.getDouble(3)));
        }
      }
    }
    byName = Map.copyOf(map);
    loadedAt = System.nanoTime();
  }
}
