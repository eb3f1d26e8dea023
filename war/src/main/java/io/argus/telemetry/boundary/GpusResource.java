package io.argus.telemetry.boundary;

import io.argus.security.boundary.Audited;
import io.argus.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.argus.platform.boundary.Problem;
import io.argus.telemetry.control.QueryParameters;
import io.argus.telemetry.control.TelemetryStore;
import io.argus.telemetry.entity.GpuSelector;
import io.argus.telemetry.entity.Page;
import io.argus.telemetry.entity.KnownGpu;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The GPUs the store knows, one GPU, and one GPU's telemetry. */
@ApplicationScoped
@Path("v1/gpus")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry")
@RolesAllowed(Role.READER_NAME)
public class GpusResource {

  @Inject
  TelemetryStore store;

  @Context
  UriInfo uri;

  @GET
  @Operation(operationId = "listGpus", summary = "List the GPUs known to the store",
      description = "In (hostname, gpu_id, uuid) order; limit and cursor page through them, the next page's URL is in"
          + " the Link header (rel=\"next\"). Answers may be up to argus.cache.gpus.ttl (2 s) old; a GPU stored"
          + " through this node is listed at once.")
  @APIResponse(responseCode = "200", description = "A page of GPUs",
      headers = {@Header(name = "Link", description = "<url>; rel=\"next\" when there is a next page"),
        @Header(name = "ETag", description = "Entity tag of the body; send it in If-None-Match to get 304")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = GpuView.class)))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "400", description = "A parameter has a value it cannot have",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "The store cannot be read now",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response list(
      @Parameter(description = "Only GPUs on this host", example = "node-a") @QueryParam("hostname") String hostname,
      @Parameter(description = "Only GPUs of this model", example = "NVIDIA H100 80GB HBM3")
      @QueryParam("model_name") String modelName,
      @Parameter(description = "Page size, 1 to 1000", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100"))
      @QueryParam("limit") String limit,
      @Parameter(description = "Position from the previous page's Link header") @QueryParam("cursor") String cursor) {
    Page<KnownGpu> page = store.reader().gpus(
        QueryParameters.text("hostname", hostname), QueryParameters.text("model_name", modelName),
        QueryParameters.limit("limit", limit, QueryParameters.DEFAULT_LIST_LIMIT, QueryParameters.MAX_LIST_LIMIT),
        Optional.ofNullable(cursor));
    return Listings.page(page.items().stream().map(GpuView::of).toList(), page.nextCursor(), uri);
  }

  @GET
  @Path("{gpu}")
  @Operation(operationId = "getGpu", summary = "One GPU by uuid, or by gpu_id with hostname",
      description = "A gpu_id matches that index on every host; with more than one match, hostname must narrow it."
          + " Answers may be up to argus.cache.gpus.ttl (2 s) old; a GPU stored through this node is found at once.")
  @APIResponse(responseCode = "200", description = "The GPU",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GpuView.class)))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "400", description = "Malformed gpu, or an index that exists on several hosts without hostname",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such GPU",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public GpuView get(
      @Parameter(description = "GPU uuid or gpu index", example = "GPU-5f3c9a1e-8b1d-4c7e-9f2a-0d3b6e7a8c91")
      @PathParam("gpu") String gpu,
      @Parameter(description = "Host of a gpu index", example = "node-a") @QueryParam("hostname") String hostname) {
    return GpuView.of(store.reader().gpu(GpuSelector.parse("gpu", gpu), QueryParameters.text("hostname", hostname)));
  }

  @GET
  @Path("{gpu}/telemetry")
  @Operation(operationId = "getGpuTelemetry", summary = "One GPU's telemetry over a time window",
      description = "Rows in (timestamp, series, metric) order over [start_time, end_time). {gpu} is a uuid, or a gpu"
          + " index (every host's GPU with that index unless hostname narrows it). step + agg downsample in the"
          + " database (buckets aligned to multiples of step since the Unix epoch). format=series returns one object"
          + " per series and metric with parallel timestamps/values arrays. The deprecated start/end still work; the"
          + " response then carries Deprecation: true and a Link to the same query with the new names.")
  @APIResponse(responseCode = "200", description = "A page of rows (format=rows) or of series (format=series)",
      headers = {
        @Header(name = "Link", description = "<url>; rel=\"next\" for the next page; with start/end also"
            + " <url>; rel=\"successor-version\" naming start_time/end_time"),
        @Header(name = "X-Next-Cursor", description = "The next page's cursor"),
        @Header(name = "Deprecation", description = "true when the deprecated start/end were used"),
        @Header(name = "ETag", description = "Entity tag of the body; send it in If-None-Match to get 304")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "#/components/schemas/TelemetryPage")))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "400", description = "A malformed timestamp, end before start, a bad limit, step, agg,"
      + " format or cursor, an unknown metric_name; the problem names the parameter",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No GPU matches {gpu}",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "The store cannot be read now",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response telemetry(
      @Parameter(description = "GPU uuid or gpu index", example = "0") @PathParam("gpu") String gpu,
      @Parameter(description = "Window start, RFC 3339; default end_time minus 24 h",
          example = "2026-11-24T00:00:00Z") @QueryParam("start_time") String startTime,
      @Parameter(description = "Window end (exclusive), RFC 3339; default now", example = "2026-11-24T01:00:00Z")
      @QueryParam("end_time") String endTime,
      @Parameter(description = "Deprecated: use start_time", deprecated = true) @QueryParam("start") String start,
      @Parameter(description = "Deprecated: use end_time", deprecated = true) @QueryParam("end") String end,
      @Parameter(description = "Only these metrics (Argus names or aliases); repeat or comma-separate",
          example = "gpu_temperature_celsius") @QueryParam("metric_name") List<String> metricNames,
      @Parameter(description = "Only GPUs on this host", example = "node-a") @QueryParam("hostname") String hostname,
      @Parameter(description = "Only samples attributed to this container") @QueryParam("container") String container,
      @Parameter(description = "Only samples attributed to this pod") @QueryParam("pod") String pod,
      @Parameter(description = "Only samples attributed to this namespace") @QueryParam("namespace") String namespace,
      @Parameter(description = "Only samples attributed to this SLURM job id") @QueryParam("slurm_job") String slurmJob,
      @Parameter(description = "Page size, 1 to 100000",
          schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10000")) @QueryParam("limit") String limit,
      @Parameter(description = "Position from the previous page's Link header") @QueryParam("cursor") String cursor,
      @Parameter(description = "Downsampling step: seconds, 60s, 5m, 1h, 1d or PT1M; at least 1s", example = "60s")
      @QueryParam("step") String step,
      @Parameter(description = "Aggregation per step (needs step)",
          schema = @Schema(enumeration = {"avg", "min", "max", "last", "count"}, defaultValue = "avg"))
      @QueryParam("agg") String agg,
      @Parameter(description = "rows (default) or series", schema = @Schema(enumeration = {"rows", "series"}))
      @QueryParam("format") String format) {
    GpuSelector selector = GpuSelector.parse("gpu", gpu);
    TelemetryRequests.Parsed parsed = TelemetryRequests.parse(Optional.of(selector), new TelemetryRequests.Raw(
        startTime, endTime, start, end, metricNames, hostname, container, pod, namespace, slurmJob, limit, cursor,
        step, agg, format), Instant.now());
    return TelemetryRequests.response(parsed, store.reader().telemetry(parsed.query()), uri);
  }
}
