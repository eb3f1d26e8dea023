package io.argus.telemetry.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sample table's daily partitions on PostgreSQL (UTC days, named {@code sample_yyyymmdd}):
 * created before they are written to, dropped whole once they fall out of retention.
 */
final class Partitions {

  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
  private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

  static LocalDate dayOf(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  static String name(LocalDate day) {
    return "sample_" + SUFFIX.format(day);
  }

  /** Makes sure the partition of this UTC day exists. */
  void ensure(Connection c, LocalDate day) throws SQLException {
    if (known.contains(day)) {
      return;
    }
    String sql = "CREATE TABLE IF NOT EXISTS " + name(day) + " PARTITION OF sample FOR VALUES FROM ('"
        + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')";
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      // two writers creating the same day: the loser sees "already exists"; anything else is real
      if (!exists(c, day)) {
        throw e;
      }
    }
    known.add(day);
  }

  /** Forgets which partitions exist, after a rollback that may have undone their creation. */
  void forget() {
    known.clear();
  }

  /** The days that have a partition, oldest first. */
  List<LocalDate> days(Connection c) throws SQLException {
    List<LocalDate> days = new ArrayList<>();
    String sql = "SELECT child.relname FROM pg_inherits JOIN pg_class parent ON parent.oid = pg_inherits.inhparent"
        + " JOIN pg_class child ON child.oid = pg_inherits.inhrelid WHERE parent.relname = 'sample' ORDER BY 1";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String n = rs.getString(1);
        if (n.matches("sample_\\d{8}")) {
          days.add(LocalDate.parse(n.substring(7), SUFFIX));
        }
      }
    }
    return days;
  }

  /** Drops every partition whose whole day ended before the cutoff; returns the days dropped. */
  List<LocalDate> dropBefore(Connection c, Instant cutoff) throws SQLException {
    List<LocalDate> dropped = new ArrayList<>();
    for (LocalDate day : days(c)) {
      if (!day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(cutoff)) {
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE IF EXISTS " + name(day));
        }
        known.remove(day);
        dropped.add(day);
      }
    }
    return dropped;
  }

  private boolean exists(Connection c, LocalDate day) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_class WHERE relname = ?")) {
      ps.setString(1, name(day));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
