package io.argus.security.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Token buckets per caller, in this node's memory or in a JCache shared by the nodes of a data grid
 * (Payara's Hazelcast), where every node counts against the same bucket by compare and swap. A
 * shared store that fails under a request is not hidden: the request is counted on this node (a
 * rate limit is no reason to refuse service), the failure is logged once and reported by
 * {@link #failure()} until the store answers again, which is logged too.
 */
public final class RateLimiter {

  /** The JCache the shared buckets live in. */
  public static final String CACHE = "argus-rate-limits";
  /** Payara's own cache manager, bound to the server's Hazelcast instance. */
  static final String PAYARA_CACHE_MANAGER = "payara/CacheManager";

  private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
  private static final int MAX_LOCAL_BUCKETS = 100_000;
  private static final int CAS_ATTEMPTS = 16;
  private static final String PROBE_KEY = "argus:probe";

  /** Since when, and with what, the shared store has been failing. */
  public record Failure(String error, Instant since) {}

  private final Map<String, String> local = new ConcurrentHashMap<>();
  private final Cache<String, String> shared;
  private final AtomicReference<Failure> failure = new AtomicReference<>();

  private RateLimiter(Cache<String, String> shared) {
    this.shared = shared;
  }

  public static RateLimiter inMemory() {
    return new RateLimiter(null);
  }

  /** Buckets in this cache, shared with every node that uses the same one. */
  public static RateLimiter shared(Cache<String, String> cache) {
    return new RateLimiter(cache);
  }

  /**
   * The cache {@value #CACHE}, created when no node has yet: from Payara's cache manager (JNDI
   * {@value #PAYARA_CACHE_MANAGER}), or outside Payara from the default JCache provider.
   *
   * @throws IllegalStateException naming the cause when there is no JCache to be had
   */
  public static Cache<String, String> openSharedCache() {
    try {
      CacheManager manager;
      try {
        manager = InitialContext.doLookup(PAYARA_CACHE_MANAGER);
      } catch (NamingException notPayara) {
        manager = Caching.getCachingProvider(RateLimiter.class.getClassLoader()).getCacheManager();
      }
      return openIn(manager);
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("the JCache " + CACHE + " cannot be opened: " + e, e);
    }
  }

  static Cache<String, String> openIn(CacheManager manager) {
    Cache<String, String> cache = manager.getCache(CACHE, String.class, String.class);
    if (cache != null) {
      return cache;
    }
    try {
      // a bucket unused for an hour is full again anyway; dropping it forgets nothing
      return manager.createCache(CACHE, new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class)
          .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_HOUR)));
    } catch (CacheException createdByAnotherNode) {
      cache = manager.getCache(CACHE, String.class, String.class);
      if (cache == null) {
        throw createdByAnotherNode;
      }
      return cache;
    }
  }

  public boolean shared() {
    return shared != null;
  }

  /** The shared store's failure while it lasts; empty when it answered last time, or there is none. */
  public Optional<Failure> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Asks the shared store once (for a health probe, which also sees it come back); then {@link #failure()}. */
  public Optional<Failure> probe() {
    if (shared != null) {
      try {
        shared.containsKey(PROBE_KEY);
        recovered();
      } catch (RuntimeException e) {
        failed(e);
      }
    }
    return failure();
  }

  public TokenBucket.Decision take(String key, RateLimit limit) {
    Instant now = Instant.now();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    if (shared != null) {
      try {
        TokenBucket.Decision d = takeShared(key, limit, nanos);
        recovered();
        return d;
      } catch (RuntimeException e) {
        failed(e);
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

  private void failed(RuntimeException e) {
    if (failure.compareAndSet(null, new Failure(String.valueOf(e), Instant.now()))) {
      LOG.warning("Rate limits: the shared store (JCache " + CACHE + ") failed: " + e
          + "; requests are counted on this node only until it answers again");
    }
  }

  private void recovered() {
    Failure was = failure.get();
    if (was != null && failure.compareAndSet(was, null)) {
      LOG.info("Rate limits: the shared store (JCache " + CACHE + ") answers again after "
          + Duration.between(was.since(), Instant.now()).toSeconds() + " s; limits are shared again");
    }
  }
}
