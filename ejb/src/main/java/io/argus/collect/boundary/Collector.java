package io.argus.collect.boundary;

import io.argus.cluster.control.ClusterSettings;
import io.argus.collect.control.CollectionCycle;
import io.argus.collect.control.CollectorStats;
import io.argus.collect.control.GpuBackends;
import io.argus.collect.entity.Snapshot;
import io.argus.gpu.control.ProcessAttribution;
import io.argus.host.control.HostProbe;
import io.argus.platform.control.StartedBeans;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads this node every {@code argus.collect.interval} on a programmatic, non-persistent timer,
 * keeps the latest {@link Snapshot} in memory for the live endpoints, and hands each one on as a
 * CDI event (the telemetry store observes it). Ticks that find the previous cycle still running are
 * skipped and counted.
 */
@Singleton
@Startup
// ticks must be able to overlap so that an overlap can be seen and skipped, not queued
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Collector {

  private static final Logger LOG = Logger.getLogger(Collector.class.getName());
  static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  @Resource
  TimerService timers;

  @Inject
  Event<Snapshot> collected;

  @Inject
  @ConfigProperty(name = "argus.collect.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "argus.collect.interval", defaultValue = "PT5S")
  Duration interval;

  @Inject
  ClusterSettings cluster;

  @Inject
  @ConfigProperty(name = "argus.gpu.backend", defaultValue = "auto")
  String backend;

  @Inject
  @ConfigProperty(name = "argus.gpu.nvml.library")
  Optional<String> nvmlLibrary;

  @Inject
  @ConfigProperty(name = "argus.gpu.simulated.count", defaultValue = "8")
  int simulatedCount;

  private CollectionCycle cycle;
  private Timer timer;

  @PostConstruct
  void start() {
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException("argus.collect.interval must be at least " + MIN_INTERVAL + ", got " + interval);
    }
    HostProbe host = HostProbe.ofThisMachine();
    String node = cluster.nodeId();
    if (!cluster.role().collects()) {
      enabled = false; // an API node serves the fleet's data and collects nothing of its own
    }
    cycle = new CollectionCycle(node, host,
        GpuBackends.choose(backend, nvmlLibrary.filter(s -> !s.isBlank()), simulatedCount),
        ProcessAttribution.ofThisMachine(), Clock.systemUTC());
    cycle.run(); // a first snapshot for the endpoints before the first tick
    if (enabled) {
      timer = timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("argus-collector", false));
      LOG.info(() -> "Collecting node " + node + " every " + interval);
    } else if (!cluster.role().collects()) {
      LOG.info("Collection is off on the api role; the endpoints show the start-up snapshot");
    } else {
      LOG.info("Collection is off (argus.collect.enabled=false); the endpoints show the start-up snapshot");
    }
    StartedBeans.started(Collector.class);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick(Timer t) {
    try {
      Snapshot snapshot = cycle.run();
      if (snapshot != null) {
        collected.fire(snapshot);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Collection cycle failed; the next tick tries again", e);
    }
  }

  @PreDestroy
  void stop() {
    StartedBeans.stopped(Collector.class);
    if (timer != null) {
      try {
        timer.cancel();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "timer already gone", e);
      }
    }
    if (cycle != null) {
      cycle.close();
    }
  }

  /** The latest snapshot; there always is one once the application has started. */
  public Snapshot latest() {
    return cycle.latest();
  }

  public CollectorStats.View stats() {
    return cycle.stats();
  }

  /** The GPU backend in use, {@code none} when the configured one found no driver. */
  public String gpuBackend() {
    return cycle.gpuProbe().available() ? cycle.gpuProbe().backend() : "none";
  }

  public java.util.Map<String, Long> gpuErrorCounts() {
    return cycle.gpuProbe().errorCounts();
  }

  /** The last error the GPU backend returned, if any (see {@link io.argus.gpu.control.GpuProbe#lastError}). */
  public Optional<String> gpuLastError() {
    return cycle.gpuProbe().lastError();
  }

  /** Whether the collector runs on its timer ({@code argus.collect.enabled}). */
  public boolean enabled() {
    return enabled;
  }

  public Duration interval() {
    return interval;
  }
}
