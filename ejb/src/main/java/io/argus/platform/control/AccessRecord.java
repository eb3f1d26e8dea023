package io.argus.platform.control;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The access-log record of one request: its message is the JSON object the server's text log
 * shows; the fields are what {@link JsonLogHandler} puts on the JSON line.
 */
public final class AccessRecord extends LogRecord {

  private static final long serialVersionUID = 1L;

  private final String requestId;
  private final String method;
  private final String path;
  private final int status;
  private final double durationMs;
  private final transient Map<String, Object> fields;

  public AccessRecord(String logger, String json, String requestId, String method, String path, int status,
      double durationMs, Map<String, Object> fields) {
    super(Level.INFO, json);
    setLoggerName(logger);
    this.requestId = requestId;
    this.method = method;
    this.path = path;
    this.status = status;
    this.durationMs = durationMs;
    java.util.Map<String, Object> present = new java.util.LinkedHashMap<>();
    fields.forEach((k, v) -> {
      if (v != null) {
        present.put(k, v);
      }
    });
    this.fields = java.util.Collections.unmodifiableMap(present);
  }

  public String requestId() {
    return requestId;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public int status() {
    return status;
  }

  public double durationMs() {
    return durationMs;
  }

  /** Further fields (client IP, user agent, route, the query with secrets masked). */
  public Map<String, Object> fields() {
    return fields;
  }
}
