package io.argus.prometheus.boundary;

import io.argus.collect.boundary.Collector;
import io.argus.collect.entity.Snapshot;
import io.argus.platform.boundary.JsonbConfiguration;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /metrics/json}, {@code /metrics/json/cpu}, {@code /metrics/json/memory},
 * {@code /metrics/json/gpu}: the latest snapshot as JSON, beside Payara's Prometheus endpoint.
 */
@WebServlet(name = "argus-metrics-json", urlPatterns = {"/metrics/json", "/metrics/json/*"})
public class SnapshotJsonServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Jsonb JSONB = JsonbConfiguration.create();

  @Inject
  transient Collector collector;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Snapshot s = collector.latest();
    String section = request.getPathInfo() == null ? "/" : request.getPathInfo();
    Object body = switch (section) {
      case "/", "" -> SnapshotJson.all(s, collector.stats(), collector.interval().toMillis() / 1000.0);
      case "/cpu" -> SnapshotJson.cpu(s);
      case "/memory" -> SnapshotJson.memory(s);
      case "/gpu" -> SnapshotJson.gpu(s);
      default -> null;
    };
    if (body == null) {
      response.setStatus(404);
      response.setContentType("application/problem+json");
      response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
          + "\"detail\":\"No JSON view here; use /metrics/json, /metrics/json/cpu, /metrics/json/memory or /metrics/json/gpu\","
          + "\"instance\":\"/metrics/json\"}").getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] json = JSONB.toJson(body).getBytes(StandardCharsets.UTF_8);
    response.setContentType("application/json");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
