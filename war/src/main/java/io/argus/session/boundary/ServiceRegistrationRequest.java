package io.argus.session.boundary;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/services}. */
@Schema(name = "ServiceRegistrationRequest", example = """
        {
          "session_id": "bench-001",
          "client_id": "client-001",
          "name": "vllm",
          "endpoint": "http://node01:8000/metrics",
          "labels": {
            "model": "llama-3-8b"
          }
        }""", description = "Request to register a service for monitoring.",
    requiredProperties = {"session_id", "client_id", "name", "endpoint"})
public class ServiceRegistrationRequest {

  @Schema(description = "Monitoring session ID", example = "mon-1a2b3c4d")
  public String sessionId;

  @Schema(description = "Associated client ID", example = "client-001")
  public String clientId;

  @Schema(description = "Service name (e.g. vllm, triton)", example = "vllm")
  public String name;

  @Schema(description = "Metrics URL, http or https with a host; the path defaults to /metrics", example = "http://node-001:8000/metrics")
  public String endpoint;

  @Schema(description = "Additional labels for the service's series", nullable = true, example = "{\"model\": \"gpt2\"}")
  public Map<String, String> labels;
}
