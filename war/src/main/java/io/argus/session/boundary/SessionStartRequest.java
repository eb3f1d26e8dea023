package io.argus.session.boundary;

import io.argus.session.control.SessionValidator;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /api/v1/sessions/{id}/start}. */
@Schema(name = "SessionStartRequest", description = "Request to start a monitoring session.")
public class SessionStartRequest {

  @Schema(description = "SLURM partition (argus.session.default-partition, else SLURM's default, when absent)",
      nullable = true, example = "gpu", pattern = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")
  @Pattern(regexp = SessionValidator.PARTITION_REGEX, message = SessionValidator.PARTITION_RULE)
  public String partition;

  @Schema(description = "SLURM time limit: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS or UNLIMITED",
      defaultValue = "04:00:00", example = "04:00:00")
  @Pattern(regexp = SessionValidator.TIME_LIMIT_REGEX, message = SessionValidator.TIME_LIMIT_RULE)
  public String timeLimit = "04:00:00";
}
