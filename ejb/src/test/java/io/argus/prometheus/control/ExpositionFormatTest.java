package io.argus.prometheus.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpositionFormatTest {

  @Test
  void writesHelpTypeAndSamplesWithFamiliesInNameOrder() {
    MetricFamily requests = MetricFamily.counter("requests_total", "Requests served")
        .add(7, "method", "GET").add(2, "method", "POST").build();
    MetricFamily temperature = MetricFamily.gauge("cpu_temperature_celsius", "CPU temperature")
        .add(54.5).build();

    assertThat(ExpositionFormat.write(List.of(requests, temperature))).isEqualTo("""
        # HELP cpu_temperature_celsius CPU temperature
        # TYPE cpu_temperature_celsius gauge
        cpu_temperature_celsius 54.5
        # HELP requests_total Requests served
        # TYPE requests_total counter
        requests_total{method="GET"} 7
        requests_total{method="POST"} 2
        """);
  }

  @Test
  void labelsAreSortedByNameAndSamplesInNaturalOrder() {
    MetricFamily family = MetricFamily.gauge("x", "h")
        .add(10, "core", "10").add(2, "core", "2").add(1, "core", "1")
        .add(3, "zone", "b", "device", "sda10")
        .add(4, "zone", "a", "device", "sda2")
        .build();

    assertThat(ExpositionFormat.write(List.of(family))).isEqualTo("""
        # HELP x h
        # TYPE x gauge
        x{core="1"} 1
        x{core="2"} 2
        x{core="10"} 10
        x{device="sda2",zone="a"} 4
        x{device="sda10",zone="b"} 3
        """);
  }

  @Test
  void escapesBackslashQuoteAndNewlineInLabelValuesAndBackslashNewlineInHelp() {
    MetricFamily family = MetricFamily.gauge("filesystem_size_bytes",
            "Size of C:\\ drives\nand \"others\"")
        .add(1, "mountpoint", "C:\\data \"quoted\"\nnext")
        .build();

    assertThat(ExpositionFormat.write(List.of(family))).isEqualTo("""
        # HELP filesystem_size_bytes Size of C:\\\\ drives\\nand "others"
        # TYPE filesystem_size_bytes gauge
        filesystem_size_bytes{mountpoint="C:\\\\data \\"quoted\\"\\nnext"} 1
        """);
  }

  @Test
  void familiesWithoutSamplesAreLeftOut() {
    MetricFamily empty = MetricFamily.gauge("cpu_percent_total", "CPU busy").build();

    assertThat(ExpositionFormat.write(List.of(empty))).isEmpty();
  }

  @Test
  void writesASummaryWithItsQuantilesInOrderThenSumAndCount() {
    MetricFamily durations = MetricFamily.summary("job_duration_seconds", "Job durations")
        .summary(new double[] {0.99, 0.5}, new double[] {2.5, 0.5}, 6, 4, "queue", "b")
        .summary(new double[] {0.5}, new double[] {1}, 1, 1, "queue", "a")
        .build();

    assertThat(ExpositionFormat.write(List.of(durations))).isEqualTo("""
        # HELP job_duration_seconds Job durations
        # TYPE job_duration_seconds summary
        job_duration_seconds{quantile="0.5",queue="a"} 1
        job_duration_seconds_sum{queue="a"} 1
        job_duration_seconds_count{queue="a"} 1
        job_duration_seconds{quantile="0.5",queue="b"} 0.5
        job_duration_seconds{quantile="0.99",queue="b"} 2.5
        job_duration_seconds_sum{queue="b"} 6
        job_duration_seconds_count{queue="b"} 4
        """);
  }

  @Test
  void aSummarySampleWithoutQuantileOrWithBucketsIsRejected() {
    assertThatThrownBy(() -> MetricFamily.summary("s", "h").add(1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantile");
    assertThatThrownBy(() -> new MetricFamily("s", MetricType.SUMMARY, "h",
        List.of(new Sample(new java.util.TreeMap<>(java.util.Map.of("le", "1")), 1, "_bucket"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no buckets");
  }

  @Test
  void formatsSpecialValuesTheWayPrometheusParsesThem() {
    assertThat(ExpositionFormat.formatValue(Double.NaN)).isEqualTo("NaN");
    assertThat(ExpositionFormat.formatValue(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(ExpositionFormat.formatValue(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void formatsIntegersWithoutExponentOrFraction() {
    assertThat(ExpositionFormat.formatValue(0)).isEqualTo("0");
    assertThat(ExpositionFormat.formatValue(-0.0)).isEqualTo("0");
    assertThat(ExpositionFormat.formatValue(-3)).isEqualTo("-3");
    assertThat(ExpositionFormat.formatValue(25_276_026_880.0)).isEqualTo("25276026880");
    assertThat(ExpositionFormat.formatValue(1e15)).isEqualTo("1000000000000000");
    assertThat(ExpositionFormat.formatValue(9_007_199_254_740_993L)).isEqualTo("9007199254740992");
  }

  @Test
  void formatsFractionsInTheShortestPlainForm() {
    assertThat(ExpositionFormat.formatValue(45.5)).isEqualTo("45.5");
    assertThat(ExpositionFormat.formatValue(0.1)).isEqualTo("0.1");
    assertThat(ExpositionFormat.formatValue(2596.154)).isEqualTo("2596.154");
    assertThat(ExpositionFormat.formatValue(12_345_678.9)).isEqualTo("12345678.9");
    assertThat(ExpositionFormat.formatValue(0.00025)).isEqualTo("0.00025");
    assertThat(ExpositionFormat.formatValue(9653.880000000001)).isEqualTo("9653.880000000001");
  }

  @Test
  void usesAnExponentOnlyForExtremeMagnitudes() {
    assertThat(ExpositionFormat.formatValue(1.5e-7)).isEqualTo("1.5e-07");
    assertThat(ExpositionFormat.formatValue(-2e-5)).isEqualTo("-2e-05");
    assertThat(ExpositionFormat.formatValue(1e19)).isEqualTo("1e+19");
    assertThat(ExpositionFormat.formatValue(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(Double.parseDouble(ExpositionFormat.formatValue(Double.MIN_VALUE)))
        .isEqualTo(Double.MIN_VALUE);
  }

  @Test
  void rejectsInvalidNamesAndDuplicates() {
    assertThatThrownBy(() -> MetricFamily.gauge("1cpu", "h").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricFamily.gauge("cpu-percent", "h").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricFamily.gauge("x", "h").add(1, "__name__", "y").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricFamily.gauge("x", "h").add(1, "core-id", "0").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricFamily.gauge("x", "h").add(1, "core").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricFamily.gauge("x", "h").add(1, "a", "0").add(2, "a", "0").build())
        .isInstanceOf(IllegalArgumentException.class);
    MetricFamily once = MetricFamily.gauge("x", "h").add(1).build();
    assertThatThrownBy(() -> ExpositionFormat.write(List.of(once, once)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameInputAlwaysRendersTheSameText() {
    MetricFamily a = MetricFamily.gauge("a", "h").add(1, "k", "v2").add(2, "k", "v1").build();
    MetricFamily b = MetricFamily.gauge("b", "h").add(3).build();

    assertThat(ExpositionFormat.write(List.of(b, a)))
        .isEqualTo(ExpositionFormat.write(List.of(a, b)));
  }
}
