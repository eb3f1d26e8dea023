package io.argus.session.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session's job as the launcher sees it now; empty when no job was submitted. */
@Schema(name = "SessionJob", description = "The session's job: id, state, node and SLURM's reason")
public record JobView(
    @Schema(example = "12345") String id,
    @Schema(description = "SLURM job state (PENDING, RUNNING, TIMEOUT, …); GONE once the launcher no longer knows the job", example = "RUNNING")
        String state,
    @Schema(example = "node01") String node,
    @Schema(example = "gpu") String partition,
    @Schema(description = "As SLURM prints it", example = "4:00:00") String timeLimit,
    @Schema(description = "SLURM's reason for the state", example = "TimeLimit") String reason,
    @Schema(example = "0:0") String exitCode,
    @Schema(enumeration = {"slurm", "local"}) String launcher,
    @Schema(description = "Why the state could not be read (SLURM unreachable)") String error) {}
