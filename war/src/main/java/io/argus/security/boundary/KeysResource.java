package io.argus.security.boundary;

import io.argus.platform.boundary.Problem;
import io.argus.platform.control.InvalidParameter;
import io.argus.security.control.KeyAdministration;
import io.argus.security.entity.IssuedKey;
import io.argus.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API keys: created (the secret shown once), listed without secrets, rotated, revoked. Admins only. */
@ApplicationScoped
@Path("v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Security")
@RolesAllowed(Role.ADMIN_NAME)
public class KeysResource {

  private static final String ID = "[0-9a-f]{12}|cfg-[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

  @Inject
  KeyAdministration keys;

  @Context
  UriInfo uri;

  @POST
  @Audited("key.create")
  @Operation(operationId = "createKey", summary = "Create an API key",
      description = "Returns the key once, in `key`; Argus keeps only its SHA-256. Send it as `Authorization: Bearer <key>` or `X-API-Key`.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyRequest.class)))
  @APIResponse(responseCode = "201", description = "Created; the only answer that shows the secret",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
  @APIResponse(responseCode = "400", description = "name or role is missing or invalid",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response create(@Valid KeyRequest body, @Context HttpServletRequest request) {
    if (body == null) {
      throw new InvalidParameter("body", "The body must be a JSON object with name and role");
    }
    return issued(keys.create(body.name(), body.role(), by(request)), request);
  }

  @GET
  @Operation(operationId = "listKeys", summary = "List API keys", description = "Configured and stored keys, revoked ones included; never a secret or a hash.")
  @APIResponse(responseCode = "200", description = "The keys",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = KeyView.class)))
  public List<KeyView> list() {
    return keys.list().stream().map(KeyView::of).toList();
  }

  @GET
  @Path("{key_id}")
  @Operation(operationId = "getKey", summary = "One API key, without its secret")
  @APIResponse(responseCode = "200", description = "The key",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
  @APIResponse(responseCode = "404", description = "No such key",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public KeyView get(@Parameter(description = "Key id") @PathParam("key_id") String id) {
    return KeyView.of(keys.get(id(id)));
  }

  @DELETE
  @Path("{key_id}")
  @Audited("key.revoke")
  @Operation(operationId = "revokeKey", summary = "Revoke an API key", description = "It stops working at once on this node, within argus.security.keys.refresh on others.")
  @APIResponse(responseCode = "200", description = "Revoked",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
  @APIResponse(responseCode = "404", description = "No such key",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "A configured key (remove it from argus.security.keys instead)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public KeyView revoke(@Parameter(description = "Key id") @PathParam("key_id") String id) {
    return KeyView.of(keys.revoke(id(id)));
  }

  @POST
  @Path("{key_id}/rotate")
  @Audited("key.rotate")
  @Operation(operationId = "rotateKey", summary = "Rotate an API key",
      description = "A new key with the same name and role, shown once; the old key is revoked now.")
  @APIResponse(responseCode = "201", description = "The new key",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
  @APIResponse(responseCode = "404", description = "No such key",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "A configured or revoked key",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response rotate(@Parameter(description = "Key id") @PathParam("key_id") String id, @Context HttpServletRequest request) {
    return issued(keys.rotate(id(id), by(request)), request);
  }

  private Response issued(IssuedKey issued, HttpServletRequest request) {
    request.setAttribute(RoleCheck.AUDIT_TARGET, Map.of("key_id", issued.key().id(), "key_name", issued.key().name()));
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.created(uri.getBaseUriBuilder().path("v1/keys").path(issued.key().id()).build())
        .cacheControl(noStore).entity(KeyView.of(issued)).build();
  }

  private static String by(HttpServletRequest request) {
    var caller = Callers.of(request);
    return caller.name() + " (" + caller.limitKey() + ")";
  }

  private static String id(String text) {
    if (text == null || !text.matches(ID)) {
      throw new InvalidParameter("key_id", "key_id must be a key id (12 hex digits, or cfg-<name> for a configured key)");
    }
    return text;
  }
}
