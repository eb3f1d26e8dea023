package io.argus.telemetry.boundary;

import io.argus.platform.boundary.Problem;
import io.argus.platform.control.InvalidParameter;
import io.argus.security.boundary.Audited;
import io.argus.security.entity.Role;
import io.argus.telemetry.control.QueryParameters;
import io.argus.telemetry.control.ScrapeSources;
import io.argus.telemetry.control.SourceUrls;
import io.argus.telemetry.entity.SourceKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Prometheus-format endpoints Argus scrapes and stores (dcgm-exporter, node_exporter, nvidia_gpu_exporter, any). */
@ApplicationScoped
@Path("v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry")
@RolesAllowed(Role.READER_NAME)
public class SourcesResource {

  @Inject
  ScrapeSources sources;

  @Context
  UriInfo uri;

  @RolesAllowed(Role.OPERATOR_NAME)
  @Audited("source.create")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "registerSource", summary = "Register a scrape source",
      description = "Argus scrapes the URL every interval (on one node of a cluster), parses the Prometheus text,"
          + " maps names through the metric dictionary, registers the GPUs and hosts the labels identify and stores"
          + " the samples. Only http(s) URLs with a host; redirects are not followed; timeouts apply.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = SourceRequest.class)))
  @APIResponse(responseCode = "201", description = "Registered",
      headers = @Header(name = "Location", description = "The new source"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
  @APIResponse(responseCode = "400", description = "Missing or invalid url, kind or interval; malformed JSON",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The URL is registered already",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response register(@Valid SourceRequest request) {
    if (request == null) {
      throw new InvalidParameter("body", "The body must be a JSON object with url and kind");
    }
    var url = SourceUrls.validate("url", request.url());
    SourceKind kind = SourceKind.parse("kind", request.kind());
    Duration interval = request.interval() == null ? Duration.ofSeconds(15)
        : QueryParameters.step("interval", request.interval()).orElseThrow();
    SourceView created = SourceView.of(sources.register(url, kind, interval));
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created)
        .build();
  }

  @GET
  @Operation(operationId = "listSources", summary = "List the scrape sources", description = "In registration order.")
  @APIResponse(responseCode = "200", description = "The sources",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = SourceView.class)))
  @APIResponse(responseCode = "503", description = "The store cannot be read now",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public List<SourceView> list() {
    return sources.list().stream().map(SourceView::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getSource", summary = "One scrape source, with how its last scrape went")
  @APIResponse(responseCode = "200", description = "The source",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
  @APIResponse(responseCode = "400", description = "id is not a number",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such source",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SourceView get(@Parameter(description = "Source id", example = "1") @PathParam("id") String id) {
    return SourceView.of(sources.get(id(id)));
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  @Audited("source.delete")
  @DELETE
  @Path("{id}")
  @Operation(operationId = "deleteSource", summary = "Stop scraping a source and forget it",
      description = "Samples already stored stay.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "400", description = "id is not a number",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such source",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response delete(@Parameter(description = "Source id", example = "1") @PathParam("id") String id) {
    sources.remove(id(id));
    return Response.noContent().build();
  }

  private static long id(String text) {
    if (text == null || !text.matches("\\d{1,18}")) {
      throw new InvalidParameter("id", "id must be a source id (a whole number)");
    }
    return Long.parseLong(text);
  }
}
