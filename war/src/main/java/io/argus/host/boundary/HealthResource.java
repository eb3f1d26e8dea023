package io.argus.host.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.argus.platform.control.Rfc3339;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/health}: the system-monitor API's health document, answered by the same checks as {@code /health/ready}. */
@ApplicationScoped
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System monitor")
public class HealthResource {

  @Inject
  @Readiness
  Instance<HealthCheck> checks;

  /** The document. */
  @Schema(name = "ServiceHealth", example = """
          {
            "status": "healthy",
            "service": "argus",
            "timestamp": "2026-11-24T10:00:05.001Z",
            "checks": {
              "database": "UP",
              "collector": "UP",
              "gpu": "UP",
              "telemetry-writer": "UP",
              "sessions": "UP",
              "shutdown": "UP",
              "cluster": "UP",
              "rate-limits": "UP"
            }
          }""")
  public record Health(
      @Schema(enumeration = {"healthy", "unhealthy"}) String status, String service, String timestamp,
      @Schema(description = "Each readiness check by name: UP or DOWN") Map<String, String> checks) {}

  @GET
  @Operation(operationId = "serviceHealth", summary = "Is Argus healthy", description = "healthy (200) when every readiness check is UP, else unhealthy (503).")
  @APIResponse(responseCode = "200", description = "Healthy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/ServiceHealth")))
  @APIResponse(responseCode = "503", description = "A check is down", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/ServiceHealth")))
  public Response health() {
    Map<String, String> results = new LinkedHashMap<>();
    boolean up = true;
    for (HealthCheck check : checks) {
      HealthCheckResponse r = check.call();
      results.put(r.getName(), r.getStatus().name());
      up &= r.getStatus() == HealthCheckResponse.Status.UP;
    }
    Health body = new Health(up ? "healthy" : "unhealthy", "argus", Rfc3339.format(Instant.now()), results);
    return Response.status(up ? 200 : 503).entity(body).build();
  }
}
