package io.argus.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared buckets on a real JCache (the reference implementation), two limiters standing for two nodes. */
class RateLimiterTest {

  private CachingProvider provider;
  private CacheManager manager;

  @BeforeEach
  void cache() {
    provider = Caching.getCachingProvider("org.jsr107.ri.spi.RICachingProvider");
    manager = provider.getCacheManager();
  }

  @AfterEach
  void close() {
    manager.destroyCache(RateLimiter.CACHE);
    provider.close();
  }

  @Test
  void twoNodesOnOneCacheSpendOneBucketAndBothRecoverAfterTheRefill() throws Exception {
    RateLimiter a = RateLimiter.shared(RateLimiter.openIn(manager));
    RateLimiter b = RateLimiter.shared(RateLimiter.openIn(manager));
    RateLimit limit = new RateLimit(3, Duration.ofMillis(600));
    for (int i = 0; i < 3; i++) {
      assertThat(a.take("key:k1", limit).allowed()).isTrue();
    }
    TokenBucket.Decision refused = b.take("key:k1", limit);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    assertThat(a.take("key:k1", limit).allowed()).isFalse();
    assertThat(b.take("key:other", limit).allowed()).as("another key has its own bucket").isTrue();
    Thread.sleep(700);
    assertThat(b.take("key:k1", limit).allowed()).isTrue();
    assertThat(a.take("key:k1", limit).allowed()).isTrue();
    assertThat(a.failure()).isEmpty();
  }

  @Test
  void concurrentTakesOnTwoNodesNeverGrantMoreThanTheBucketHolds() throws Exception {
    RateLimiter[] nodes = {RateLimiter.shared(RateLimiter.openIn(manager)), RateLimiter.shared(RateLimiter.openIn(manager))};
    RateLimit limit = new RateLimit(100, Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        RateLimiter node = nodes[t % 2];
        tasks.add(() -> {
          int allowed = 0;
          for (int i = 0; i < 60; i++) {
            allowed += node.take("key:busy", limit).allowed() ? 1 : 0;
          }
          return allowed;
        });
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        total += f.get();
      }
      assertThat(total).isEqualTo(100);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theCacheIsCreatedOnceAndFoundByTheNextNode() {
    Cache<String, String> first = RateLimiter.openIn(manager);
    first.put("key:x", "1000:0");
    assertThat(RateLimiter.openIn(manager).get("key:x")).isEqualTo("1000:0");
  }

  @Test
  void aFailingStoreIsReportedWhileRequestsAreCountedOnThisNodeAndItsReturnIsSeen() {
    AtomicBoolean down = new AtomicBoolean();
    RateLimiter limiter = RateLimiter.shared(failing(RateLimiter.openIn(manager), down));
    RateLimit limit = new RateLimit(2, Duration.ofHours(1));
    assertThat(limiter.take("key:k", limit).allowed()).isTrue();
    assertThat(limiter.probe()).isEmpty();

    down.set(true);
    assertThat(limiter.take("key:k", limit).allowed()).as("counted locally: a fresh bucket").isTrue();
    assertThat(limiter.failure()).hasValueSatisfying(f -> assertThat(f.error()).contains("grid gone"));
    var since = limiter.failure().orElseThrow().since();
    assertThat(limiter.take("key:k", limit).allowed()).isTrue();
    assertThat(limiter.take("key:k", limit).allowed()).as("the local bucket still limits").isFalse();
    assertThat(limiter.probe()).hasValueSatisfying(f -> assertThat(f.since()).isEqualTo(since));

    down.set(false);
    assertThat(limiter.probe()).isEmpty();
    assertThat(limiter.take("key:k", limit).allowed()).as("the shared bucket again: one of two left").isTrue();
    assertThat(limiter.take("key:k", limit).allowed()).isFalse();
  }

  @SuppressWarnings("unchecked")
  private static Cache<String, String> failing(Cache<String, String> real, AtomicBoolean down) {
    return (Cache<String, String>) Proxy.newProxyInstance(Cache.class.getClassLoader(), new Class<?>[] {Cache.class},
        (proxy, method, args) -> {
          if (down.get()) {
            throw new CacheException("grid gone");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
