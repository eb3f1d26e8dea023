package io.argus.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The web application's error page ({@code WEB-INF/web.xml}): an error outside JAX-RS (a static file
 * that is not there, a servlet's {@code sendError}, an exception that escaped a servlet or filter)
 * answers problem+json too, not the server's HTML page. An exception is a defect of ours: 500 with an
 * error id that is in the log beside the stack trace, never the exception's text.
 */
@WebServlet(name = "argus-error-page", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String PATH = "/WEB-INF/error";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getDispatcherType() != DispatcherType.ERROR) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer c ? c : 500;
    if (failure != null || status >= 500) {
      int failed = Math.max(status, 500);
      String errorId = Problems.logFailure(failure, path);
      Problems.write(response, failed, Problems.reason(failed), Problems.failureDetail(errorId), path, null, errorId);
      return;
    }
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String detail = message != null && !message.toString().isBlank() ? Problems.truncated(message.toString())
        : status == 404 ? "Nothing is at " + path : Problems.reason(status);
    Problems.write(response, status, Problems.reason(status), detail, path, null);
  }
}
