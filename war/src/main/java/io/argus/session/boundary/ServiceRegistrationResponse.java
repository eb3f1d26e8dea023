package io.argus.session.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's answer to a service registration, with the endpoint as Prometheus scrapes it. */
@Schema(name = "ServiceRegistrationResponse", example = """
        {
          "ok": true,
          "name": "vllm",
          "target": "node01:8000",
          "scheme": "http",
          "metrics_path": "/metrics"
        }""", description = "Response for service registration.", requiredProperties = {"ok", "name"})
public record ServiceRegistrationResponse(
    boolean ok,
    String name,
    @Schema(description = "host:port", example = "node-001:8000") String target,
    @Schema(example = "http") String scheme,
    @Schema(example = "/metrics") String metricsPath) {}
