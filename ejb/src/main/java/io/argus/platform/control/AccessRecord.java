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

  private final transient java.util.function.Supplier<String> text;
  private transient String message;

  public AccessRecord(String logger, String json, String requestId, String method, String path, int status,
      double durationMs, Map<String, Object> fields) {
    this(logger, () -> json, requestId, method, path, status, durationMs, fields);
  }

  /**
   * @param text the JSON object the server's text log shows, made only if a text handler asks
   */
  public AccessRecord(String logger, java.util.function.Supplier<String> text, String requestId, String method, String path, int status,
      double durationMs, Map<String, Object> fields) {
    super(Level.INFO, null);
    setLoggerName(logger);
    this.text = text;
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

  @Override
  public synchronized String getMessage() {
    if (message == null) {
      message = text.get();
    }
    return message;
  }

  @Override
  public synchronized void setMessage(String message) {
    this.message = message;
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
