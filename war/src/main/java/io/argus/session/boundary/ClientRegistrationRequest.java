package io.argus.session.boundary;

import io.argus.session.control.SessionValidator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/clients}. */
@Schema(name = "ClientRegistrationRequest", example = """
        {
          "session_id": "bench-001",
          "client_id": "client-001",
          "node": "node01",
          "exporters": {
            "node": "node01:9100",
            "dcgm": "node01:9400"
          },
          "preferences": {
            "enable_node": true,
            "enable_dcgm": true
          }
        }""", description = "Request to register a client for monitoring.",
    requiredProperties = {"session_id", "client_id", "node", "exporters", "preferences"})
public class ClientRegistrationRequest {

  @Schema(description = "Monitoring session ID", example = "mon-1a2b3c4d")
  @NotNull(message = SessionValidator.REQUIRED)
  @Pattern(regexp = SessionValidator.SLUG_REGEX, message = SessionValidator.SLUG_RULE)
  public String sessionId;

  @Schema(description = "Unique client identifier within the session", example = "client-001")
  @NotNull(message = SessionValidator.REQUIRED)
  @Pattern(regexp = SessionValidator.SLUG_REGEX, message = SessionValidator.SLUG_RULE)
  public String clientId;

  @Schema(description = "Node name where the client runs (DNS name or IPv4 address)", example = "node-001")
  @NotNull(message = SessionValidator.REQUIRED)
  @Pattern(regexp = SessionValidator.HOST_REGEX, message = SessionValidator.HOST_RULE)
  public String node;

  @Schema(description = "Exporter kind (node, dcgm) to host:port; a missing kind is expected on the node at its default port",
      example = "{\"node\": \"node-001:9100\", \"dcgm\": \"node-001:9400\"}")
  @NotNull(message = "is required (an object such as {\"node\": \"host:9100\"})")
  @Size(max = 16, message = "has more than 16 entries")
  public Map<String, String> exporters;

  @Schema(description = "enable_node / enable_dcgm; a missing key means true", example = "{\"enable_node\": true, \"enable_dcgm\": false}")
  @NotNull(message = "is required (an object such as {\"enable_node\": true})")
  @Size(max = 16, message = "has more than 16 entries")
  public Map<String, Boolean> preferences;
}
