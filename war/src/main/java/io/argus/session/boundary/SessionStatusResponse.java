package io.argus.session.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's status answer, with the reason of a FAILED or COMPLETED session. */
@Schema(name = "SessionStatusResponse", description = "Response for session status.",
    requiredProperties = {"status", "job", "prom_ready"})
public record SessionStatusResponse(
    @Schema(enumeration = {"CREATED", "STARTING", "RUNNING", "STOPPED", "FAILED", "COMPLETED", "CANCELLED"}) String status,
    JobView job,
    @Schema(description = "Prometheus answers /-/ready") boolean promReady,
    @Schema(description = "Why the session failed or ended, in SLURM's words") String reason,
    String prometheusUrl) {}
