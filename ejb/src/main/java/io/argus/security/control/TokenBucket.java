package io.argus.security.control;

/**
 * The arithmetic of one token bucket, free of storage: a state in, the decision and the next state
 * out. Tokens are kept in thousandths so that slow refill rates do not round away. The state is a
 * short text ({@code tokens:nanos}) so that a clustered cache compares and swaps it without having
 * to load any class of ours.
 */
public final class TokenBucket {

  private static final long SCALE = 1000;

  private TokenBucket() {}

  /** The outcome for one request. */
  public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds, String nextState) {}

  public static Decision take(RateLimit limit, String state, long nowNanos) {
    long capacity = limit.capacity() * SCALE;
    long perToken = limit.nanosPerToken();
    long tokens = capacity;
    long at = nowNanos;
    if (state != null) {
      int colon = state.indexOf(':');
      tokens = Long.parseLong(state.substring(0, colon));
      at = Long.parseLong(state.substring(colon + 1));
      long elapsed = Math.max(0, nowNanos - at);
      long refill = elapsed >= perToken * limit.capacity() ? capacity : elapsed * SCALE / perToken;
      tokens = Math.min(capacity, tokens + refill);
      at = nowNanos;
    }
    boolean allowed = tokens >= SCALE;
    if (allowed) {
      tokens -= SCALE;
    }
    long missingForOne = allowed ? 0 : SCALE - tokens;
    long retryNanos = missingForOne * perToken / SCALE;
    long fullNanos = (capacity - tokens) * perToken / SCALE;
    return new Decision(allowed, limit.capacity(), tokens / SCALE, ceilSeconds(fullNanos),
        allowed ? 0 : Math.max(1, ceilSeconds(retryNanos)), tokens + ":" + at);
  }

  private static long ceilSeconds(long nanos) {
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
