package io.argus.platform.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document: what went wrong, in words a caller can act on, never a stack trace.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "parameter", "request_id", "error_id"})
public record Problem(
    @Schema(description = "A URI reference that names the problem type", example = "about:blank") String type,
    @Schema(description = "Short summary of the problem type", example = "Invalid parameter") String title,
    @Schema(description = "The HTTP status code", example = "400") int status,
    @Schema(description = "What went wrong with this request", example = "kind must be one of gauge, counter, got 'x'") String detail,
    @Schema(description = "The request path", example = "/api/v1/metrics") String instance,
    @Schema(description = "The parameter, path segment or field at fault, if any", example = "kind") String parameter,
    @Schema(description = "The request id (also in X-Request-ID and in the server log)") String requestId,
    @Schema(description = "For server errors: the id under which the failure was logged") String errorId) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
