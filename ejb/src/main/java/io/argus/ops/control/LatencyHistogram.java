package io.argus.ops.control;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request durations counted into fixed buckets (cumulative counts in the Prometheus sense when
 * read), with their sum, so that quantiles are estimated the way {@code histogram_quantile} does:
 * linearly inside the bucket that holds the rank. An estimate is therefore never outside the
 * bounds of the bucket the true quantile lies in.
 */
public final class LatencyHistogram {

  /** Upper bounds in seconds: 1 ms to 10 s, then +Inf. */
  public static final double[] BOUNDS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, Double.POSITIVE_INFINITY
  };

  private final LongAdder[] counts = new LongAdder[BOUNDS.length];
  private final LongAdder sumNanos = new LongAdder();

  public LatencyHistogram() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  public void record(long nanos) {
    double seconds = Math.max(0, nanos) / 1e9;
    int i = Arrays.binarySearch(BOUNDS, seconds);
    counts[i >= 0 ? i : -i - 1].increment();
    sumNanos.add(Math.max(0, nanos));
  }

  public Snapshot snapshot() {
    long[] cumulative = new long[BOUNDS.length];
    long running = 0;
    for (int i = 0; i < BOUNDS.length; i++) {
      running += counts[i].sum();
      cumulative[i] = running;
    }
    return new Snapshot(cumulative, sumNanos.sum() / 1e9);
  }

  /** Cumulative counts per bound of {@link #BOUNDS}, the sum of all durations in seconds. */
  public record Snapshot(long[] cumulative, double sumSeconds) {

    public static Snapshot empty() {
      return new Snapshot(new long[BOUNDS.length], 0);
    }

    public long count() {
      return cumulative[cumulative.length - 1];
    }

    public Snapshot plus(Snapshot other) {
      long[] sum = new long[BOUNDS.length];
      for (int i = 0; i < sum.length; i++) {
        sum[i] = cumulative[i] + other.cumulative[i];
      }
      return new Snapshot(sum, sumSeconds + other.sumSeconds);
    }

    /** Mean duration in seconds, NaN without observations. */
    public double mean() {
      return count() == 0 ? Double.NaN : sumSeconds / count();
    }

    /**
     * The q-quantile in seconds (0 ≤ q ≤ 1), interpolated inside its bucket as Prometheus does; NaN
     * without observations. A rank in the +Inf bucket answers the highest finite bound.
     */
    public double quantile(double q) {
      long total = count();
      if (total == 0) {
        return Double.NaN;
      }
      double rank = q * total;
      for (int i = 0; i < BOUNDS.length; i++) {
        if (cumulative[i] >= rank && cumulative[i] > 0) {
          if (Double.isInfinite(BOUNDS[i])) {
            return BOUNDS[i - 1];
          }
          double lower = i == 0 ? 0 : BOUNDS[i - 1];
          long below = i == 0 ? 0 : cumulative[i - 1];
          long inBucket = cumulative[i] - below;
          return lower + (BOUNDS[i] - lower) * ((rank - below) / inBucket);
        }
      }
      return BOUNDS[BOUNDS.length - 2];
    }
  }
}
