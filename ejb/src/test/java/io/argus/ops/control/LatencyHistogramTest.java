package io.argus.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  /** The bucket bounds (lower, upper] that hold a value, in seconds. */
  private static double[] bucketOf(double seconds) {
    double lower = 0;
    for (double upper : LatencyHistogram.BOUNDS) {
      if (seconds <= upper) {
        return new double[] {lower, upper};
      }
      lower = upper;
    }
    throw new AssertionError();
  }

  @Test
  void quantilesLieInsideTheBucketOfTheTrueQuantileOfInjectedLatencies() {
    Random random = new Random(42);
    long[] nanos = new long[10_000];
    for (int i = 0; i < nanos.length; i++) {
      // mostly fast, a slow tail: 0.2 to 20 ms, one in ten 50 to 900 ms
      nanos[i] = random.nextInt(10) == 0
          ? TimeUnit.MICROSECONDS.toNanos(50_000 + random.nextInt(850_000))
          : TimeUnit.MICROSECONDS.toNanos(200 + random.nextInt(19_800));
    }
    LatencyHistogram h = new LatencyHistogram();
    Arrays.stream(nanos).forEach(h::record);
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    LatencyHistogram.Snapshot s = h.snapshot();
    assertThat(s.count()).isEqualTo(10_000);
    for (double q : new double[] {0.5, 0.9, 0.95, 0.99}) {
      double truth = sorted[(int) Math.ceil(q * sorted.length) - 1] / 1e9;
      double[] bucket = bucketOf(truth);
      assertThat(s.quantile(q)).as("q=%s, true value %s", q, truth).isBetween(bucket[0], bucket[1]);
    }
    assertThat(s.mean()).isCloseTo(Arrays.stream(nanos).average().orElseThrow() / 1e9, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void bucketsAreCumulativeAndTheLastIsEverything() {
    LatencyHistogram h = new LatencyHistogram();
    h.record(TimeUnit.MICROSECONDS.toNanos(500)); // 0.0005 s, first bucket
    h.record(TimeUnit.MILLISECONDS.toNanos(10)); // exactly on the 0.01 bound: counted in it
    h.record(TimeUnit.SECONDS.toNanos(60)); // beyond 10 s: only +Inf
    long[] c = h.snapshot().cumulative();
    assertThat(c[0]).isEqualTo(1);
    assertThat(c[3]).isEqualTo(2);
    assertThat(c[c.length - 2]).isEqualTo(2);
    assertThat(c[c.length - 1]).isEqualTo(3);
    assertThat(h.snapshot().quantile(0.99)).as("a rank in +Inf answers the highest finite bound").isEqualTo(10.0);
  }

  @Test
  void noObservationsMeansNoQuantile() {
    assertThat(new LatencyHistogram().snapshot().quantile(0.5)).isNaN();
    assertThat(new LatencyHistogram().snapshot().mean()).isNaN();
  }
}
