package io.argus.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The path a request is routed by, for filters that decide by path. The servlet container maps a
 * request by its decoded, normalised path ({@code /health/%2e%2e/stats} reaches {@code /stats}),
 * while {@code getRequestURI()} is the raw text: a decision taken on the raw text can be walked
 * around with dot segments.
 */
public final class RequestPaths {

  private RequestPaths() {}

  /** The decoded, normalised path inside the application, as the container mapped it ({@code /api/v1/sessions}). */
  public static String routed(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }

  /** The path as the client sent it, without the context path. */
  public static String raw(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }

  /**
   * True when the raw path holds a {@code .} or {@code ..} segment, plain or percent-encoded, with
   * or without {@code ;} parameters, or a backslash: paths that the container and JAX-RS (which
   * matches the raw path) may read as two different places. No client of Argus needs to send one.
   */
  public static boolean hasDotSegment(String rawPath) {
    if (rawPath.indexOf('.') < 0 && rawPath.indexOf('%') < 0 && rawPath.indexOf('\\') < 0) {
      return false; // the usual request: nothing to decode or split
    }
    String p = rawPath.toLowerCase(Locale.ROOT);
    if (p.indexOf('\\') >= 0 || p.contains("%5c")) {
      return true;
    }
    p = p.replace("%2e", ".").replace("%2f", "/");
    for (String segment : p.split("/", -1)) {
      int parameters = segment.indexOf(';');
      String name = parameters < 0 ? segment : segment.substring(0, parameters);
      if (name.equals(".") || name.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
