package io.argus.session.boundary;

import io.argus.session.control.SessionValidator;
import io.argus.session.entity.ExporterKind;
import io.argus.session.entity.SessionClient;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered client with the targets derived from it. */
@Schema(name = "SessionClient", example = """
        {
          "client_id": "client-001",
          "node": "node01",
          "exporters": {
            "node": "node01:9100",
            "dcgm": "node01:9400"
          },
          "preferences": {
            "enable_node": true,
            "enable_dcgm": true
          },
          "targets": {
            "node": "node01:9100",
            "dcgm": "node01:9400"
          },
          "registered_at": "2026-11-24T09:59:01.220Z",
          "updated_at": "2026-11-24T09:59:01.220Z"
        }""")
public record ClientView(
    String clientId,
    String node,
    Map<String, String> exporters,
    Map<String, Boolean> preferences,
    @Schema(description = "Scrape target per enabled exporter kind") Map<String, String> targets,
    Instant registeredAt,
    Instant updatedAt) {

  static ClientView of(SessionClient c) {
    return new ClientView(c.clientId(), c.node(), c.exporters(), c.preferences(),
        targets(SessionValidator.client(c.clientId(), c.node(), c.exporters(), c.preferences())), c.registeredAt().toInstant(),
        c.updatedAt().toInstant());
  }

  static Map<String, String> targets(io.argus.session.entity.ScrapeClient client) {
    var out = new TreeMap<String, String>();
    for (ExporterKind kind : ExporterKind.values()) {
      client.exporter(kind).ifPresent(t -> out.put(kind.key(), t.target()));
    }
    return out;
  }
}
