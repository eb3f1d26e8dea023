package io.argus.ops.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code /api/docs} (Swagger UI) and {@code /api/redoc} (ReDoc) on the server's {@code /openapi}.
 * Exact mappings, so they win over the REST application's {@code /api/*}; the pages themselves are
 * kept under {@code WEB-INF} so that they have one address each.
 */
@WebServlet(name = "argus-docs-pages", urlPatterns = {DocsPagesServlet.SWAGGER_UI, DocsPagesServlet.REDOC})
public class DocsPagesServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String SWAGGER_UI = "/api/docs";
  static final String REDOC = "/api/redoc";
  private static final Map<String, String> PAGES = Map.of(
      SWAGGER_UI, "/WEB-INF/docs/swagger-ui.html",
      REDOC, "/WEB-INF/docs/redoc.html");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String page = PAGES.get(request.getServletPath());
    try (InputStream in = page == null ? null : getServletContext().getResourceAsStream(page)) {
      if (in == null) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Cache-Control", "no-cache");
      in.transferTo(response.getOutputStream());
    }
  }
}
