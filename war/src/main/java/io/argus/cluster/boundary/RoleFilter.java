package io.argus.cluster.boundary;

import io.argus.cluster.control.ClusterSettings;
import io.argus.platform.control.RequestContext;
import io.argus.platform.boundary.Problem;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * On a node with {@code argus.role=collector}, answers everything but health and metrics with 404
 * problem+json: a collector on every GPU node must not be an API endpoint (nor a way in) as well.
 */
public class RoleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject
  transient ClusterSettings cluster;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (cluster.role().serves() || servedByCollectors(pathOf(request))) {
      chain.doFilter(request, response);
      return;
    }
    var json = Json.createObjectBuilder().add("type", "about:blank").add("title", "Not Found").add("status", 404)
        .add("detail", "This node is a collector (argus.role=collector): it serves /health and /metrics only;"
            + " ask an API node")
        .add("instance", pathOf(request));
    RequestContext.requestId().ifPresent(id -> json.add("request_id", id));
    byte[] body = json.build().toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(404);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static boolean servedByCollectors(String path) {
    return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics") || path.startsWith("/metrics/");
  }

  /** The decoded, normalised path inside the application (so that /health/../api is /api). */
  private static String pathOf(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }
}
