package io.argus.session.boundary;

import io.argus.session.control.SessionValidator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
  @NotNull(message = SessionValidator.REQUIRED)
  @Pattern(regexp = SessionValidator.SLUG_REGEX, message = SessionValidator.SLUG_RULE)
  public String sessionId;

  @Schema(description = "Associated client ID", example = "client-001")
  @NotNull(message = SessionValidator.REQUIRED)
  @Pattern(regexp = SessionValidator.SLUG_REGEX, message = SessionValidator.SLUG_RULE)
  public String clientId;

  @Schema(description = "Service name (e.g. vllm, triton)", example = "vllm")
  @NotNull(message = SessionValidator.REQUIRED)
  @Pattern(regexp = SessionValidator.SLUG_REGEX, message = SessionValidator.SLUG_RULE)
  public String name;

  @Schema(description = "Metrics URL, http or https with a host; the path defaults to /metrics", example = "http://node-001:8000/metrics")
  @NotNull(message = SessionValidator.REQUIRED)
  @Size(max = 2048, message = "is longer than 2048 characters")
  public String endpoint;

  @Schema(description = "Additional labels for the service's series", nullable = true, example = "{\"model\": \"gpt2\"}")
  @Size(max = 64, message = "has more than 64 labels; at most 64 are accepted")
  public Map<String, String> labels;
}
