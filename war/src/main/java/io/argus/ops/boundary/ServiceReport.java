package io.argus.ops.boundary;

import io.argus.collect.boundary.Collector;
import io.argus.collect.control.CollectorStats;
import io.argus.ops.control.Caches;
import io.argus.ops.control.LatencyHistogram;
import io.argus.ops.control.RequestMetrics;
import io.argus.ops.control.StoreFigures;
import io.argus.platform.control.Database;
import io.argus.platform.control.Rfc3339;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documents of {@code /stats}, {@code /polling} and {@code /monitor}: figures Argus measured
 * about itself (requests from the same histogram as {@code /metrics}, the database pool and
 * statements, caches, the JVM) and what it sees of GPUs.
 */
@ApplicationScoped
public class ServiceReport {

  @Inject
  RequestMetrics requests;

  @Inject
  Caches caches;

  @Inject
  Database database;

  @Inject
  Collector collector;

  @Inject
  Instance<StoreFigures> store;

  @Inject
  ComponentHealth health;

  /** Everything: {@code GET /stats}. */
  public JsonObject stats() {
    return head()
        .add("requests", requests())
        .add("database", database())
        .add("cache", cache())
        .add("system", system())
        .add("collector", collector())
        .add("gpu", gpu(true))
        .build();
  }

  /** The few figures a dashboard polls every second or two: {@code GET /polling}. No health checks run. */
  public JsonObject polling() {
    RequestMetrics.Totals t = requests.totals();
    return head()
        .add("requests", Json.createObjectBuilder()
            .add("total", t.total())
            .add("failed", t.failed())
            .add("in_flight", t.inFlight())
            .add("success_rate", round(t.successRatio())))
        .add("gpu", gpu(false))
        .add("collector", collector())
        .build();
  }

  /** The health of every component with the headline figures: {@code GET /monitor}. */
  public Monitor monitor() {
    List<ComponentHealth.Component> components = health.call();
    ComponentHealth.State state = ComponentHealth.state(components);
    JsonObjectBuilder byName = Json.createObjectBuilder();
    for (ComponentHealth.Component c : components) {
      JsonObjectBuilder data = Json.createObjectBuilder();
      c.data().forEach((k, v) -> {
        if (v instanceof Number n) {
          data.add(k, n.doubleValue() == Math.rint(n.doubleValue()) ? Json.createValue(n.longValue()) : Json.createValue(n.doubleValue()));
        } else if (v instanceof Boolean b) {
          data.add(k, b);
        } else {
          data.add(k, String.valueOf(v));
        }
      });
      byName.add(c.name(), Json.createObjectBuilder()
          .add("status", c.up() ? "UP" : "DOWN")
          .add("required", c.required())
          .add("data", data));
    }
    JsonObject body = head()
        .add("status", state.label())
        .add("components", byName)
        .add("requests", requests())
        .add("gpu", gpu(true))
        .build();
    return new Monitor(state, body);
  }

  /** The monitor document and the state that decides its HTTP status. */
  public record Monitor(ComponentHealth.State state, JsonObject body) {}

  private static JsonObjectBuilder head() {
    return Json.createObjectBuilder()
        .add("service", "argus")
        .add("timestamp", Rfc3339.format(Instant.now()))
        .add("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
  }

  private JsonObjectBuilder requests() {
    RequestMetrics.Totals t = requests.totals();
    LatencyHistogram.Snapshot d = t.durations();
    JsonObjectBuilder durations = Json.createObjectBuilder();
    if (d.count() > 0) {
      durations.add("p50", millis(d.quantile(0.5)))
          .add("p95", millis(d.quantile(0.95)))
          .add("p99", millis(d.quantile(0.99)))
          .add("avg", millis(d.mean()));
    }
    return Json.createObjectBuilder()
        .add("total", t.total())
        .add("failed", t.failed())
        .add("in_flight", t.inFlight())
        .add("success_rate", round(t.successRatio()))
        .add("duration_ms", durations);
  }

  private JsonObjectBuilder database() {
    Database.Queries q = database.queries();
    JsonObjectBuilder db = Json.createObjectBuilder()
        .add("vendor", database.settings().vendor().name().toLowerCase(Locale.ROOT))
        .add("queries", Json.createObjectBuilder().add("total", q.executed()).add("errors", q.failed()));
    database.pool().ifPresent(p -> db.add("pool", Json.createObjectBuilder()
        .add("active", p.active())
        .add("idle", p.idle())
        .add("max", p.max())
        .add("waiting", p.waiting())));
    return db;
  }

  private JsonObjectBuilder cache() {
    Caches.Figures total = caches.total();
    JsonObjectBuilder each = Json.createObjectBuilder();
    for (Map.Entry<String, Caches.Figures> e : caches.figures().entrySet()) {
      each.add(e.getKey(), figures(e.getValue()));
    }
    return figures(total).add("caches", each);
  }

  private static JsonObjectBuilder figures(Caches.Figures f) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("hits", f.hits()).add("misses", f.misses());
    if (f.lookups() > 0) {
      b.add("hit_rate", round(f.hitRatio()));
    }
    return b;
  }

  private static JsonObjectBuilder system() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long collections = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    return Json.createObjectBuilder()
        .add("threads", ManagementFactory.getThreadMXBean().getThreadCount())
        .add("heap_used_bytes", heap.getUsed())
        .add("heap_committed_bytes", heap.getCommitted())
        .add("heap_max_bytes", heap.getMax())
        .add("gc", Json.createObjectBuilder().add("collections", collections).add("time_seconds", gcMillis / 1000.0))
        .add("processors", Runtime.getRuntime().availableProcessors());
  }

  private JsonObjectBuilder collector() {
    CollectorStats.View s = collector.stats();
    JsonObjectBuilder b = Json.createObjectBuilder()
        .add("enabled", collector.enabled())
        .add("interval_seconds", collector.interval().toMillis() / 1000.0)
        .add("cycles", s.cycles())
        .add("skipped_ticks", s.skipped())
        .add("failures", s.failures());
    s.lastSuccess().ifPresent(t -> b.add("last_success", Rfc3339.format(t))
        .add("last_success_age_seconds", Duration.between(t, Instant.now()).toMillis() / 1000.0));
    return b;
  }

  /**
   * This node's GPUs and the store's figures; {@code withHosts} adds the hosts the store knows (a
   * cached count, but a database read now and then, which {@code /polling} promises not to make).
   */
  private JsonObjectBuilder gpu(boolean withHosts) {
    var snapshot = collector.latest();
    JsonObjectBuilder b = Json.createObjectBuilder()
        .add("backend", collector.gpuBackend())
        .add("gpus", snapshot.gpus().gpus().size())
        .add("unreadable_gpus", snapshot.gpus().faults().size());
    if (withHosts && !store.isResolvable()) {
      b.add("hosts", 1); // no store: this node is the only one Argus knows
    }
    b.add("node_id", snapshot.nodeId());
    if (store.isResolvable()) {
      StoreFigures figures = store.get();
      if (withHosts) {
        figures.hostsKnown().ifPresent(n -> b.add("hosts", n));
      }
      b.add("samples_written", figures.samplesWritten()).add("write_backlog", figures.writeBacklog());
    }
    return b;
  }

  private static double millis(double seconds) {
    return Double.isNaN(seconds) ? 0 : Math.round(seconds * 1e6) / 1e3;
  }

  private static double round(double ratio) {
    return Math.round(ratio * 1e6) / 1e6;
  }
}
