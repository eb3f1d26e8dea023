package io.argus.platform.control;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request a thread is serving: its id, method, path and matched route (for log lines, problem
 * documents and request metrics) and the count of requests in flight (for a graceful shutdown that
 * lets them finish).
 */
public final class RequestContext {

  private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();
  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

  private RequestContext() {}

  /** Marks the current thread as serving the request with this id until the scope is closed. */
  public static Scope enter(String requestId) {
    return enter(requestId, null, null);
  }

  /** Marks the current thread as serving this request until the scope is closed. */
  public static Scope enter(String requestId, String method, String path) {
    Current previous = CURRENT.get();
    CURRENT.set(new Current(requestId, method, path, System.nanoTime()));
    IN_FLIGHT.incrementAndGet();
    return () -> {
      IN_FLIGHT.decrementAndGet();
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  public static Optional<String> requestId() {
    Current c = CURRENT.get();
    return c == null ? Optional.empty() : Optional.of(c.requestId);
  }

  /** The request this thread serves, if any. */
  public static Optional<Current> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Records the route template the request matched (e.g. {@code /api/v1/metrics/{name}}). */
  public static void matchedRoute(String template) {
    Current c = CURRENT.get();
    if (c != null) {
      c.route = template;
    }
  }

  public static int inFlight() {
    return IN_FLIGHT.get();
  }

  /** One request as its log lines and metrics see it; the route is known only once it matched. */
  public static final class Current {
    private final String requestId;
    private final String method;
    private final String path;
    private final long startNanos;
    private volatile String route;

    Current(String requestId, String method, String path, long startNanos) {
      this.requestId = requestId;
      this.method = method;
      this.path = path;
      this.startNanos = startNanos;
    }

    public String requestId() {
      return requestId;
    }

    public Optional<String> method() {
      return Optional.ofNullable(method);
    }

    public Optional<String> path() {
      return Optional.ofNullable(path);
    }

    public Optional<String> route() {
      return Optional.ofNullable(route);
    }

    /** Time since the request arrived. */
    public double elapsedMillis() {
      return (System.nanoTime() - startNanos) / 1e6;
    }
  }

  /** Ends a request's context; never throws. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
