package io.argus.security.control;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * Token buckets per caller. On one node they live in memory; with {@code cluster} they live in
 * Payara's JCache (Hazelcast), so every node of a cluster counts against the same bucket. A cluster
 * store that cannot be reached falls back to memory rather than refusing requests.
 */
public final class RateLimiter {

  private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
  private static final int MAX_LOCAL_BUCKETS = 100_000;
  private static final int CAS_ATTEMPTS = 16;

  private final Map<String, String> local = new ConcurrentHashMap<>();
  private final Cache<String, String> shared;

  private RateLimiter(Cache<String, String> shared) {
    this.shared = shared;
  }

  public static RateLimiter inMemory() {
    return new RateLimiter(null);
  }

  /** Buckets in the cluster's JCache named {@code argus-rate-limits}; in memory when there is none. */
  public static RateLimiter clustered() {
    try {
      CacheManager manager = Caching.getCachingProvider(RateLimiter.class.getClassLoader()).getCacheManager();
      Cache<String, String> cache = manager.getCache("argus-rate-limits", String.class, String.class);
      if (cache == null) {
        cache = manager.createCache("argus-rate-limits", new MutableConfiguration<String, String>()
            .setTypes(String.class, String.class)
            .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(Duration.ONE_HOUR)));
      }
      LOG.info("Rate limits are shared through the cluster's JCache (argus-rate-limits)");
      return new RateLimiter(cache);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "No JCache for shared rate limits; counting on this node only: " + e);
      return inMemory();
    }
  }

  public boolean shared() {
    return shared != null;
  }

  public TokenBucket.Decision take(String key, RateLimit limit) {
    Instant now = Instant.now();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    if (shared != null) {
      try {
        return takeShared(key, limit, nanos);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "JCache unavailable for rate limits; counting locally", e);
      }
    }
    if (local.size() > MAX_LOCAL_BUCKETS) {
      local.clear(); // bounded memory under a flood of client addresses; forgetting only ever allows more
    }
    TokenBucket.Decision[] out = new TokenBucket.Decision[1];
    local.compute(key, (k, state) -> {
      out[0] = TokenBucket.take(limit, state, nanos);
      return out[0].nextState();
    });
    return out[0];
  }

  private TokenBucket.Decision takeShared(String key, RateLimit limit, long nanos) {
    for (int i = 0; i < CAS_ATTEMPTS; i++) {
      String state = shared.get(key);
      TokenBucket.Decision d = TokenBucket.take(limit, state, nanos);
      boolean swapped = state == null ? shared.putIfAbsent(key, d.nextState()) : shared.replace(key, state, d.nextState());
      if (swapped) {
        return d;
      }
    }
    return TokenBucket.take(limit, shared.get(key), nanos); // contended: decide without recording
  }
}
