package io.argus.telemetry.control;

import io.argus.ops.control.Caches;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Answers kept for a short time to live, least recently used first out once they weigh more than
 * the bound. An answer is as old as the read that produced it: its age counts from before the load
 * started. A load that fails is not kept, and neither is one that started before {@link #clear}, so
 * a clear is never undone by a slow read of the old state.
 */
final class ExpiringCache<K, V> {

  private final long ttlNanos;
  private final int maxWeight;
  private final ToIntFunction<V> weigher;
  private final LongSupplier nanoClock;
  private final Caches.Counter counter;

  private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long weight;
  private long generation;

  private record Entry<V>(V value, long loadedAt, int weight) {}

  /**
   * @param weigher how much an answer weighs (at least 1 is counted), e.g. the GPUs it holds
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
   */
  ExpiringCache(Duration ttl, int maxWeight, ToIntFunction<V> weigher, LongSupplier nanoClock, Caches.Counter counter) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("an expiring cache needs a positive time to live, got " + ttl);
    }
    this.ttlNanos = ttl.toNanos();
    this.maxWeight = maxWeight;
    this.weigher = weigher;
    this.nanoClock = nanoClock;
    this.counter = counter;
  }

  /** The kept answer for the key while it is younger than the time to live, else what load returns. */
  V get(K key, Supplier<V> load) {
    long now = nanoClock.getAsLong();
    long loadGeneration;
    synchronized (this) {
      Entry<V> e = entries.get(key);
      if (e != null && now - e.loadedAt() < ttlNanos) {
        counter.hit();
        return e.value();
      }
      if (e != null) {
        remove(key);
      }
      loadGeneration = generation;
    }
    counter.miss();
    V value = load.get();
    int w = Math.max(1, weigher.applyAsInt(value));
    synchronized (this) {
      if (loadGeneration == generation && w <= maxWeight) {
        Entry<V> replaced = entries.put(key, new Entry<>(value, now, w));
        weight += w - (replaced == null ? 0 : replaced.weight());
        for (Iterator<Map.Entry<K, Entry<V>>> eldest = entries.entrySet().iterator(); weight > maxWeight; ) {
          weight -= eldest.next().getValue().weight();
          eldest.remove();
        }
      }
    }
    return value;
  }

  /** Forgets every answer, including those being read now. */
  synchronized void clear() {
    generation++;
    entries.clear();
    weight = 0;
  }

  /** The answers kept now, expired or not. */
  synchronized int size() {
    return entries.size();
  }

  private void remove(K key) {
    Entry<V> e = entries.remove(key);
    if (e != null) {
      weight -= e.weight();
    }
  }
}
