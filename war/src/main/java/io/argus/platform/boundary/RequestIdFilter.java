package io.argus.platform.boundary;

import io.argus.ops.control.RequestMetrics;
import io.argus.platform.control.AccessRecord;
import io.argus.platform.control.RequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every request gets an id (the caller's {@code X-Request-ID} when it sends a safe one), carried in
 * the response header and in every log line written while serving it; when it ends it is counted
 * in the request metrics under its route template and written as one access log line.
 */
@WebFilter(filterName = "request-id", urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final Logger ACCESS = Logger.getLogger("io.argus.access");
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  @Inject
  transient RequestMetrics metrics;

  @Inject
  @ConfigProperty(name = "argus.metrics.requests", defaultValue = "true")
  transient boolean countRequests;

  @Inject
  @ConfigProperty(name = "argus.log.access", defaultValue = "true")
  transient boolean logAccess;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
    response.setHeader(RequestIds.HEADER, requestId);
    long started = System.nanoTime();
    String route = null;
    boolean escaped = true;
    try (RequestContext.Scope ignored = RequestContext.enter(requestId, request.getMethod(), request.getRequestURI())) {
      try {
        chain.doFilter(request, response);
        escaped = false;
      } finally {
        route = RequestContext.current().flatMap(RequestContext.Current::route).orElse(null);
      }
    } finally {
      long nanos = System.nanoTime() - started;
      // an exception that leaves the chain becomes a 500 after this filter has run
      int status = escaped ? 500 : response.getStatus();
      String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
      String template = route != null ? route : servletRoute(request);
      if (countRequests) {
        metrics.record(template, method, status, nanos);
      }
      if (logAccess && ACCESS.isLoggable(Level.INFO)) {
        logAccess(request, requestId, status, nanos / 1e6, template);
      }
    }
  }

  private static void logAccess(HttpServletRequest request, String requestId, int status, double durationMs, String route) {
    AccessLogLine line = new AccessLogLine(
        request.getMethod(),
        request.getRequestURI(),
        status,
        request.getRemoteAddr(),
        durationMs,
        request.getHeader("User-Agent"),
        // a copy: the server recycles the request once it is answered, and a text handler may format later
        request.getParameterMap().isEmpty() ? Map.of() : Map.copyOf(request.getParameterMap()),
        requestId);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("route", route);
    fields.put("client_ip", request.getRemoteAddr());
    fields.put("user_agent", request.getHeader("User-Agent"));
    Map<String, String> query = line.maskedQuery();
    if (!query.isEmpty()) {
      fields.put("query", query);
    }
    ACCESS.log(new AccessRecord(ACCESS.getName(), line::toJson, requestId, request.getMethod(), request.getRequestURI(),
        status, durationMs, fields));
  }

  /** The servlet mapping that served a request outside JAX-RS: a pattern, so the label stays bounded. */
  static String servletRoute(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null || mapping.getPattern() == null || mapping.getPattern().isEmpty()) {
      return "/";
    }
    return mapping.getPattern();
  }
}
