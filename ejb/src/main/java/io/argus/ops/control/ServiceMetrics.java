package io.argus.ops.control;

import io.argus.platform.control.Database;
import io.argus.prometheus.control.MetricFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Argus's database figures as metric families: the pool (when the server shows it), statements run and failed. */
public final class ServiceMetrics {

  private ServiceMetrics() {}

  public static List<MetricFamily> database(Optional<Database.Pool> pool, Database.Queries queries) {
    MetricFamily.Builder active = MetricFamily.gauge("argus_db_pool_active_connections", "Pooled database connections in use");
    MetricFamily.Builder idle = MetricFamily.gauge("argus_db_pool_idle_connections", "Pooled database connections open and idle");
    MetricFamily.Builder max = MetricFamily.gauge("argus_db_pool_max_connections", "The most connections the pool opens");
    MetricFamily.Builder waiting = MetricFamily.gauge("argus_db_pool_waiting_requests", "Requests waiting for a pooled connection");
    pool.ifPresent(p -> {
      active.add(p.active());
      idle.add(p.idle());
      max.add(p.max());
      waiting.add(p.waiting());
    });
    List<MetricFamily> out = new ArrayList<>(List.of(active.build(), idle.build(), max.build(), waiting.build()));
    out.add(MetricFamily.counter("argus_db_queries_total", "SQL statements run against the store").add(queries.executed()).build());
    out.add(MetricFamily.counter("argus_db_query_errors_total", "SQL statements that failed").add(queries.failed()).build());
    return out;
  }
}
