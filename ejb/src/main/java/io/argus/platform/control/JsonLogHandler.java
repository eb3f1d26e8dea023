package io.argus.platform.control;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Writes each record of Argus's loggers as one JSON object per line: timestamp (ISO 8601, UTC),
 * level, service, logger, message, the request's id, method, path, status and duration when one is
 * being served, error and stack trace. Secrets are masked. It formats on the thread that logs, so the
 * request a line belongs to is the one that thread serves.
 */
public final class JsonLogHandler extends Handler {

  static final String SERVICE = "argus";
  private static final Formatter MESSAGES = new SimpleFormatter();

  private static final int QUEUE = 16_384;
  // how long a line may wait in the queue for others to share its write(2)
  private static final long WRITE_INTERVAL_MILLIS = 10;

  private final OutputStream out;
  // lines formatted on the logging thread, written by one writer thread in batches, so that a
  // request never waits for a write(2); null when lines are written at once (tests)
  private final BlockingQueue<byte[]> pending;
  private final Thread writer;
  private volatile boolean closed;
  // held so the logger, and with it this handler, outlives every class that names a child of it
  private Logger root;

  /** Writes each line before {@link #publish} returns. */
  public JsonLogHandler(OutputStream out) {
    this(out, false);
  }

  private JsonLogHandler(OutputStream out, boolean background) {
    this.out = background ? new BufferedOutputStream(out, 64 * 1024) : out;
    setLevel(Level.ALL);
    if (background) {
      pending = new ArrayBlockingQueue<>(QUEUE);
      writer = new Thread(this::drain, "argus-json-log");
      writer.setDaemon(true);
      writer.start();
    } else {
      pending = null;
      writer = null;
    }
  }

  private void drain() {
    List<byte[]> batch = new ArrayList<>();
    while (!closed || !pending.isEmpty()) {
      try {
        // the writer never waits on the queue: a waiting consumer makes every offer wake it, one
        // context switch per line; it sleeps instead and takes what gathered meanwhile
        if (pending.drainTo(batch, 4096) == 0) {
          Thread.sleep(WRITE_INTERVAL_MILLIS);
          continue;
        }
        synchronized (this) {
          for (byte[] line : batch) {
            out.write(line);
          }
          if (pending.isEmpty()) {
            out.flush();
          }
        }
      } catch (InterruptedException e) {
        closed = true;
      } catch (IOException e) {
        reportError("cannot write a log line", e, ErrorManager.WRITE_FAILURE);
      } finally {
        batch.clear();
      }
    }
    flush();
  }

  /**
   * Routes the {@code io.argus} loggers to a JSON handler on the process's standard output (the
   * real one, whatever the server did to {@code System.out}) instead of the server's handlers.
   */
  public static JsonLogHandler attach() {
    Logger root = Logger.getLogger(RequestLogEnricher.ROOT_LOGGER);
    for (Handler h : root.getHandlers()) {
      if (h.getClass().getName().equals(JsonLogHandler.class.getName())) {
        root.removeHandler(h); // left by an earlier deployment of this application
      }
    }
    JsonLogHandler handler = new JsonLogHandler(new FileOutputStream(FileDescriptor.out), true);
    handler.root = root;
    root.addHandler(handler);
    root.setUseParentHandlers(false);
    return handler;
  }

  public void detach() {
    Logger root = Logger.getLogger(RequestLogEnricher.ROOT_LOGGER);
    root.removeHandler(this);
    root.setUseParentHandlers(true);
    close();
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    byte[] line = (format(record) + "\n").getBytes(StandardCharsets.UTF_8);
    if (pending != null && !closed && pending.offer(line)) {
      return;
    }
    // written at once: no writer thread, or it is stopping, or it is QUEUE lines behind
    synchronized (this) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        reportError("cannot write a log line", e, ErrorManager.WRITE_FAILURE);
      }
    }
  }

  /** The record as one JSON object, without a line break. */
  public static String format(LogRecord record) {
    JsonLine line = new JsonLine(256)
        .timestamp("timestamp", record.getInstant())
        .field("level", record.getLevel().getName())
        .field("service", SERVICE)
        .field("logger", record.getLoggerName() == null ? "" : record.getLoggerName())
        .field("message", Secrets.scrub(message(record)));
    if (record instanceof AccessRecord access) {
      line.field("request_id", access.requestId())
          .field("method", access.method())
          .field("path", access.path())
          .field("status_code", access.status())
          .field("duration_ms", Math.round(access.durationMs() * 1000) / 1000.0);
      for (Map.Entry<String, Object> extra : access.fields().entrySet()) {
        Object v = extra.getValue();
        if (v instanceof Map<?, ?> map) {
          line.object(extra.getKey(), map);
        } else if (v != null) {
          line.field(extra.getKey(), String.valueOf(v));
        }
      }
    } else {
      RequestContext.current().ifPresent(request -> {
        line.field("request_id", request.requestId());
        request.method().ifPresent(m -> line.field("method", m));
        request.path().ifPresent(p -> line.field("path", p));
      });
    }
    Throwable thrown = record.getThrown();
    if (thrown != null) {
      line.field("error", Secrets.scrub(thrown.toString()));
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      line.field("stack_trace", Secrets.scrub(trace.toString()));
    }
    return line.toString();
  }

  private static String message(LogRecord record) {
    if (record instanceof AccessRecord access) {
      return access.method() + " " + access.path() + " " + access.status();
    }
    String m = MESSAGES.formatMessage(record);
    return m == null ? "" : m;
  }

  @Override
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      // nothing to do about a closed standard output
    }
  }

  /** Writes what is queued and stops the writer thread. */
  @Override
  public void close() {
    closed = true;
    if (writer != null) {
      try {
        writer.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flush();
  }
}
