package io.argus.ops.control;

import io.argus.prometheus.control.MetricFamily;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hits and misses of Argus's in-memory caches, by cache name. A cache asks for its counter once
 * ({@code caches.named("metric-dictionary")}) and counts each lookup on it.
 */
@ApplicationScoped
public class Caches {

  private final Map<String, Counter> byName = new ConcurrentHashMap<>();

  public Counter named(String name) {
    return byName.computeIfAbsent(name, n -> new Counter());
  }

  /** Every cache's figures, by name. */
  public Map<String, Figures> figures() {
    Map<String, Figures> out = new TreeMap<>();
    byName.forEach((name, c) -> out.put(name, new Figures(c.hits.sum(), c.misses.sum())));
    return out;
  }

  /** All caches together. */
  public Figures total() {
    long hits = 0;
    long misses = 0;
    for (Figures f : figures().values()) {
      hits += f.hits();
      misses += f.misses();
    }
    return new Figures(hits, misses);
  }

  public List<MetricFamily> families() {
    MetricFamily.Builder hits = MetricFamily.counter("argus_cache_hits_total", "Cache lookups answered from memory");
    MetricFamily.Builder misses = MetricFamily.counter("argus_cache_misses_total", "Cache lookups that had to read the store");
    MetricFamily.Builder ratio = MetricFamily.gauge("argus_cache_hit_ratio", "Share of lookups answered from memory since start (0 to 1)");
    figures().forEach((name, f) -> {
      hits.add(f.hits(), "cache", name);
      misses.add(f.misses(), "cache", name);
      if (f.lookups() > 0) {
        ratio.add(f.hitRatio(), "cache", name);
      }
    });
    return List.of(hits.build(), misses.build(), ratio.build());
  }

  /** Counts the lookups of one cache. */
  public static final class Counter {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public void hit() {
      hits.increment();
    }

    public void miss() {
      misses.increment();
    }
  }

  /** Hits and misses of a cache since start. */
  public record Figures(long hits, long misses) {
    public long lookups() {
      return hits + misses;
    }

    /** NaN before the first lookup. */
    public double hitRatio() {
      return lookups() == 0 ? Double.NaN : hits / (double) lookups();
    }
  }
}
