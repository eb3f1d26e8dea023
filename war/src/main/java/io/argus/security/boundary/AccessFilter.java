package io.argus.security.boundary;

import io.argus.platform.boundary.Problems;
import io.argus.platform.boundary.RequestPaths;
import io.argus.platform.control.PayloadTooLarge;
import io.argus.security.control.ApiKeyStore;
import io.argus.security.control.AuditLog;
import io.argus.security.control.RateLimitStore;
import io.argus.security.control.SecuritySettings;
import io.argus.security.control.TokenBucket;
import io.argus.security.entity.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gate every request passes after authentication (mapped in web.xml after the request-id
 * filter): paths that are not normalised (400), CORS, size limits (413 / 414 / 431), rate limits
 * (429), credentials where they are needed (401), and the headers that keep browsers from
 * misreading API responses. Every decision is taken on the path the container routed by. Role checks per
 * operation are {@link RoleCheck}'s.
 */
public class AccessFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String CHALLENGE = "Bearer realm=\"argus\", X-API-Key";
  private static final String EXPOSED = "X-Request-ID, Location, Link, ETag, Deprecation, X-Next-Cursor, Retry-After,"
      + " RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy";

  @Inject
  SecuritySettings settings;

  @Inject
  ApiKeyStore keys;

  @Inject
  RateLimitStore rateLimits;

  /** The path decisions are taken on: the one the container routed by, never the raw text. */
  static String path(HttpServletRequest request) {
    return RequestPaths.routed(request);
  }

  static boolean isHealth(String path) {
    return path.equals("/health") || path.startsWith("/health/") || path.equals("/api/health");
  }

  static boolean isMetrics(String path) {
    return path.equals("/metrics") || path.startsWith("/metrics/");
  }

  /** The console's static files and the API's documentation: the same for everyone, no data in them. */
  static boolean isConsoleOrDocs(String path) {
    return path.isEmpty() || path.equals("/") || path.equals("/favicon.ico") || path.equals("/console") || path.startsWith("/console/")
        || path.startsWith("/api/docs") || path.startsWith("/api/redoc") || path.startsWith("/openapi");
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = path(request);
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (RequestPaths.hasDotSegment(RequestPaths.raw(request))) {
      problem(response, 400, "Bad Request", "The path has '.' or '..' segments (or a backslash); send it normalised,"
          + " as " + path, path, "path");
      return;
    }
    if (path.startsWith("/api/v1/") || isMetrics(path)) {
      // JSON and text only: nothing here may be framed, run scripts or be sniffed as HTML
      response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "no-referrer");
    }
    if (cors(request, response)) {
      return;
    }
    if (isHealth(path)) {
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString();
    if (query != null && query.length() > settings.maxQueryChars()) {
      problem(response, 414, "URI Too Long", "The query string has " + query.length() + " characters; at most "
          + settings.maxQueryChars() + " are accepted (argus.security.max-query-chars)", path, "query");
      return;
    }
    int headerBytes = headerBytes(request);
    if (headerBytes > settings.maxHeaderBytes()) {
      problem(response, 431, "Request Header Fields Too Large", "The request headers have " + headerBytes + " bytes; at most "
          + settings.maxHeaderBytes() + " are accepted (argus.security.max-header-bytes)", path, "headers");
      return;
    }
    long maxBody = isIngest(request, path) ? settings.maxIngestBytes() : settings.maxBodyBytes();
    long length = request.getContentLengthLong();
    if (length > maxBody) {
      drain(request, Math.min(length, DRAIN_LIMIT)); // a client still sending would see a reset instead of the answer
      response.setHeader("Connection", "close");
      problem(response, 413, "Payload too large", "The body has " + length + " bytes; at most " + maxBody
          + " are accepted here", path, "body");
      return;
    }
    Caller caller = caller(request);
    var limit = settings.limitFor(caller);
    if (limit.isPresent()) {
      TokenBucket.Decision d = rateLimits.limiter().take(caller.limitKey(), limit.get());
      response.setHeader("RateLimit-Limit", Long.toString(d.limit()));
      response.setHeader("RateLimit-Remaining", Long.toString(d.remaining()));
      response.setHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
      response.setHeader("RateLimit-Policy", limit.get().policy());
      if (!d.allowed()) {
        response.setHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
        problem(response, 429, "Too Many Requests", "Rate limit of " + limit.get().capacity() + " requests per "
            + limit.get().period().toString().substring(2).toLowerCase(Locale.ROOT) + " exceeded for this "
            + (caller.authenticated() ? "credential" : "address") + "; retry after " + d.retryAfterSeconds() + " s", path, null);
        return;
      }
    }
    Object failure = request.getAttribute(ArgusAuthentication.FAILURE);
    if (failure != null) {
      audit(request, caller, 401);
      response.setHeader("WWW-Authenticate", "Bearer realm=\"argus\", error=\"invalid_token\"");
      problem(response, 401, "Unauthorized", failure.toString(), path, "Authorization");
      return;
    }
    if (caller.role().isEmpty() && !open(path)) {
      audit(request, caller, 401);
      response.setHeader("WWW-Authenticate", CHALLENGE);
      problem(response, 401, "Unauthorized", "This server requires an API key (Authorization: Bearer <key> or X-API-Key)"
          + " or a JWT bearer token", path, "Authorization");
      return;
    }
    chain.doFilter(length < 0 && hasBody(request) ? new LimitedBody(request, maxBody) : request, response);
  }

  private static final long DRAIN_LIMIT = 256L << 20;

  private static void drain(HttpServletRequest request, long bytes) {
    try (var in = request.getInputStream()) {
      byte[] sink = new byte[1 << 16];
      long left = bytes;
      for (int n = in.read(sink); n > 0 && left > 0; n = in.read(sink)) {
        left -= n;
      }
    } catch (IOException gone) {
      // the client stopped sending; the answer still goes out if it can
    }
  }

  /** Paths anyone may read even once keys exist. */
  private boolean open(String path) {
    return (isMetrics(path) && settings.metrics() == SecuritySettings.Exposure.OPEN)
        || (isConsoleOrDocs(path) && settings.console() == SecuritySettings.Exposure.OPEN);
  }

  private static boolean isIngest(HttpServletRequest request, String path) {
    return "POST".equals(request.getMethod()) && (path.equals("/api/v1/telemetry") || path.equals("/api/v1/telemetry/"));
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getHeader("Transfer-Encoding") != null;
  }

  private static int headerBytes(HttpServletRequest request) {
    int total = 0;
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        total += name.length() + value.length() + 4;
      }
    }
    return total;
  }

  /** Answers a CORS preflight, or adds CORS headers for an allowed origin; true when the request is answered. */
  private boolean cors(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String origin = request.getHeader("Origin");
    if (origin == null || settings.corsOrigins().isEmpty()) {
      return false;
    }
    boolean allowed = settings.corsOrigins().contains("*") || settings.corsOrigins().contains(origin);
    boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
    if (!allowed) {
      if (preflight) {
        audit(request, caller(request), 403);
        problem(response, 403, "Forbidden", "Cross-origin requests from this origin are not allowed (argus.security.cors.allowed-origins)",
            path(request), "Origin");
        return true;
      }
      return false;
    }
    response.setHeader("Access-Control-Allow-Origin", settings.corsOrigins().contains("*") ? "*" : origin);
    response.addHeader("Vary", "Origin");
    if (preflight) {
      response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, DELETE, OPTIONS");
      response.setHeader("Access-Control-Allow-Headers", "Authorization, X-API-Key, Content-Type, Idempotency-Key, X-Request-ID, If-None-Match");
      response.setHeader("Access-Control-Max-Age", "600");
      response.setStatus(204);
      return true;
    }
    response.setHeader("Access-Control-Expose-Headers", EXPOSED);
    return false;
  }

  private Caller caller(HttpServletRequest request) {
    return Optional.ofNullable((Caller) request.getAttribute(ArgusAuthentication.CALLER))
        .orElseGet(() -> Caller.anonymous(request.getRemoteAddr(), !keys.keysExist()));
  }

  /** A request turned away here never reaches an operation, so its audit line is written here. */
  private static void audit(HttpServletRequest request, Caller caller, int status) {
    Object ip = request.getAttribute(ArgusAuthentication.CLIENT_IP);
    AuditLog.record(caller, "access." + request.getMethod().toLowerCase(Locale.ROOT), Map.of("path", path(request)), status,
        ip == null ? request.getRemoteAddr() : ip.toString());
  }

  static void problem(HttpServletResponse response, int status, String title, String detail, String path, String parameter)
      throws IOException {
    Problems.write(response, status, title, detail, path, parameter);
  }

  /** A body of unknown length (chunked) that may not grow past the limit. */
  private static final class LimitedBody extends HttpServletRequestWrapper {
    private final long max;

    LimitedBody(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          count(b < 0 ? 0 : 1);
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          count(Math.max(n, 0));
          return n;
        }

        private void count(int n) {
          read += n;
          if (read > max) {
            throw new PayloadTooLarge("The body is larger than " + max + " bytes");
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
