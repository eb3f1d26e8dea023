package io.argus.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long S = 1_000_000_000L;

  @Test
  void aBurstUpToCapacityThenRefusalWithRetryAfterThenRecovery() {
    RateLimit limit = RateLimit.parse("k", "5/10s").orElseThrow();
    String state = null;
    for (int i = 0; i < 5; i++) {
      TokenBucket.Decision d = TokenBucket.take(limit, state, 0);
      assertThat(d.allowed()).isTrue();
      assertThat(d.remaining()).isEqualTo(4 - i);
      state = d.nextState();
    }
    TokenBucket.Decision refused = TokenBucket.take(limit, state, 0);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(2); // one token per 2 s
    assertThat(refused.resetSeconds()).isEqualTo(10);
    assertThat(TokenBucket.take(limit, refused.nextState(), 2 * S).allowed()).isTrue();
    assertThat(TokenBucket.take(limit, refused.nextState(), 60 * S).remaining()).isEqualTo(4); // never above capacity
  }

  @Test
  void slowRatesDoNotRoundAway() {
    RateLimit limit = RateLimit.parse("k", "1/1h").orElseThrow();
    TokenBucket.Decision first = TokenBucket.take(limit, null, 0);
    TokenBucket.Decision early = TokenBucket.take(limit, first.nextState(), 1800 * S);
    assertThat(early.allowed()).isFalse();
    assertThat(early.retryAfterSeconds()).isEqualTo(1800);
    assertThat(TokenBucket.take(limit, early.nextState(), 3600 * S).allowed()).isTrue();
  }

  @Test
  void limitsAreParsedOrRefusedNamingTheKey() {
    assertThat(RateLimit.parse("k", "600/1m")).contains(new RateLimit(600, Duration.ofMinutes(1)));
    assertThat(RateLimit.parse("k", "20/s")).contains(new RateLimit(20, Duration.ofSeconds(1)));
    assertThat(RateLimit.parse("k", "unlimited")).isEmpty();
    assertThat(RateLimit.parse("k", "600/1m").orElseThrow().policy()).isEqualTo("600;w=60");
    assertThatThrownBy(() -> RateLimit.parse("argus.security.rate-limit.reader", "lots")).hasMessageContaining("argus.security.rate-limit.reader");
    assertThatThrownBy(() -> RateLimit.parse("k", "0/1m")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theInMemoryLimiterCountsPerKey() {
    RateLimiter limiter = RateLimiter.inMemory();
    RateLimit limit = new RateLimit(2, Duration.ofHours(1));
    assertThat(limiter.take("a", limit).allowed()).isTrue();
    assertThat(limiter.take("a", limit).allowed()).isTrue();
    assertThat(limiter.take("a", limit).allowed()).isFalse();
    assertThat(limiter.take("b", limit).allowed()).isTrue();
  }
}
