package io.argus.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.prometheus.control.ExpositionFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

  @Test
  void countsByRouteMethodAndStatusClassWithAHistogramPerRoute() {
    RequestMetrics m = new RequestMetrics();
    m.record("/api/v1/metrics/{name}", "GET", 200, TimeUnit.MILLISECONDS.toNanos(3));
    m.record("/api/v1/metrics/{name}", "GET", 404, TimeUnit.MILLISECONDS.toNanos(1));
    m.record("/api/v1/metrics/{name}", "GET", 503, TimeUnit.MILLISECONDS.toNanos(200));

    String text = ExpositionFormat.write(m.families());
    assertThat(text).contains(
        "# TYPE argus_http_requests_total counter\n",
        "argus_http_requests_total{method=\"GET\",route=\"/api/v1/metrics/{name}\",status=\"2xx\"} 1\n",
        "argus_http_requests_total{method=\"GET\",route=\"/api/v1/metrics/{name}\",status=\"4xx\"} 1\n",
        "argus_http_requests_total{method=\"GET\",route=\"/api/v1/metrics/{name}\",status=\"5xx\"} 1\n",
        "argus_http_requests_failed_total{method=\"GET\",route=\"/api/v1/metrics/{name}\"} 1\n",
        "# TYPE argus_http_request_duration_seconds histogram\n",
        "argus_http_request_duration_seconds_bucket{le=\"0.001\",method=\"GET\",route=\"/api/v1/metrics/{name}\"} 1\n",
        "argus_http_request_duration_seconds_bucket{le=\"0.005\",method=\"GET\",route=\"/api/v1/metrics/{name}\"} 2\n",
        "argus_http_request_duration_seconds_bucket{le=\"0.25\",method=\"GET\",route=\"/api/v1/metrics/{name}\"} 3\n",
        "argus_http_request_duration_seconds_bucket{le=\"+Inf\",method=\"GET\",route=\"/api/v1/metrics/{name}\"} 3\n",
        "argus_http_request_duration_seconds_sum{method=\"GET\",route=\"/api/v1/metrics/{name}\"} 0.204\n",
        "argus_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/metrics/{name}\"} 3\n");
    // buckets in bound order, then sum, then count
    assertThat(text.indexOf("le=\"0.0025\"")).isLessThan(text.indexOf("le=\"0.01\""));
    assertThat(text.indexOf("le=\"+Inf\"")).isLessThan(text.indexOf("_sum{"));
    assertThat(text).doesNotContain("_total_total");

    RequestMetrics.Totals t = m.totals();
    assertThat(t.total()).isEqualTo(3);
    assertThat(t.failed()).isEqualTo(1);
    assertThat(t.successRatio()).isEqualTo(2 / 3.0);
  }

  @Test
  void aServiceThatServedNothingHasNoRatioYet() {
    String text = ExpositionFormat.write(new RequestMetrics().families());
    assertThat(text).doesNotContain("argus_http_requests_success_ratio").contains("argus_http_requests_in_flight ");
  }
}
