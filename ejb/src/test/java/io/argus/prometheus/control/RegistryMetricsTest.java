package io.argus.prometheus.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.ingest.control.ExpositionParser;
import io.argus.ingest.entity.ExpositionReport;
import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.Metric;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.junit.jupiter.api.Test;

class RegistryMetricsTest {

  private final Map<MetricID, Metric> metrics = new LinkedHashMap<>();
  private final Map<String, Metadata> metadata = new LinkedHashMap<>();

  private void register(String name, String unit, String description, Metric metric, Tag... tags) {
    metrics.put(new MetricID(name, tags), metric);
    metadata.put(name, Metadata.builder().withName(name).withUnit(unit).withDescription(description).build());
  }

  private String exposition() {
    return ExpositionFormat.write(RegistryMetrics.from(metrics, metadata::get, "application"));
  }

  @Test
  void countersAndGaugesTakeTheServersNamesWithTheScopeLabel() {
    register("argus_telemetry_samples_dropped", MetricUnits.NONE, "", counter(3));
    register("argus_telemetry_buffer_samples", MetricUnits.NONE, "", (Gauge<Long>) () -> 12L);
    register("jobs.done.total", MetricUnits.NONE, "Jobs done", counter(5));
    register("pool.totalConnection", MetricUnits.NONE, "Connections", counter(2));
    register("cache.size", MetricUnits.KILOBYTES, "Cache size", (Gauge<Integer>) () -> 4);
    register("last.run", MetricUnits.MILLISECONDS, "Last run", (Gauge<Long>) () -> 1500L);
    register("queue.fill", MetricUnits.PERCENT, "Queue fill", (Gauge<Double>) () -> 0.25);
    register("work.time", MetricUnits.MILLISECONDS, "Time worked", counter(2500));

    assertThat(exposition()).isEqualTo("""
        # HELP argus_telemetry_buffer_samples\s
        # TYPE argus_telemetry_buffer_samples gauge
        argus_telemetry_buffer_samples{mp_scope="application"} 12
        # HELP argus_telemetry_samples_dropped_total\s
        # TYPE argus_telemetry_samples_dropped_total counter
        argus_telemetry_samples_dropped_total{mp_scope="application"} 3
        # HELP cache_size_bytes Cache size
        # TYPE cache_size_bytes gauge
        cache_size_bytes{mp_scope="application"} 4000
        # HELP jobs_done_total Jobs done
        # TYPE jobs_done_total counter
        jobs_done_total{mp_scope="application"} 5
        # HELP last_run_seconds Last run
        # TYPE last_run_seconds gauge
        last_run_seconds{mp_scope="application"} 1.5
        # HELP pool_totalConnection Connections
        # TYPE pool_totalConnection counter
        pool_totalConnection{mp_scope="application"} 2
        # HELP queue_fill_ratio Queue fill
        # TYPE queue_fill_ratio gauge
        queue_fill_ratio{mp_scope="application"} 0.25
        # HELP work_time_seconds_total Time worked
        # TYPE work_time_seconds_total counter
        work_time_seconds_total{mp_scope="application"} 2.5
        """);
  }

  @Test
  void metricsOfOneNameWithOtherTagsAreOneFamily() {
    Counter a = counter(1);
    Counter b = counter(2);
    metrics.put(new MetricID("uploads", new Tag("kind", "csv")), a);
    metrics.put(new MetricID("uploads", new Tag("kind", "json")), b);
    metadata.put("uploads", Metadata.builder().withName("uploads").build());

    assertThat(exposition()).isEqualTo("""
        # HELP uploads_total\s
        # TYPE uploads_total counter
        uploads_total{kind="csv",mp_scope="application"} 1
        uploads_total{kind="json",mp_scope="application"} 2
        """);
  }

  @Test
  void aTimerIsASummaryInSecondsWithItsQuantilesAndMaximum() {
    register("request.duration", MetricUnits.NANOSECONDS, "Requests", timer(4, Duration.ofMillis(100),
        snapshot(80_000_000, new double[] {0.5, 0.99}, new double[] {10_000_000, 75_000_000})), new Tag("route", "/x"));

    assertThat(exposition()).isEqualTo("""
        # HELP request_duration_seconds Requests
        # TYPE request_duration_seconds summary
        request_duration_seconds{mp_scope="application",quantile="0.5",route="/x"} 0.01
        request_duration_seconds{mp_scope="application",quantile="0.99",route="/x"} 0.075
        request_duration_seconds_sum{mp_scope="application",route="/x"} 0.1
        request_duration_seconds_count{mp_scope="application",route="/x"} 4
        # HELP request_duration_seconds_max Requests
        # TYPE request_duration_seconds_max gauge
        request_duration_seconds_max{mp_scope="application",route="/x"} 0.08
        """);
  }

  @Test
  void aHistogramIsASummaryInItsBaseUnit() {
    register("payload", MetricUnits.KILOBYTES, "Payloads", histogram(2, 6, snapshot(5, new double[] {0.5}, new double[] {1})));

    assertThat(exposition()).isEqualTo("""
        # HELP payload_bytes Payloads
        # TYPE payload_bytes summary
        payload_bytes{mp_scope="application",quantile="0.5"} 1000
        payload_bytes_sum{mp_scope="application"} 6000
        payload_bytes_count{mp_scope="application"} 2
        # HELP payload_bytes_max Payloads
        # TYPE payload_bytes_max gauge
        payload_bytes_max{mp_scope="application"} 5000
        """);
  }

  @Test
  void aGaugeThatCannotBeReadIsLeftOutAndTheRestStays() {
    register("broken", MetricUnits.NONE, "", (Gauge<Long>) () -> {
      throw new IllegalStateException("source gone");
    });
    register("fine", MetricUnits.NONE, "", (Gauge<Long>) () -> 1L);

    assertThat(exposition()).doesNotContain("broken").contains("fine{mp_scope=\"application\"} 1\n");
  }

  @Test
  void theOutputParsesStrictly() {
    register("a.b", MetricUnits.SECONDS, "A \\ help\nwith a line break", counter(1), new Tag("path", "C:\\x \"y\""));
    register("t", MetricUnits.MILLISECONDS, "", timer(1, Duration.ofMillis(5),
        snapshot(5_000_000, new double[] {0.5, 0.75, 0.95, 0.98, 0.99, 0.999}, new double[] {1, 2, 3, 4, 5, 6})));
    register("h", MetricUnits.NONE, "", histogram(0, 0, snapshot(0, new double[] {0.5}, new double[] {0})));

    ExpositionReport report = new ExpositionParser().parse(new StringReader(exposition()), s -> {});
    assertThat(report.errors()).isEmpty();
    assertThat(report.families()).containsKeys("a_b_seconds_total", "t_seconds", "t_seconds_max", "h", "h_max");
  }

  private static Counter counter(long count) {
    return new Counter() {
      @Override
      public void inc() {}

      @Override
      public void inc(long n) {}

      @Override
      public long getCount() {
        return count;
      }
    };
  }

  private static Snapshot snapshot(double max, double[] quantiles, double[] values) {
    return new Snapshot() {
      @Override
      public long size() {
        return values.length;
      }

      @Override
      public double getMax() {
        return max;
      }

      @Override
      public double getMean() {
        return 0;
      }

      @Override
      public PercentileValue[] percentileValues() {
        PercentileValue[] out = new PercentileValue[quantiles.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = new PercentileValue(quantiles[i], values[i]);
        }
        return out;
      }

      @Override
      public HistogramBucket[] bucketValues() {
        return new HistogramBucket[0];
      }

      @Override
      public void dump(java.io.OutputStream output) {}
    };
  }

  private static Timer timer(long count, Duration elapsed, Snapshot snapshot) {
    return new Timer() {
      @Override
      public void update(Duration duration) {}

      @Override
      public <T> T time(java.util.concurrent.Callable<T> event) {
        return null;
      }

      @Override
      public void time(Runnable event) {}

      @Override
      public Context time() {
        return null;
      }

      @Override
      public Duration getElapsedTime() {
        return elapsed;
      }

      @Override
      public long getCount() {
        return count;
      }

      @Override
      public Snapshot getSnapshot() {
        return snapshot;
      }
    };
  }

  private static Histogram histogram(long count, long sum, Snapshot snapshot) {
    return new Histogram() {
      @Override
      public void update(int value) {}

      @Override
      public void update(long value) {}

      @Override
      public long getCount() {
        return count;
      }

      @Override
      public long getSum() {
        return sum;
      }

      @Override
      public Snapshot getSnapshot() {
        return snapshot;
      }
    };
  }
}
