package io.argus.ops.control;

import io.argus.platform.control.RequestContext;
import io.argus.prometheus.control.MetricFamily;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests Argus served, by route template, method and status class, with a duration
 * histogram per route and method. Labels stay bounded because routes are templates
 * ({@code /api/v1/metrics/{name}}) or servlet mappings, never raw paths. A request is failed when
 * it ended in a 5xx: the server's fault, not the client's.
 */
@ApplicationScoped
public class RequestMetrics {

  private final Map<Route, RouteFigures> routes = new ConcurrentHashMap<>();

  /** Records one finished request. */
  public void record(String route, String method, int status, long durationNanos) {
    Route key = new Route(route, method);
    RouteFigures figures = routes.get(key); // no bin lock on the common path
    if (figures == null) {
      figures = routes.computeIfAbsent(key, r -> new RouteFigures());
    }
    figures.byStatusClass[Math.min(5, Math.max(1, status / 100)) - 1].increment();
    figures.durations.record(durationNanos);
  }

  /** Totals across routes, for {@code /stats}. */
  public Totals totals() {
    long total = 0;
    long failed = 0;
    LatencyHistogram.Snapshot all = LatencyHistogram.Snapshot.empty();
    for (RouteFigures f : routes.values()) {
      for (LongAdder n : f.byStatusClass) {
        total += n.sum();
      }
      failed += f.byStatusClass[4].sum();
      all = all.plus(f.durations.snapshot());
    }
    return new Totals(total, failed, RequestContext.inFlight(), all);
  }

  /** The request families for {@code /metrics}. */
  public List<MetricFamily> families() {
    MetricFamily.Builder requests = MetricFamily.counter("argus_http_requests_total",
        "HTTP requests served, by route template, method and status class");
    MetricFamily.Builder failed = MetricFamily.counter("argus_http_requests_failed_total",
        "HTTP requests that ended in a 5xx status, by route template and method");
    MetricFamily.Builder durations = MetricFamily.histogram("argus_http_request_duration_seconds",
        "Time from the request's arrival to its response, by route template and method");
    List<Map.Entry<Route, RouteFigures>> entries = new ArrayList<>(routes.entrySet());
    for (Map.Entry<Route, RouteFigures> e : entries) {
      Route r = e.getKey();
      RouteFigures f = e.getValue();
      for (int c = 0; c < f.byStatusClass.length; c++) {
        long n = f.byStatusClass[c].sum();
        if (n > 0) {
          requests.add(n, "route", r.template(), "method", r.method(), "status", (c + 1) + "xx");
        }
      }
      failed.add(f.byStatusClass[4].sum(), "route", r.template(), "method", r.method());
      LatencyHistogram.Snapshot s = f.durations.snapshot();
      durations.histogram(LatencyHistogram.BOUNDS, s.cumulative(), s.sumSeconds(), "route", r.template(), "method",
          r.method());
    }
    Totals totals = totals();
    List<MetricFamily> out = new ArrayList<>();
    out.add(requests.build());
    out.add(failed.build());
    out.add(durations.build());
    out.add(MetricFamily.gauge("argus_http_requests_in_flight", "HTTP requests being served now")
        .add(totals.inFlight()).build());
    MetricFamily.Builder success = MetricFamily.gauge("argus_http_requests_success_ratio",
        "Share of the requests served since start that did not end in a 5xx (0 to 1)");
    if (totals.total() > 0) {
      success.add(totals.successRatio());
    }
    out.add(success.build());
    return out;
  }

  /** All routes together. */
  public record Totals(long total, long failed, int inFlight, LatencyHistogram.Snapshot durations) {
    /** 1 when nothing was served yet. */
    public double successRatio() {
      return total == 0 ? 1.0 : (total - failed) / (double) total;
    }
  }

  private record Route(String template, String method) {}

  private static final class RouteFigures {
    final LongAdder[] byStatusClass = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    final LatencyHistogram durations = new LatencyHistogram();
  }
}
