package io.argus.session.boundary;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's answer to a client registration, with the targets it produced. */
@Schema(name = "ClientRegistrationResponse", example = """
        {
          "ok": true,
          "client_id": "client-001",
          "targets": {
            "node": "node01:9100",
            "dcgm": "node01:9400"
          }
        }""", description = "Response for client registration.", requiredProperties = {"ok", "client_id"})
public record ClientRegistrationResponse(
    boolean ok,
    String clientId,
    @Schema(description = "Scrape target (host:port) per enabled exporter kind") Map<String, String> targets) {}
