package io.argus.session.boundary;

import io.argus.platform.boundary.Problem;
import io.argus.platform.control.InvalidParameter;
import io.argus.security.boundary.Audited;
import io.argus.security.entity.Role;
import io.argus.session.control.SessionValidator;
import io.argus.session.control.Sessions;
import io.argus.session.entity.ScrapeClient;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registers a client's exporters as scrape targets of a session. */
@ApplicationScoped
@Path("v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
@RolesAllowed(Role.OPERATOR_NAME)
public class ClientsResource {

  @Inject
  Sessions sessions;

  @Audited("client.register")
  @POST
  @Operation(operationId = "register_client_api_v1_clients_post", summary = "Register a client for monitoring",
      description = "Adds the client's node and DCGM exporter targets (per its preferences; a missing preference means enabled)"
          + " to the session's file_sd files, which Prometheus reads without a restart. Registering the same client_id again replaces it.")
  @RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientRegistrationRequest.class)))
  @APIResponse(responseCode = "200", description = "Registered",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientRegistrationResponse.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or invalid (ids not slugs, exporters not host:port, unknown kinds)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ClientRegistrationResponse register(@Valid ClientRegistrationRequest body) {
    if (body == null) {
      throw new InvalidParameter("body", "The body must be a JSON object with session_id, client_id, node, exporters and preferences");
    }
    String sessionId = SessionValidator.slug("session_id", body.sessionId);
    if (body.exporters == null) {
      throw new InvalidParameter("exporters", "exporters is required (an object such as {\"node\": \"host:9100\"})");
    }
    if (body.preferences == null) {
      throw new InvalidParameter("preferences", "preferences is required (an object such as {\"enable_node\": true})");
    }
    body.preferences.forEach((k, v) -> {
      if (v == null) {
        throw new InvalidParameter("preferences." + k, "preferences." + k + " must be true or false");
      }
    });
    ScrapeClient client = SessionValidator.client(body.clientId, body.node, body.exporters, body.preferences);
    sessions.registerClient(sessionId, client, Map.copyOf(body.exporters), Map.copyOf(body.preferences));
    return new ClientRegistrationResponse(true, client.clientId(), ClientView.targets(client));
  }
}
