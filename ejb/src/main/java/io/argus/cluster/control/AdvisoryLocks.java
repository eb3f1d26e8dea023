package io.argus.cluster.control;

import io.argus.cluster.entity.ClusterJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Leader election for cluster-wide jobs through PostgreSQL session advisory locks held on one
 * dedicated connection. A node leads a job while it holds the job's lock; the lock goes when the
 * connection goes, so a node that dies (or loses the database) gives up its jobs without anyone
 * having to notice, and the next node to try takes them. The connection carries the node id as its
 * application name, so any node can tell who leads.
 */
public final class AdvisoryLocks implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AdvisoryLocks.class.getName());

  /** Opens the dedicated connection; not from the pool, which may validate, recycle or share it. */
  @FunctionalInterface
  public interface Connector {
    Connection open(String applicationName) throws SQLException;
  }

  private final Connector connector;
  private final String nodeId;
  private Connection connection;
  private final EnumSet<ClusterJob> held = EnumSet.noneOf(ClusterJob.class);
  private String lastError;

  public AdvisoryLocks(Connector connector, String nodeId) {
    this.connector = connector;
    this.nodeId = nodeId;
  }

  /**
   * Keeps the locks of the jobs this node leads and tries to take the others it wants. When the
   * connection is gone, every job is given up (the server has released the locks) and a new
   * connection is tried. Returns the jobs this node leads now.
   */
  public synchronized Set<ClusterJob> refresh(Set<ClusterJob> wanted) {
    try {
      if (connection == null || !connection.isValid(3)) {
        dropConnection();
        connection = connector.open(applicationName(nodeId));
        connection.setAutoCommit(true);
      }
      for (ClusterJob job : wanted) {
        if (!held.contains(job) && call("SELECT pg_try_advisory_lock(?)", job.lockKey())) {
          held.add(job);
          LOG.info(() -> "This node (" + nodeId + ") now leads " + job.label());
        }
      }
      for (ClusterJob job : EnumSet.copyOf(held)) {
        if (!wanted.contains(job)) {
          call("SELECT pg_advisory_unlock(?)", job.lockKey());
          held.remove(job);
        }
      }
      lastError = null;
    } catch (SQLException | RuntimeException e) {
      if (!held.isEmpty()) {
        LOG.warning("Lost the database connection that holds the cluster locks; giving up " + held + ": " + e.getMessage());
      } else if (lastError == null) {
        LOG.log(Level.FINE, "Cannot reach the database for the cluster locks: " + e.getMessage());
      }
      lastError = String.valueOf(e.getMessage());
      dropConnection();
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(held));
  }

  public synchronized boolean leads(ClusterJob job) {
    return held.contains(job);
  }

  /** The last error reaching the database, if the last refresh failed. */
  public synchronized Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  /**
   * Who holds each job's lock, by the node id in the holder's application name; absent where no
   * node leads. Asked on this node's own connection; empty when it is down.
   */
  public synchronized Map<ClusterJob, String> leaders() {
    Map<ClusterJob, String> out = new EnumMap<>(ClusterJob.class);
    if (connection == null) {
      return out;
    }
    // a bigint advisory key is stored as classid (high 32 bits) and objid (low 32 bits), objsubid 1;
    // advisory locks belong to one database, and other databases on the server may hold the same keys
    String sql = "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.classid = ? AND l.objid = ?"
        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (ClusterJob job : ClusterJob.values()) {
        ps.setLong(1, job.lockKey() >>> 32);
        ps.setLong(2, job.lockKey() & 0xFFFF_FFFFL);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            String app = rs.getString(1);
            out.put(job, app != null && app.startsWith(PREFIX) ? app.substring(PREFIX.length()) : String.valueOf(app));
          }
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Cannot list the cluster's leaders: " + e.getMessage());
    }
    return out;
  }

  private static final String PREFIX = "argus:";

  /** PostgreSQL keeps 63 bytes of an application name. */
  static String applicationName(String nodeId) {
    String name = PREFIX + nodeId;
    return name.length() <= 63 ? name : name.substring(0, 63);
  }

  private boolean call(String sql, long key) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private void dropConnection() {
    held.clear();
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // it is gone either way
      }
      connection = null;
    }
  }

  /** Gives up every job (the locks go with the connection). */
  @Override
  public synchronized void close() {
    dropConnection();
  }
}
