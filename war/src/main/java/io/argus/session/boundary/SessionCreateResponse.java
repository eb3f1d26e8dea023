package io.argus.session.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's answer to a create. */
@Schema(name = "SessionCreateResponse", example = """
        {
          "session_id": "bench-001",
          "prometheus_url": "http://localhost:9090",
          "status": "CREATED",
          "workdir": "/var/lib/argus/sessions/bench-001"
        }""", description = "Response for session creation.",
    requiredProperties = {"session_id", "prometheus_url", "status", "workdir"})
public record SessionCreateResponse(
    @Schema(example = "mon-1a2b3c4d") String sessionId,
    @Schema(example = "http://localhost:9090") String prometheusUrl,
    @Schema(example = "CREATED") String status,
    @Schema(description = "The session's working directory (prometheus.yml, targets, logs)") String workdir) {}
