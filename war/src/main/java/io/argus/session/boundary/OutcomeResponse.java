package io.argus.session.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's answer to stop and delete. */
@Schema(name = "SessionStopResponse", example = """
        {
          "success": true,
          "message": "SLURM job 4711 cancelled; squeue no longer lists it"
        }""", description = "Response for session stop and deletion.", requiredProperties = {"success", "message"})
public record OutcomeResponse(boolean success, @Schema(example = "SLURM job 12 cancelled; squeue no longer lists it") String message) {}
