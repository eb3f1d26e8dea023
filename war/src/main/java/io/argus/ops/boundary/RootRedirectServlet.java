package io.argus.ops.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The application's root: a redirect to the API documentation (as the original service did), with
 * links to the documentation and the ops console for whoever does not follow redirects.
 */
@WebServlet(name = "argus-root", urlPatterns = "")
public class RootRedirectServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final byte[] BODY = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Argus</title></head>
      <body><p>Argus: <a href="api/docs">API documentation</a> (<a href="api/redoc">ReDoc</a>),
      <a href="console/">ops console</a>, <a href="openapi">OpenAPI document</a>.</p></body></html>
      """.getBytes(StandardCharsets.UTF_8);

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader("Location", request.getContextPath() + DocsPagesServlet.SWAGGER_UI);
    response.setHeader("Link", "<" + request.getContextPath() + "/console/>; rel=\"related\"; title=\"ops console\"");
    response.setContentType("text/html;charset=UTF-8");
    response.setContentLength(BODY.length);
    response.getOutputStream().write(BODY);
  }
}
