package io.argus.session.control;

import io.argus.platform.control.DependencyUnavailable;
import io.argus.session.entity.RangeSeries;
import io.argus.session.entity.TimeWindow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one-row summary the original monitoring service wrote ({@code metrics_summary.csv}): request
 * throughput, CPU and GPU utilisation and latency percentiles averaged over the window, each
 * narrowed to the session. A quantity without data is an empty cell.
 */
public final class CompatibilitySummary {

  /** The columns after run_id, session_id, from and to, in the original's order. */
  public static final List<String> COLUMNS =
      List.of("throughput_qps", "cpu_util_avg_pct", "gpu_util_avg_pct", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms");

  private final PrometheusClient prometheus;

  public CompatibilitySummary(PrometheusClient prometheus) {
    this.prometheus = prometheus;
  }

  /** The PromQL of each column; GPU utilisation falls back from vLLM's cache usage to DCGM. */
  static Map<String, List<String>> queries(String sessionId) {
    String s = "session=" + PrometheusClient.quote(sessionId);
    var q = new LinkedHashMap<String, List<String>>();
    q.put("throughput_qps", List.of("sum(rate(vllm:request_success_total{" + s + "}[1m]))"));
    q.put("cpu_util_avg_pct", List.of("100 * (1 - avg(rate(node_cpu_seconds_total{mode=\"idle\"," + s + "}[1m])))"));
    q.put("gpu_util_avg_pct", List.of("avg(vllm:gpu_cache_usage_perc{" + s + "})", "avg(DCGM_FI_DEV_GPU_UTIL{" + s + "})"));
    for (String p : List.of("50", "95", "99")) {
      q.put("latency_p" + p + "_ms",
          List.of("1000 * histogram_quantile(0." + p + ", sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket{" + s + "}[1m])))"));
    }
    return q;
  }

  /** Column → average over the window, absent where no query of the column returned a number. */
  public Map<String, Optional<Double>> compute(String baseUrl, String sessionId, TimeWindow window, Duration step) {
    var futures = new LinkedHashMap<String, List<CompletableFuture<List<RangeSeries>>>>();
    queries(sessionId).forEach((column, exprs) -> futures.put(column,
        exprs.stream().map(e -> prometheus.queryRangeAsync(baseUrl, e, window.start(), window.end(), step)).toList()));
    var out = new LinkedHashMap<String, Optional<Double>>();
    futures.forEach((column, candidates) -> {
      Optional<Double> value = Optional.empty();
      for (CompletableFuture<List<RangeSeries>> f : candidates) {
        value = mean(join(f));
        if (value.isPresent()) {
          break;
        }
      }
      out.put(column, value);
    });
    return out;
  }

  static Optional<Double> mean(List<RangeSeries> series) {
    double sum = 0;
    long n = 0;
    for (RangeSeries s : series) {
      for (String v : s.values()) {
        double d = Double.parseDouble(v.replace("Inf", "Infinity"));
        if (Double.isFinite(d)) {
          sum += d;
          n++;
        }
      }
    }
    return n == 0 ? Optional.empty() : Optional.of(sum / n);
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof DependencyUnavailable d) {
        throw d;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
