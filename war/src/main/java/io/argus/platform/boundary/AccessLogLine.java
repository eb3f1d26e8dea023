package io.argus.platform.boundary;

import io.argus.platform.control.Secrets;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One request as one JSON object: method, path, status, client IP, duration, user agent, query
 * parameters with every secret masked, request id.
 */
record AccessLogLine(
    String method, String path, int status, String clientIp, double durationMs, String userAgent,
    Map<String, String[]> query, String requestId) {

  static final String MASK = "***";
  // JSON.createObjectBuilder() looks the provider up again on every call; once is enough
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final Pattern SECRET = Pattern.compile(
      "(?i).*(key|token|secret|passw|pwd|auth|credential|signature|session|cookie).*");

  static boolean isSecret(String name) {
    return SECRET.matcher(name).matches();
  }

  /** The query parameters by name, secrets masked and long values cut. */
  Map<String, String> maskedQuery() {
    if (query.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new TreeMap<>();
    new TreeMap<>(query).forEach((name, values) -> {
      String value = isSecret(name) ? MASK : Secrets.scrub(String.join(",", values));
      out.put(name, value.length() > 256 ? value.substring(0, 256) + "…" : value);
    });
    return out;
  }

  String toJson() {
    JsonObjectBuilder q = JSON.createObjectBuilder();
    maskedQuery().forEach(q::add);
    JsonObjectBuilder line = JSON.createObjectBuilder()
        .add("type", "access")
        .add("method", method)
        .add("path", path)
        .add("status_code", status)
        .add("client_ip", clientIp == null ? "" : clientIp)
        .add("duration_ms", Math.round(durationMs * 1000) / 1000.0)
        .add("user_agent", userAgent == null ? "" : userAgent)
        .add("query", q)
        .add("request_id", requestId);
    return line.build().toString();
  }

  static String statusClass(int status) {
    return String.format(Locale.ROOT, "%dxx", status / 100);
  }
}
