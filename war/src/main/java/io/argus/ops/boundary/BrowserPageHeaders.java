package io.argus.ops.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers of the pages a browser renders (the console, the API documentation, the root):
 * scripts only from this server's files, no framing, no content sniffing, no referrer.
 */
@WebFilter(filterName = "browser-page-headers", asyncSupported = true,
    urlPatterns = {"/console", "/console/*", "/docs/*", "/webjars/*", DocsPagesServlet.SWAGGER_UI, DocsPagesServlet.REDOC})
public class BrowserPageHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The console sets no inline style either; its charts draw on canvas and set styles through the DOM. */
  static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
      + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Swagger UI and ReDoc inject style elements; ReDoc runs its search index in a worker made from a blob. */
  static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
      + " img-src 'self' data:; connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; base-uri 'none';"
      + " form-action 'self'; frame-ancestors 'none'";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    boolean console = path.startsWith("/console");
    response.setHeader("Content-Security-Policy", console ? CONSOLE_POLICY : DOCS_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    chain.doFilter(request, response);
  }
}
