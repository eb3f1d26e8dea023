package io.argus.ops.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /stats} (every figure), {@code GET /polling} (the few a dashboard polls often, no
 * health checks) and {@code GET /monitor} (every component's health: 200 healthy or degraded, 503
 * when a required component is down).
 */
@WebServlet(name = "argus-observability", urlPatterns = {"/stats", "/polling", "/monitor"})
public class ObservabilityServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject
  transient ServiceReport report;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int status = 200;
    JsonObject body;
    switch (request.getServletPath()) {
      case "/stats" -> body = report.stats();
      case "/polling" -> body = report.polling();
      default -> {
        ServiceReport.Monitor monitor = report.monitor();
        body = monitor.body();
        status = monitor.state() == ComponentHealth.State.UNHEALTHY ? 503 : 200;
      }
    }
    byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
