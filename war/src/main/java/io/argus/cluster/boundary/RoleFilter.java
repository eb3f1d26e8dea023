package io.argus.cluster.boundary;

import io.argus.cluster.control.ClusterSettings;
import io.argus.platform.boundary.Problems;
import io.argus.platform.boundary.RequestPaths;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

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
    if (cluster.role().serves() || servedByCollectors(RequestPaths.routed(request))) {
      chain.doFilter(request, response);
      return;
    }
    Problems.write(response, 404, "Not Found", "This node is a collector (argus.role=collector): it serves /health and"
        + " /metrics only; ask an API node", RequestPaths.routed(request), null);
  }

  static boolean servedByCollectors(String path) {
    return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics") || path.startsWith("/metrics/");
  }
}
