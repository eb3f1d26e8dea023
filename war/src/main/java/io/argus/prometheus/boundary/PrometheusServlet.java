package io.argus.prometheus.boundary;

import io.argus.cluster.boundary.Leadership;
import io.argus.prometheus.control.ClusterMetrics;
import io.argus.collect.boundary.Collector;
import io.argus.collect.entity.Snapshot;
import io.argus.ops.control.Caches;
import io.argus.ops.control.RequestMetrics;
import io.argus.ops.control.ServiceMetrics;
import io.argus.platform.control.Database;
import io.argus.prometheus.control.CollectorMetrics;
import io.argus.prometheus.control.DcgmMetrics;
import io.argus.prometheus.control.ExpositionFormat;
import io.argus.prometheus.control.GpuMetrics;
import io.argus.prometheus.control.HostMetrics;
import io.argus.prometheus.control.MetricFamily;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /metrics}: this node's host and GPU gauges under the names dashboards use, the
 * dcgm-exporter family when {@code argus.metrics.dcgm-compat} is on, the collector's own figures,
 * Argus's request, cache and database figures, and then the server's MicroProfile metrics (JVM, application) as Payara renders them. Read from
 * the latest snapshot in memory, never from the database. A request with {@code scope} goes to
 * Payara's own metrics endpoint unchanged.
 */
@WebServlet(name = "argus-prometheus", urlPatterns = "/metrics", loadOnStartup = 1)
public class PrometheusServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final List<String> SERVER_SCOPES = List.of("base", "vendor", "application");

  @Inject
  transient Collector collector;

  @Inject
  transient RequestMetrics requests;

  @Inject
  transient Caches caches;

  @Inject
  transient Database database;

  @Inject
  transient Leadership leadership;

  @Inject
  @ConfigProperty(name = "argus.metrics.dcgm-compat", defaultValue = "true")
  transient boolean dcgmCompat;

  @Inject
  @ConfigProperty(name = "argus.metrics.server-metrics", defaultValue = "true")
  transient boolean serverMetrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    Optional<RequestDispatcher> payara = payaraMetrics(request);
    if (request.getParameter("scope") != null || request.getParameter("name") != null) {
      if (payara.isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND, "no MicroProfile metrics endpoint in this server");
        return;
      }
      payara.get().forward(request, response);
      return;
    }
    Snapshot snapshot = collector.latest();
    List<MetricFamily> families = new ArrayList<>(HostMetrics.from(snapshot.host()));
    families.addAll(GpuMetrics.from(snapshot));
    if (dcgmCompat) {
      families.addAll(DcgmMetrics.from(snapshot));
    }
    families.addAll(CollectorMetrics.from(collector.stats(), collector.gpuBackend(), collector.gpuErrorCounts(),
        collector.interval().toMillis() / 1000.0));
    families.addAll(requests.families());
    families.addAll(caches.families());
    families.addAll(ServiceMetrics.database(database.pool(), database.queries()));
    families.addAll(ClusterMetrics.from(leadership.view()));

    StringBuilder text = new StringBuilder(32 * 1024);
    ExpositionFormat.write(families, text);
    if (serverMetrics && payara.isPresent()) {
      for (String scope : SERVER_SCOPES) {
        text.append(include(payara.get(), request, response, scope));
      }
    }
    response.setContentType(ExpositionFormat.CONTENT_TYPE);
    byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Payara's MicroProfile metrics servlet in this context, found by its mapping. */
  private Optional<RequestDispatcher> payaraMetrics(HttpServletRequest request) {
    for (Map.Entry<String, ? extends ServletRegistration> e : request.getServletContext().getServletRegistrations().entrySet()) {
      if (!e.getKey().equals(getServletName()) && e.getValue().getMappings().contains("/metrics/*")) {
        return Optional.ofNullable(request.getServletContext().getNamedDispatcher(e.getKey()));
      }
    }
    return Optional.empty();
  }

  private static String include(RequestDispatcher dispatcher, HttpServletRequest request, HttpServletResponse response,
      String scope) throws ServletException, IOException {
    HttpServletRequest scoped = new HttpServletRequestWrapper(request) {
      @Override
      public String getParameter(String name) {
        return "scope".equals(name) ? scope : super.getParameter(name);
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        return Map.of("scope", new String[] {scope});
      }

      @Override
      public String getQueryString() {
        return "scope=" + scope;
      }

      @Override
      public String getHeader(String name) {
        return "Accept".equalsIgnoreCase(name) ? "text/plain" : super.getHeader(name);
      }
    };
    CharArrayWriter captured = new CharArrayWriter(8192);
    HttpServletResponseWrapper capture = new HttpServletResponseWrapper(response) {
      private final PrintWriter writer = new PrintWriter((Writer) captured);

      @Override
      public PrintWriter getWriter() {
        return writer;
      }

      @Override
      public jakarta.servlet.ServletOutputStream getOutputStream() {
        return new jakarta.servlet.ServletOutputStream() {
          @Override
          public void write(int b) {
            captured.write(b);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(jakarta.servlet.WriteListener listener) {}
        };
      }
    };
    dispatcher.include(scoped, capture);
    capture.getWriter().flush();
    return captured.toString();
  }
}
