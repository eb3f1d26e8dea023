package io.argus.platform.control;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request a thread is serving: its id (for log lines and problem documents) and the count of
 * requests in flight (for a graceful shutdown that lets them finish).
 */
public final class RequestContext {

  private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

  private RequestContext() {}

  /** Marks the current thread as serving the request with this id until the scope is closed. */
  public static Scope enter(String requestId) {
    String previous = REQUEST_ID.get();
    REQUEST_ID.set(requestId);
    IN_FLIGHT.incrementAndGet();
    return () -> {
      IN_FLIGHT.decrementAndGet();
      if (previous == null) {
        REQUEST_ID.remove();
      } else {
        REQUEST_ID.set(previous);
      }
    };
  }

  public static Optional<String> requestId() {
    return Optional.ofNullable(REQUEST_ID.get());
  }

  public static int inFlight() {
    return IN_FLIGHT.get();
  }

  /** Ends a request's context; never throws. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
