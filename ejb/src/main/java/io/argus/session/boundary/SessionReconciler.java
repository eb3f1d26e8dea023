package io.argus.session.boundary;

import io.argus.cluster.boundary.Leadership;
import io.argus.cluster.control.ClusterSettings;
import io.argus.cluster.entity.ClusterJob;
import io.argus.platform.control.ProblemException;
import io.argus.platform.control.StartedBeans;
import io.argus.session.control.Launcher;
import io.argus.session.control.SessionConfiguration;
import io.argus.session.control.Sessions;
import io.argus.session.entity.MonitoringSession;
import io.argus.session.entity.SessionHealth;
import io.argus.session.entity.SessionStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the jobs of running sessions on a non-persistent timer: a job that reached its time
 * limit, failed or was cancelled ends its session with SLURM's reason. In a cluster only the node
 * that leads {@code session-reconciling} changes sessions; the others still check the launcher and
 * Prometheus for their health report. At start-up it takes up the sessions an earlier run left
 * running. Each pass also records what the health check reports.
 */
@Singleton
@Startup
@DependsOn({"Database", "Leadership"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionReconciler {

  private static final Logger LOG = Logger.getLogger(SessionReconciler.class.getName());

  @Inject
  Sessions sessions;

  @Inject
  SessionConfiguration config;

  @Inject
  Leadership leadership;

  @Inject
  ClusterSettings cluster;

  @Resource
  TimerService timers;

  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile SessionHealth health;

  @PostConstruct
  void start() {
    health = SessionHealth.unknown(config.launcher().kind());
    if (cluster.jobs().contains(ClusterJob.SESSION_RECONCILING)) {
      try {
        sessions.reattachAll();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not take up the sessions left running by an earlier run; the timer will retry", e);
      }
      long interval = Math.max(1000, config.settings().reconcileInterval().toMillis());
      timers.createIntervalTimer(Math.min(interval, 2000), interval, new TimerConfig("session-reconciler", false));
    } else {
      LOG.info("Sessions are followed by other nodes (argus.cluster.jobs does not include session-reconciling)");
    }
    StartedBeans.started(SessionReconciler.class);
  }

  @PreDestroy
  void stopped() {
    StartedBeans.stopped(SessionReconciler.class);
  }

  @Timeout
  void tick(Timer timer) {
    if (!busy.compareAndSet(false, true)) {
      return; // the previous pass is still waiting on SLURM; skip rather than queue
    }
    try {
      pass();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Session reconciler pass failed", e);
    } finally {
      busy.set(false);
    }
  }

  private void pass() {
    Launcher launcher = config.launcher();
    Optional<String> launcherError = Optional.empty();
    try {
      launcher.ping();
    } catch (ProblemException e) {
      launcherError = Optional.of(e.detail());
    }
    var ready = new TreeMap<String, Boolean>();
    boolean leads = leadership.leads(ClusterJob.SESSION_RECONCILING);
    for (MonitoringSession s : sessions.active()) {
      // with the scheduler unreachable nothing is known of the jobs: sessions keep their state until it answers
      MonitoringSession now = leads && launcherError.isEmpty() ? sessions.reconcile(s) : s;
      if (now.status() == SessionStatus.RUNNING) {
        ready.put(now.id(), config.prometheus().ready(now.prometheusUrl()));
      }
    }
    health = new SessionHealth(launcher.kind(), launcherError, ready, Optional.of(Instant.now()));
  }

  /** What the last pass found; the health check reads this instead of calling SLURM itself. */
  public SessionHealth health() {
    return health;
  }
}
