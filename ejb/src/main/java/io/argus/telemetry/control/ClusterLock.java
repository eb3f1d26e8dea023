package io.argus.telemetry.control;

import io.argus.platform.control.DatabaseSettings.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a cluster-wide job on one node at a time: under a PostgreSQL session advisory lock, skipped
 * where another node holds it. H2 is one process's database, so there the job just runs.
 */
public final class ClusterLock {

  /** Partition creation, retention and receipt expiry. */
  public static final long STORE_MAINTENANCE = 0x4152_4755_5301L;
  /** Scraping the registered sources. */
  public static final long SOURCE_SCRAPING = 0x4152_4755_5302L;

  /** A job that may fail with a database error. */
  @FunctionalInterface
  public interface Job {
    void run() throws SQLException;
  }

  private ClusterLock() {}

  /** Runs the job if this node gets the lock; returns whether it ran. */
  public static boolean runExclusive(DataSource dataSource, Vendor vendor, long key, Job job) throws SQLException {
    if (vendor != Vendor.POSTGRESQL) {
      job.run();
      return true;
    }
    // the lock belongs to this session: hold the connection for the whole job, unlock before it goes back to the pool
    try (Connection c = dataSource.getConnection()) {
      if (!call(c, "SELECT pg_try_advisory_lock(?)", key)) {
        return false;
      }
      try {
        job.run();
        return true;
      } finally {
        call(c, "SELECT pg_advisory_unlock(?)", key);
      }
    }
  }

  private static boolean call(Connection c, String sql, long key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
