package io.argus.telemetry.boundary;

import io.argus.cluster.boundary.Leadership;
import io.argus.cluster.entity.ClusterJob;
import io.argus.telemetry.control.StoreHousekeeping;
import io.argus.telemetry.control.TelemetryStore;
import jakarta.annotation.PostConstruct;
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
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store's upkeep on a timer, on one node of a cluster at a time: partitions created ahead,
 * retention, expiry of idempotency receipts.
 */
@Singleton
@Startup
@DependsOn({"Database", "Leadership"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class StoreMaintenance {

  private static final Logger LOG = Logger.getLogger(StoreMaintenance.class.getName());

  @Inject
  @ConfigProperty(name = "argus.telemetry.retention", defaultValue = "P30D")
  Duration retention;

  @Inject
  @ConfigProperty(name = "argus.telemetry.partitions.days-ahead", defaultValue = "3")
  int daysAhead;

  @Inject
  @ConfigProperty(name = "argus.telemetry.maintenance.interval", defaultValue = "PT1H")
  Duration interval;

  @Inject
  @ConfigProperty(name = "argus.telemetry.ingest.idempotency-ttl", defaultValue = "P1D")
  Duration receiptTtl;

  @Inject
  TelemetryStore store;

  @Inject
  Leadership leadership;

  @Resource
  TimerService timers;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    // first run soon after start, so a fresh database has today's partitions before the first write
    timers.createIntervalTimer(2_000, Math.max(60_000, interval.toMillis()), new TimerConfig("telemetry-maintenance", false));
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      if (!leadership.leads(ClusterJob.STORE_MAINTENANCE)) {
        LOG.fine("Store maintenance runs on another node");
        return;
      }
      StoreHousekeeping housekeeping = new StoreHousekeeping(store.writer(), store.dataSource());
      StoreHousekeeping.Report r = housekeeping.run(Instant.now(), daysAhead, retention, receiptTtl);
      LOG.fine(() -> "Store maintenance: partitions " + r.daysAhead() + " day(s) ahead, " + r.removed()
          + " removed by retention (" + retention + "), " + r.receiptsExpired() + " receipt(s) expired");
      if (r.removed() > 0) {
        LOG.info(() -> "Retention " + retention + ": removed " + r.removed()
            + (store.vendor().name().equals("POSTGRESQL") ? " day partition(s)" : " sample(s)"));
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Store maintenance failed; it runs again in " + interval + ": " + e.getMessage());
    } finally {
      running.set(false);
    }
  }
}
