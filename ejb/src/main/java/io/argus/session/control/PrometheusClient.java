package io.argus.session.control;

import io.argus.platform.control.DependencyUnavailable;
import io.argus.session.entity.RangeSeries;
import io.argus.session.entity.ScrapeTarget;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Talks to a session's Prometheus over its HTTP API: readiness, series, range queries, targets.
 * Whatever keeps an answer from arriving (refused, timed out, an error status) is a
 * {@link DependencyUnavailable}, so callers answer 503 rather than write empty results.
 */
public final class PrometheusClient {

  private final HttpClient http;
  private final Duration timeout;

  public PrometheusClient(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(Math.max(1, Math.min(5, timeout.toSeconds()))))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** {@code /-/ready} answers 200 within two seconds. */
  public boolean ready(String baseUrl) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The label sets of every series matching {@code match} that has samples in the window. */
  public List<Map<String, String>> series(String baseUrl, String match, Instant start, Instant end) {
    JsonObject body =
        get(baseUrl, "/api/v1/series", params("match[]", match, "start", seconds(start), "end", seconds(end)));
    var out = new ArrayList<Map<String, String>>();
    for (JsonValue v : data(body).asJsonArray()) {
      out.add(labels(v.asJsonObject()));
    }
    return out;
  }

  /** Runs a range query; the caller keeps the window under Prometheus's 11,000 points a series. */
  public List<RangeSeries> queryRange(String baseUrl, String query, Instant start, Instant end, Duration step) {
    return join(queryRangeAsync(baseUrl, query, start, end, step));
  }

  public CompletableFuture<List<RangeSeries>> queryRangeAsync(
      String baseUrl, String query, Instant start, Instant end, Duration step) {
    String params =
        params("query", query, "start", seconds(start), "end", seconds(end), "step", seconds(step.toMillis()));
    return getAsync(baseUrl, "/api/v1/query_range", params).thenApply(PrometheusClient::matrix);
  }

  /** The active targets. */
  public List<ScrapeTarget> targets(String baseUrl) {
    JsonObject body = get(baseUrl, "/api/v1/targets", params("state", "active"));
    var out = new ArrayList<ScrapeTarget>();
    for (JsonValue v : data(body).asJsonObject().getJsonArray("activeTargets")) {
      JsonObject t = v.asJsonObject();
      Map<String, String> labels = labels(t.getJsonObject("labels"));
      out.add(
          new ScrapeTarget(
              t.getString("scrapePool", labels.getOrDefault("job", "")),
              t.getString("scrapeUrl", ""),
              t.getString("health", "unknown"),
              t.getString("lastError", ""),
              instant(t.getString("lastScrape", null)),
              labels));
    }
    return out;
  }

  static List<RangeSeries> matrix(JsonObject body) {
    JsonObject data = data(body).asJsonObject();
    if (!"matrix".equals(data.getString("resultType", ""))) {
      throw new DependencyUnavailable("Prometheus", "expected a matrix, got " + data.getString("resultType", "nothing"));
    }
    var out = new ArrayList<RangeSeries>();
    for (JsonValue r : data.getJsonArray("result")) {
      JsonObject series = r.asJsonObject();
      JsonArray values = series.getJsonArray("values");
      long[] ts = new long[values.size()];
      String[] vs = new String[values.size()];
      for (int i = 0; i < values.size(); i++) {
        JsonArray point = values.getJsonArray(i);
        ts[i] = point.getJsonNumber(0).bigDecimalValue().movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        vs[i] = point.getString(1);
      }
      out.add(new RangeSeries(labels(series.getJsonObject("metric")), ts, vs));
    }
    return out;
  }

  private static JsonValue data(JsonObject body) {
    if (!"success".equals(body.getString("status", "")) || !body.containsKey("data")) {
      throw new DependencyUnavailable("Prometheus", "answered " + body.getString("status", "?") + ": " + body.getString("error", ""));
    }
    return body.get("data");
  }

  private static Map<String, String> labels(JsonObject object) {
    var out = new TreeMap<String, String>();
    if (object != null) {
      object.forEach((k, v) -> out.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    }
    return out;
  }

  private JsonObject get(String baseUrl, String path, String query) {
    return join(getAsync(baseUrl, path, query));
  }

  private CompletableFuture<JsonObject> getAsync(String baseUrl, String path, String query) {
    URI uri;
    try {
      uri = URI.create(baseUrl + path + "?" + query);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new DependencyUnavailable("Prometheus", "bad URL " + baseUrl + ": " + e.getMessage()));
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                throw new DependencyUnavailable("Prometheus", "no answer from " + baseUrl + path + ": " + describe(cause));
              }
              return read(baseUrl + path, response);
            });
  }

  private static JsonObject read(String what, HttpResponse<InputStream> response) {
    try (InputStream in = response.body(); var reader = Json.createReader(in)) {
      JsonObject body = reader.readObject();
      if (response.statusCode() != 200) {
        throw new DependencyUnavailable(
            "Prometheus", what + " answered " + response.statusCode() + ": " + body.getString("error", body.toString()));
      }
      return body;
    } catch (IOException | JsonParsingException | ClassCastException e) {
      throw new DependencyUnavailable("Prometheus", what + " answered " + response.statusCode() + " with no JSON: " + e.getMessage());
    }
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  static String params(String... pairs) {
    var out = new StringJoiner("&");
    for (int i = 0; i < pairs.length; i += 2) {
      out.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** Seconds since the epoch with millisecond precision, as the API takes them. */
  static String seconds(Instant t) {
    return seconds(t.toEpochMilli());
  }

  static String seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  private static Optional<Instant> instant(String text) {
    if (text == null || text.isEmpty() || text.startsWith("0001-01-01")) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A PromQL selector matching exactly these labels; values are escaped as PromQL string
   * literals, so no label value can break out of its quotes.
   */
  public static String selector(Map<String, String> labels) {
    var out = new StringJoiner(",", "{", "}");
    new TreeMap<>(labels).forEach((k, v) -> out.add(k + "=" + quote(v)));
    return out.toString();
  }

  static String quote(String value) {
    var out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
