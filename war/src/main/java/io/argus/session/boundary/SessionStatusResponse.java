package io.argus.session.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's status answer, with the reason of a FAILED or COMPLETED session. */
@Schema(name = "SessionStatusResponse", example = """
        {
          "status": "RUNNING",
          "job": {
            "id": "4711",
            "state": "RUNNING",
            "node": "node01",
            "partition": "gpu",
            "time_limit": "4:00:00",
            "launcher": "slurm"
          },
          "prom_ready": true,
          "prometheus_url": "http://node01:9090"
        }""", description = "Response for session status.",
    requiredProperties = {"status", "job", "prom_ready"})
public record SessionStatusResponse(
    @Schema(enumeration = {"CREATED", "STARTING", "RUNNING", "STOPPED", "FAILED", "COMPLETED", "CANCELLED"}) String status,
    JobView job,
    @Schema(description = "Prometheus answers /-/ready") boolean promReady,
    @Schema(description = "Why the session failed or ended, in SLURM's words") String reason,
    String prometheusUrl) {}
