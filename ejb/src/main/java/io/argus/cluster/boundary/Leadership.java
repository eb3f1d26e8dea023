package io.argus.cluster.boundary;

import io.argus.cluster.control.AdvisoryLocks;
import io.argus.cluster.control.ClusterSettings;
import io.argus.cluster.entity.ClusterJob;
import io.argus.cluster.entity.NodeRole;
import io.argus.platform.control.Database;
import io.argus.platform.control.DatabaseSettings;
import io.argus.platform.control.StartedBeans;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Which cluster-wide jobs this node leads. On PostgreSQL a timer keeps (or takes) the jobs' advisory
 * locks on a dedicated connection every {@code argus.cluster.lock.interval}; a job's timer asks
 * {@link #leads} before it works. On H2 (one process's database) this node leads every job it
 * competes for.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Leadership {

  /** What this node knows about the cluster's leaders, for health and metrics. */
  public record View(String nodeId, NodeRole role, Set<ClusterJob> competes, Set<ClusterJob> leads,
      Map<ClusterJob, String> leaders, boolean shared, Optional<String> error) {}

  @Inject
  ClusterSettings settings;

  @Inject
  Database database;

  @Resource
  TimerService timers;

  private AdvisoryLocks locks;
  private volatile Set<ClusterJob> leads = Set.of();
  /** Who leads each job, as of the last refresh: health checks and scrapes read this, not the database. */
  private volatile Map<ClusterJob, String> leaders = Map.of();

  @PostConstruct
  void start() {
    DatabaseSettings db = database.settings();
    if (db.vendor() == DatabaseSettings.Vendor.POSTGRESQL) {
      locks = new AdvisoryLocks(applicationName -> open(db, applicationName), settings.nodeId());
      refresh();
      long every = settings.lockInterval().toMillis();
      timers.createIntervalTimer(every, every, new TimerConfig("cluster-leadership", false));
    } else {
      leads = Collections.unmodifiableSet(EnumSet.copyOf(withNone(settings.jobs())));
    }
    StartedBeans.started(Leadership.class);
  }

  @Timeout
  void refresh() {
    if (locks != null) {
      leads = locks.refresh(settings.jobs());
      leaders = Map.copyOf(locks.leaders());
    }
  }

  /** Whether this node should run the job now. */
  public boolean leads(ClusterJob job) {
    return leads.contains(job);
  }

  public View view() {
    Map<ClusterJob, String> known = new EnumMap<>(ClusterJob.class);
    if (locks != null) {
      known.putAll(leaders);
    } else {
      leads.forEach(j -> known.put(j, settings.nodeId()));
    }
    return new View(settings.nodeId(), settings.role(), settings.jobs(), leads, known, locks != null,
        locks == null ? Optional.empty() : locks.lastError());
  }

  @PreDestroy
  void stop() {
    StartedBeans.stopped(Leadership.class);
    if (locks != null) {
      locks.close(); // hand the jobs over now rather than when the process is gone
    }
  }

  private static Set<ClusterJob> withNone(Set<ClusterJob> jobs) {
    EnumSet<ClusterJob> out = EnumSet.noneOf(ClusterJob.class);
    out.addAll(jobs);
    return out;
  }

  private static Connection open(DatabaseSettings db, String applicationName) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", db.user());
    if (db.password() != null && !db.password().isEmpty()) {
      p.setProperty("password", db.password());
    }
    p.setProperty("ApplicationName", applicationName);
    p.setProperty("connectTimeout", "5");
    p.setProperty("socketTimeout", "15");
    p.setProperty("tcpKeepAlive", "true");
    // the driver directly: DriverManager does not see drivers of the application's class loader
    Connection c = new org.postgresql.Driver().connect(db.url(), p);
    if (c == null) {
      throw new SQLException("not a PostgreSQL URL: " + db.redactedUrl());
    }
    return c;
  }
}
