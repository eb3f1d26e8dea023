package io.argus.telemetry.control;

import io.argus.ops.control.Caches;
import io.argus.telemetry.entity.GpuSelector;
import io.argus.telemetry.entity.KnownGpu;
import io.argus.telemetry.entity.Page;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Recent answers of the GPU list, of GPU lookups (by uuid, or by index and hostname) and of the
 * number of hosts, so that dashboards polling the list or {@code /stats} and telemetry queries naming
 * a GPU do not each read the store. An
 * answer is at most {@code argus.cache.gpus.ttl} old; this node's writer clears every answer when it
 * stores a GPU or host that is new or changed, so a new GPU is listed here as soon as its batch is
 * committed, and on other nodes of a cluster within the time to live.
 */
final class GpuCache {

  static final String LIST = "gpu-list";
  static final String LOOKUP = "gpu-lookup";
  static final String HOST_COUNT = "host-count";
  /** GPUs held by each of the two caches at the most (a list page weighs its GPUs, a lookup its matches). */
  static final int MAX_GPUS = 10_000;

  /** The filters and position of one page of the list. */
  record ListKey(Optional<String> hostname, Optional<String> modelName, int limit, Optional<String> cursor) {}

  /** How a GPU was named. */
  record LookupKey(GpuSelector selector, Optional<String> hostname) {}

  private final ExpiringCache<ListKey, Page<KnownGpu>> lists;
  private final ExpiringCache<LookupKey, List<TelemetryReader.StoredGpu>> lookups;
  private final ExpiringCache<Boolean, Long> hostCount;

  private GpuCache(Duration ttl, Caches caches, LongSupplier nanoClock) {
    this.lists = new ExpiringCache<>(ttl, MAX_GPUS, page -> page.items().size(), nanoClock, caches.named(LIST));
    this.lookups = new ExpiringCache<>(ttl, MAX_GPUS, List::size, nanoClock, caches.named(LOOKUP));
    this.hostCount = new ExpiringCache<>(ttl, 1, n -> 1, nanoClock, caches.named(HOST_COUNT));
  }

  private GpuCache() {
    this.lists = null;
    this.lookups = null;
    this.hostCount = null;
  }

  /**
   * Answers up to {@code ttl} old, counted in {@code caches}; {@code PT0S} keeps nothing and counts
   * nothing.
   *
   * @throws IllegalArgumentException for a negative time to live
   */
  static GpuCache of(Duration ttl, Caches caches, LongSupplier nanoClock) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("argus.cache.gpus.ttl must be PT0S (no cache) or longer, got " + ttl);
    }
    return ttl.isZero() ? off() : new GpuCache(ttl, caches, nanoClock);
  }

  /** Every answer read from the store. */
  static GpuCache off() {
    return new GpuCache();
  }

  Page<KnownGpu> list(ListKey key, Supplier<Page<KnownGpu>> load) {
    return lists == null ? load.get() : lists.get(key, load);
  }

  List<TelemetryReader.StoredGpu> lookup(LookupKey key, Supplier<List<TelemetryReader.StoredGpu>> load) {
    return lookups == null ? load.get() : lookups.get(key, load);
  }

  /** The number of hosts the store knows. */
  long hostCount(Supplier<Long> load) {
    return hostCount == null ? load.get() : hostCount.get(Boolean.TRUE, load);
  }

  /** Forgets every answer: the GPUs or hosts of the store changed. */
  void clear() {
    if (lists != null) {
      lists.clear();
      lookups.clear();
      hostCount.clear();
    }
  }
}
