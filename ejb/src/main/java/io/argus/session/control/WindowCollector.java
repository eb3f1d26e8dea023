package io.argus.session.control;

import io.argus.session.entity.RangeSeries;
import io.argus.session.entity.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Reads every series of a session over a window: lists them with {@code /api/v1/series} on the
 * session label, then runs one range query per metric name and window slice, a few at a time.
 */
public final class WindowCollector {

  /** Prometheus refuses more than 11,000 points a series in one range query. */
  static final int MAX_POINTS_PER_QUERY = 10_000;

  private final PrometheusClient prometheus;
  private final int concurrency;

  public WindowCollector(PrometheusClient prometheus, int concurrency) {
    this.prometheus = prometheus;
    this.concurrency = Math.max(1, concurrency);
  }

  /** The session's series over the window, sorted by metric name and labels. */
  public List<RangeSeries> collect(String baseUrl, String sessionId, TimeWindow window, Duration step) {
    Map<String, String> session = Map.of("session", sessionId);
    var names = new TreeSet<String>();
    for (Map<String, String> labels : prometheus.series(baseUrl, PrometheusClient.selector(session), window.start(), window.end())) {
      names.add(labels.getOrDefault("__name__", ""));
    }
    names.remove("");
    List<Instant[]> slices = slices(window, step);
    var permits = new Semaphore(concurrency);
    var pending = new ArrayList<CompletableFuture<List<RangeSeries>>>();
    try {
      for (String name : names) {
        String query = PrometheusClient.selector(Map.of("__name__", name, "session", sessionId));
        for (Instant[] slice : slices) {
          permits.acquire();
          pending.add(prometheus.queryRangeAsync(baseUrl, query, slice[0], slice[1], step).whenComplete((r, e) -> permits.release()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pending.forEach(f -> f.cancel(true));
      throw new IllegalStateException("interrupted while collecting", e);
    }
    var merged = new TreeMap<String, List<RangeSeries>>();
    for (CompletableFuture<List<RangeSeries>> f : pending) {
      for (RangeSeries s : join(f)) {
        merged.computeIfAbsent(key(s.labels()), k -> new ArrayList<>()).add(s);
      }
    }
    var out = new ArrayList<RangeSeries>(merged.size());
    merged.values().forEach(parts -> out.add(concat(parts)));
    out.sort(Comparator.comparing(RangeSeries::metric).thenComparing(s -> key(s.labels())));
    return out;
  }

  /**
   * The window cut into slices of at most {@link #MAX_POINTS_PER_QUERY} points; each slice starts
   * one step after the previous one ended, so no point is read twice.
   */
  static List<Instant[]> slices(TimeWindow window, Duration step) {
    var out = new ArrayList<Instant[]>();
    Duration span = step.multipliedBy(MAX_POINTS_PER_QUERY - 1);
    Instant from = window.start();
    while (!from.isAfter(window.end())) {
      Instant to = from.plus(span);
      if (to.isAfter(window.end())) {
        to = window.end();
      }
      out.add(new Instant[] {from, to});
      from = to.plus(step);
    }
    return out;
  }

  static String key(Map<String, String> labels) {
    return PrometheusClient.selector(labels);
  }

  private static RangeSeries concat(List<RangeSeries> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    parts.sort(Comparator.comparingLong(p -> p.size() == 0 ? Long.MAX_VALUE : p.timestamps()[0]));
    int n = parts.stream().mapToInt(RangeSeries::size).sum();
    long[] ts = new long[n];
    String[] vs = new String[n];
    int i = 0;
    for (RangeSeries p : parts) {
      System.arraycopy(p.timestamps(), 0, ts, i, p.size());
      System.arraycopy(p.values(), 0, vs, i, p.size());
      i += p.size();
    }
    return new RangeSeries(parts.get(0).labels(), ts, vs);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
