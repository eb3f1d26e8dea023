package io.argus.session.boundary;

import io.argus.platform.boundary.Problem;
import io.argus.platform.control.InvalidParameter;
import io.argus.security.boundary.Audited;
import io.argus.security.entity.Role;
import io.argus.session.control.SessionValidator;
import io.argus.session.control.Sessions;
import io.argus.session.entity.ScrapeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registers a service's metrics endpoint as a scrape target of a session. */
@ApplicationScoped
@Path("v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
@RolesAllowed(Role.OPERATOR_NAME)
public class ServicesResource {

  @Inject
  Sessions sessions;

  @Audited("service.register")
  @POST
  @Operation(operationId = "register_service_api_v1_services_post", summary = "Register a service for monitoring",
      description = "Splits the endpoint URL into a host:port target, scheme and metrics path, keeps the labels, and writes the"
          + " session's file_sd file for it. The same (client_id, name) again replaces the service.")
  @RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceRegistrationRequest.class)))
  @APIResponse(responseCode = "200", description = "Registered",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceRegistrationResponse.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or invalid (endpoint not http(s) with a host, reserved label names)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ServiceRegistrationResponse register(@Valid ServiceRegistrationRequest body) {
    if (body == null) {
      throw new InvalidParameter("body", "The body must be a JSON object with session_id, client_id, name and endpoint");
    }
    String sessionId = SessionValidator.slug("session_id", body.sessionId);
    ScrapeService service = SessionValidator.service(body.clientId, body.name, body.endpoint, body.labels);
    sessions.registerService(sessionId, service, body.endpoint);
    return new ServiceRegistrationResponse(true, service.name(), service.endpoint().address().target(), service.endpoint().scheme(),
        service.endpoint().metricsPath());
  }
}
