package io.argus.session.control;

import io.argus.platform.control.JsonText;
import io.argus.session.entity.ExporterKind;
import io.argus.session.entity.HostPort;
import io.argus.session.entity.ScrapeClient;
import io.argus.session.entity.ScrapeService;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders the file_sd JSON that tells a session's Prometheus what to scrape: one file per client
 * and exporter kind, one file per service. Labels are sorted so equal input gives equal bytes.
 */
public final class FileSdRenderer {

  /** Labels Argus sets on every target; a user label of the same name is refused, not merged. */
  public static final Set<String> RESERVED_LABELS = Set.of("session", "client_id", "node", "service");

  /** The Prometheus job (and target subdirectory) that scrapes services. */
  public static final String SERVICES_JOB = "services";

  private FileSdRenderer() {}

  /** The file name of a client's target file, the same in every exporter kind's directory. */
  public static String clientFileName(String clientId) {
    return clientId + ".json";
  }

  /** Client ids and service names cannot hold '.', so this name is unique per (client, service). */
  public static String serviceFileName(String clientId, String serviceName) {
    return clientId + "." + serviceName + ".json";
  }

  /**
   * The target file of one exporter kind of a client: a single target group, or an empty list
   * when the client disabled that exporter (so re-registering with it disabled removes it).
   */
  public static String client(String sessionId, ScrapeClient client, ExporterKind kind) {
    return client
        .exporter(kind)
        .map(
            address -> {
              var labels = new TreeMap<String, String>();
              labels.put("session", sessionId);
              labels.put("client_id", client.clientId());
              labels.put("node", client.node());
              return group(address, labels);
            })
        .orElse("[]\n");
  }

  /**
   * The target file of a service: its host:port as the target, scheme and path as the
   * {@code __scheme__} and {@code __metrics_path__} labels that override the job's defaults.
   */
  public static String service(String sessionId, ScrapeService service) {
    var labels = new TreeMap<String, String>(service.labels());
    labels.put("__metrics_path__", service.endpoint().metricsPath());
    labels.put("__scheme__", service.endpoint().scheme());
    labels.put("session", sessionId);
    labels.put("client_id", service.clientId());
    labels.put("service", service.name());
    return group(service.endpoint().address(), labels);
  }

  private static String group(HostPort target, Map<String, String> labels) {
    var out = new StringBuilder();
    out.append("[\n  {\n    \"targets\": [").append(JsonText.string(target.target())).append("],\n");
    out.append("    \"labels\": {\n");
    int i = 0;
    for (var e : labels.entrySet()) {
      out.append("      ").append(JsonText.string(e.getKey())).append(": ").append(JsonText.string(e.getValue()));
      out.append(++i < labels.size() ? ",\n" : "\n");
    }
    return out.append("    }\n  }\n]\n").toString();
  }
}
