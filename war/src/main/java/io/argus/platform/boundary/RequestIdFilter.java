package io.argus.platform.boundary;

import io.argus.platform.control.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request gets an id (the caller's {@code X-Request-ID} when it sends a safe one), carried in
 * the response header, in every log line written while serving it, and in one JSON access log line
 * when it ends.
 */
@WebFilter(filterName = "request-id", urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final Logger ACCESS = Logger.getLogger("io.argus.access");

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
    response.setHeader(RequestIds.HEADER, requestId);
    long started = System.nanoTime();
    try (RequestContext.Scope ignored = RequestContext.enter(requestId)) {
      chain.doFilter(request, response);
    } finally {
      if (ACCESS.isLoggable(Level.INFO)) {
        AccessLogLine line = new AccessLogLine(
            request.getMethod(),
            request.getRequestURI(),
            response.getStatus(),
            request.getRemoteAddr(),
            (System.nanoTime() - started) / 1e6,
            request.getHeader("User-Agent"),
            request.getParameterMap(),
            requestId);
        ACCESS.info(line.toJson());
      }
    }
  }
}
