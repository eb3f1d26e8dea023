package io.argus.session.boundary;

import io.argus.session.control.SessionValidator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/sessions}; every field is optional and has the contract's default. */
@Schema(name = "SessionCreateRequest", example = """
        {
          "run_id": "bench-001",
          "scrape_interval": "1s",
          "retention_hours": 6,
          "prometheus_port": 9090,
          "prom_host": "localhost"
        }""", description = "Request to create a new monitoring session.")
public class SessionCreateRequest {

  static final String RETENTION_RULE = "is out of range; expected 1 to 87600";

  @Schema(description = "Session identifier (1-64 letters, digits, '_' or '-'); generated as mon-<8 hex> when absent",
      nullable = true, example = "bench-001", pattern = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
  @Pattern(regexp = SessionValidator.SLUG_REGEX, message = SessionValidator.SLUG_RULE)
  public String runId;

  @Schema(description = "Prometheus scrape interval", defaultValue = "1s", example = "1s")
  @Pattern(regexp = SessionValidator.DURATION_REGEX, message = SessionValidator.DURATION_RULE)
  public String scrapeInterval = "1s";

  @Schema(description = "How long Prometheus keeps data, in hours (its own default when absent)", nullable = true, minimum = "1", example = "6")
  @Min(value = 1, message = SessionCreateRequest.RETENTION_RULE)
  @Max(value = 87_600, message = SessionCreateRequest.RETENTION_RULE)
  public Integer retentionHours;

  @Schema(description = "Port Prometheus listens on", defaultValue = "9090", minimum = "1", maximum = "65535")
  @Min(value = 1, message = SessionValidator.PORT_RULE)
  @Max(value = 65_535, message = SessionValidator.PORT_RULE)
  public Integer prometheusPort = 9090;

  @Schema(description = "Host name Prometheus is reached at until SLURM names the node", defaultValue = "localhost")
  @Pattern(regexp = SessionValidator.HOST_REGEX, message = SessionValidator.HOST_RULE)
  public String promHost = "localhost";
}
