package io.argus.telemetry.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.argus.security.boundary.Audited;
import io.argus.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.argus.platform.boundary.Problem;
import io.argus.telemetry.control.QueryParameters;
import io.argus.telemetry.control.TelemetryStore;
import io.argus.telemetry.entity.KnownHost;
import io.argus.telemetry.entity.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The hosts the store knows. */
@ApplicationScoped
@Path("v1/hosts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry")
@RolesAllowed(Role.READER_NAME)
public class HostsResource {

  @Inject
  TelemetryStore store;

  @Context
  UriInfo uri;

  @GET
  @Operation(operationId = "listHosts", summary = "List the hosts known to the store",
      description = "In (hostname, node_id) order, with the number of GPUs known on each; limit and cursor page"
          + " through them (Link header, rel=\"next\").")
  @APIResponse(responseCode = "200", description = "A page of hosts",
      headers = {@Header(name = "Link", description = "<url>; rel=\"next\" when there is a next page"),
        @Header(name = "ETag", description = "Entity tag of the body; send it in If-None-Match to get 304")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = HostView.class)))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "400", description = "A parameter has a value it cannot have",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "The store cannot be read now",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response list(
      @Parameter(description = "Only this host", example = "node-a") @QueryParam("hostname") String hostname,
      @Parameter(description = "Page size, 1 to 1000", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100"))
      @QueryParam("limit") String limit,
      @Parameter(description = "Position from the previous page's Link header") @QueryParam("cursor") String cursor) {
    Page<KnownHost> page = store.reader().hosts(QueryParameters.text("hostname", hostname),
        QueryParameters.limit("limit", limit, QueryParameters.DEFAULT_LIST_LIMIT, QueryParameters.MAX_LIST_LIMIT),
        Optional.ofNullable(cursor));
    return Listings.page(page.items().stream().map(HostView::of).toList(), page.nextCursor(), uri);
  }
}
