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
import io.argus.prometheus.control.JvmMetrics;
import io.argus.prometheus.control.MetricFamily;
import io.argus.prometheus.control.RegistryMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * {@code GET /metrics}: this node's host and GPU gauges under the names dashboards use, the
 * dcgm-exporter family when {@code argus.metrics.dcgm-compat} is on, the collector's own figures,
 * Argus's request, cache and database figures, and then, unless {@code argus.metrics.server-metrics}
 * is off, the JVM's figures and the application's MicroProfile metrics under the names and
 * {@code mp_scope} labels the server's own metrics endpoint gives them. All of it is written in one
 * pass from memory (the latest snapshot, the MXBeans, the registry), never from the database. A
 * request with {@code scope} or {@code name} goes to the server's own metrics endpoint unchanged.
 */
@WebServlet(name = "argus-prometheus", urlPatterns = "/metrics", loadOnStartup = 1)
public class PrometheusServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PrometheusServlet.class.getName());
  private static final JvmMetrics JVM = JvmMetrics.platform();

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
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  transient MetricRegistry applicationMetrics;

  @Inject
  @ConfigProperty(name = "argus.metrics.dcgm-compat", defaultValue = "true")
  transient boolean dcgmCompat;

  @Inject
  @ConfigProperty(name = "argus.metrics.server-metrics", defaultValue = "true")
  transient boolean serverMetrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    if (request.getParameter("scope") != null || request.getParameter("name") != null) {
      Optional<RequestDispatcher> payara = payaraMetrics(request);
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

    if (serverMetrics) {
      Set<String> names = new HashSet<>();
      for (MetricFamily f : families) {
        names.add(f.name());
      }
      List<MetricFamily> server = new ArrayList<>(JVM.base());
      server.addAll(JVM.vendor());
      server.addAll(RegistryMetrics.from(applicationMetrics, MetricRegistry.APPLICATION_SCOPE));
      for (MetricFamily f : server) {
        if (names.add(f.name())) {
          families.add(f);
        } else {
          LOG.fine(() -> "MicroProfile metric " + f.name() + " left out: Argus writes a family of that name");
        }
      }
    }

    StringBuilder text = new StringBuilder(96 * 1024);
    ExpositionFormat.write(families, text);
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
}
