package io.argus.security.control;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token-bucket policy: up to {@code capacity} requests at once, refilled evenly so that
 * {@code capacity} more are allowed every {@code period}. Written {@code 600/1m}, {@code 20/5s},
 * {@code 10000/1h}, or {@code unlimited}.
 */
public record RateLimit(long capacity, Duration period) {

  private static final Pattern TEXT = Pattern.compile("([0-9]{1,9})\\s*/\\s*([0-9]{0,6})(ms|s|m|h)");

  public static Optional<RateLimit> parse(String key, String text) {
    String t = text == null ? "" : text.trim();
    if (t.equalsIgnoreCase("unlimited")) {
      return Optional.empty();
    }
    Matcher m = TEXT.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(key + " must be <requests>/<period> such as 600/1m, or unlimited; got '" + t + "'");
    }
    long count = Long.parseLong(m.group(1));
    long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
    Duration period = switch (m.group(3)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
    if (count < 1 || period.isZero()) {
      throw new IllegalArgumentException(key + " must allow at least one request in a period longer than zero");
    }
    return Optional.of(new RateLimit(count, period));
  }

  /** Nanoseconds for one token to come back. */
  long nanosPerToken() {
    return Math.max(1, period.toNanos() / capacity);
  }

  /** {@code RateLimit-Policy} text: {@code 600;w=60}. */
  public String policy() {
    return capacity + ";w=" + Math.max(1, period.toSeconds());
  }
}
