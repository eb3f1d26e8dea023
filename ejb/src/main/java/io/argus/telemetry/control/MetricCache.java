package io.argus.telemetry.control;

import io.argus.ops.control.Caches;
import io.argus.telemetry.entity.Metric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Dictionary entries by the name or alias they were asked for. The dictionary changes only with a
 * migration, that is with a restart, so entries never expire; unknown names are not cached.
 */
@ApplicationScoped
public class MetricCache {

  static final String NAME = "metric-dictionary";
  private static final int MAX_ENTRIES = 10_000;

  @Inject
  Caches caches;

  private final Map<String, Metric> byName = new ConcurrentHashMap<>();

  Metric get(String nameOrAlias, Supplier<Metric> load) {
    Caches.Counter counter = caches.named(NAME);
    Metric cached = byName.get(nameOrAlias);
    if (cached != null) {
      counter.hit();
      return cached;
    }
    counter.miss();
    Metric loaded = load.get();
    loaded.aliases(); // read while the entity is still attached
    if (byName.size() < MAX_ENTRIES) {
      byName.put(nameOrAlias, loaded);
    }
    return loaded;
  }
}
