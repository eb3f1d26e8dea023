package io.argus.platform.control;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the request id into every line Argus's own loggers write while serving a request, and masks
 * secrets in every line, when the server's text format writes them. It sits on
 * the {@code io.argus} logger, ahead of the server's handlers, and only amends the record it is
 * given; the server's handlers still format and write it.
 */
public final class RequestLogEnricher extends Handler {

  static final String ROOT_LOGGER = "io.argus";
  private static final String MARK = "request_id";

  /** Attaches one enricher to the {@code io.argus} logger; returns it for {@link #detach}. */
  public static RequestLogEnricher attach() {
    Logger root = Logger.getLogger(ROOT_LOGGER);
    for (Handler h : root.getHandlers()) {
      if (h.getClass().getName().equals(RequestLogEnricher.class.getName())) {
        root.removeHandler(h); // left by an earlier deployment of this application
      }
    }
    RequestLogEnricher enricher = new RequestLogEnricher();
    root.addHandler(enricher);
    return enricher;
  }

  public void detach() {
    Logger.getLogger(ROOT_LOGGER).removeHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getMessage() != null) {
      record.setMessage(Secrets.scrub(record.getMessage()));
    }
    RequestContext.requestId().ifPresent(id -> {
      String message = record.getMessage();
      if (message == null || !message.contains(MARK)) {
        record.setMessage((message == null ? "" : message) + " [" + MARK + "=" + id + "]");
      }
    });
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
